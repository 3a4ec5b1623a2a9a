import type { DiskIoCounters, NetIoCounters, NicStats } from '@procyon/collector';
import type { DiskSample, NicSample } from '../../shared';

// Counters → per-second rates between two readings `seconds` apart. Pure, so
// the arithmetic is tested apart from /proc. A device that appears between
// readings, or a counter that went backwards, gives 0 for that tick rather
// than a spike.

export function perSec(cur: number, prev: number | undefined, seconds: number): number {
  if (prev === undefined || seconds <= 0 || cur < prev) return 0;
  return (cur - prev) / seconds;
}

export function diskSamples(cur: Record<string, DiskIoCounters>, prev: Record<string, DiskIoCounters> | undefined, seconds: number): DiskSample[] {
  return Object.entries(cur).map(([name, c]) => {
    const p = prev?.[name];
    const busyMs = perSec(c.busyTime, p?.busyTime, seconds);
    return {
      name,
      readBytesPerSec: perSec(c.readBytes, p?.readBytes, seconds),
      writeBytesPerSec: perSec(c.writeBytes, p?.writeBytes, seconds),
      readsPerSec: perSec(c.readCount, p?.readCount, seconds),
      writesPerSec: perSec(c.writeCount, p?.writeCount, seconds),
      // busy_time is in ms: ms busy per second / 10 = percent, capped (merged queues can over-count).
      busyPercent: Math.min(100, busyMs / 10),
      readBytes: c.readBytes,
      writeBytes: c.writeBytes,
    };
  });
}

export function nicSamples(
  cur: Record<string, NetIoCounters>,
  prev: Record<string, NetIoCounters> | undefined,
  stats: Record<string, NicStats>,
  seconds: number,
): NicSample[] {
  return Object.entries(cur).map(([name, c]) => {
    const p = prev?.[name];
    const st = stats[name];
    return {
      name,
      bytesSentPerSec: perSec(c.bytesSent, p?.bytesSent, seconds),
      bytesRecvPerSec: perSec(c.bytesRecv, p?.bytesRecv, seconds),
      packetsSentPerSec: perSec(c.packetsSent, p?.packetsSent, seconds),
      packetsRecvPerSec: perSec(c.packetsRecv, p?.packetsRecv, seconds),
      ...c,
      stats: st ? { isup: st.isup, duplex: st.duplex, speed: st.speed, mtu: st.mtu, flags: st.flags } : null,
    };
  });
}
