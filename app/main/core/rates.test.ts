import { describe, expect, it } from 'vitest';
import { diskSamples, nicSamples, perSec } from './rates';

const disk = (o: Partial<Record<string, number>>) => ({
  readCount: 0, writeCount: 0, readBytes: 0, writeBytes: 0, readTime: 0, writeTime: 0, readMergedCount: 0, writeMergedCount: 0, busyTime: 0, ...o,
});
const nic = (o: Partial<Record<string, number>>) => ({ bytesSent: 0, bytesRecv: 0, packetsSent: 0, packetsRecv: 0, errin: 0, errout: 0, dropin: 0, dropout: 0, ...o });

describe('rates', () => {
  it('perSec: delta over time; 0 for a first reading, no time, or a counter that went back', () => {
    expect(perSec(300, 100, 2)).toBe(100);
    expect(perSec(300, undefined, 2)).toBe(0);
    expect(perSec(300, 100, 0)).toBe(0);
    expect(perSec(50, 100, 1)).toBe(0);
  });

  it('disks: bytes, IOPS and busy % from busy_time ms', () => {
    const [s] = diskSamples({ sda: disk({ readBytes: 4096, writeCount: 10, busyTime: 500 }) }, { sda: disk({}) }, 1);
    expect(s).toMatchObject({ name: 'sda', readBytesPerSec: 4096, writesPerSec: 10, busyPercent: 50, readBytes: 4096 });
    const [capped] = diskSamples({ sda: disk({ busyTime: 3000 }) }, { sda: disk({}) }, 1);
    expect(capped!.busyPercent).toBe(100);
  });

  it('NICs: rates, counters, and stats when the interface has them', () => {
    const [s] = nicSamples({ eth0: nic({ bytesRecv: 2000, packetsSent: 4 }) }, { eth0: nic({}) }, { eth0: { isup: true, duplex: 2, speed: 1000, mtu: 1500, flags: 'up' } }, 2);
    expect(s).toMatchObject({ name: 'eth0', bytesRecvPerSec: 1000, packetsSentPerSec: 2, bytesRecv: 2000, stats: { speed: 1000 } });
    const [noStats] = nicSamples({ tun0: nic({}) }, undefined, {}, 1);
    expect(noStats!.stats).toBeNull();
    expect(noStats!.bytesRecvPerSec).toBe(0);
  });
});
