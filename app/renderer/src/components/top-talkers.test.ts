import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { topTalkers } from './TopTalkers';

const row = (pid: number, net: ProcessRow['net']): ProcessRow => ({
  pid, createTime: 1, ppid: 1, name: `p${pid}`, username: 'u', status: 'running', cpuPercent: 0, cpuTimes: 0, rss: 1, vms: 1, memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0, net,
});
const use = (receiveRate: number | null, transmitRate: number | null, bytes = 0, sockets = 1) => ({ receiveBytes: bytes, transmitBytes: 0, receiveRate, transmitRate, sockets, uncounted: 0 });

describe('top talkers', () => {
  it('ranks by receive + send rate now, then bytes since watched, then pid; only processes with a counted socket, at most 10', () => {
    const rows = [
      row(1, use(10, 5)),
      row(2, use(100, 0)),
      row(3, use(0, 0, 900)),
      row(4, use(0, 0, 100)),
      row(5, use(null, null)),
      row(6, null),
      row(7, undefined),
      row(8, use(0, 0, 0, 0)), // UDP only: nothing counted
      ...Array.from({ length: 12 }, (_, i) => row(100 + i, use(1, 0))),
    ];
    const top = topTalkers(rows);
    expect(top).toHaveLength(10);
    expect(top.slice(0, 3).map((r) => r.pid)).toEqual([2, 1, 100]);
    expect(top.some((r) => [6, 7, 8].includes(r.pid))).toBe(false);
    expect(topTalkers(rows, 20).map((r) => r.pid).slice(-3)).toEqual([3, 4, 5]);
  });
});
