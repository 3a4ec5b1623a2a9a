// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { appendRing } from './process-ring';

const row = (net: ProcessRow['net']): ProcessRow => ({
  pid: 7, createTime: 70, ppid: 1, name: 'p', username: 'u', status: 'sleeping', cpuPercent: 1, cpuTimes: 0, rss: 10, vms: 10, memoryPercent: 0,
  numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: 0, writeBytesPerSec: 0, terminal: null, cpuNum: 0, ...(net !== undefined && { net }),
});
const net = (rx: number | null, tx: number | null) => ({ receiveBytes: 0, transmitBytes: 0, receiveRate: rx, transmitRate: tx, sockets: 1, uncounted: 0 });

describe("the details' ring: network rates", () => {
  it('a tick whose table read network use carries its rates; one that did not leaves a gap, not a zero', () => {
    const w = { pid: 7, createTime: 70 };
    let ring = appendRing([], w, [row(undefined)], 1000);
    ring = appendRing(ring, w, [row(net(null, null))], 2000); // a first read: no rate yet
    ring = appendRing(ring, w, [row(net(2048, 512))], 3000);
    ring = appendRing(ring, w, [row(null)], 4000); // holds no socket now
    expect(ring.map((p) => [p.rx, p.tx])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [2048, 512],
      [0, 0],
    ]);
    expect('rx' in ring[0]!).toBe(false);
  });
});
