import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_MS, PROCESS_SERIES_LIMIT, type Culprits, type ProcessRow } from '../../shared';
import { RAW_SPAN_MS } from './history';
import { ProcessSeries } from './process-series';

const row = (pid: number, cpu: number, createTime = 1000 + pid): ProcessRow => ({
  pid,
  createTime,
  ppid: 1,
  name: `p${pid}`,
  username: 'u',
  status: 'running',
  cpuPercent: cpu,
  cpuTimes: 0,
  rss: pid * 1024,
  vms: 0,
  memoryPercent: 0,
  numThreads: 1,
  nice: 0,
  cmdline: [],
  readBytesPerSec: 10,
  writeBytesPerSec: 5,
  terminal: null,
  cpuNum: 0,
});
const named = (...pids: number[]): Culprits => ({ cpu: pids.map((pid) => ({ pid, createTime: 1000 + pid, name: `p${pid}`, value: 1 })) });
const T0 = 1_700_000_040_000;

describe('ProcessSeries', () => {
  it('keeps a culprit’s series from when it was first named, in the raw, 5 s and 1 min tiers', () => {
    const s = new ProcessSeries();
    const rows = new Map<number, ProcessRow>();
    let now = T0;
    for (let i = 0; i < 130; i++) {
      now = T0 + i * 1000;
      rows.set(7, row(7, i % 2 === 0 ? 10 : 30));
      rows.set(8, row(8, 50));
      s.record(now, i === 3 ? named(7) : undefined, (pid) => rows.get(pid));
    }
    const raw = s.since(7, 1007, 300_000, now - 300_000);
    expect(raw).toHaveLength(127); // from tick 3 on
    expect(raw[0]).toEqual({ t: T0 + 3000, cpu: 30, rss: 7 * 1024, readBytesPerSec: 10, writeBytesPerSec: 5 });
    const fives = s.since(7, 1007, 3_600_000, now - 3_600_000);
    expect(fives.slice(1).every((p) => p.cpu === 20 || p.cpu === 18 || p.cpu === 22)).toBe(true);
    const minutes = s.since(7, 1007, 86_400_000, now - 86_400_000);
    expect(minutes).toHaveLength(2);
    expect(minutes[1]!.cpu).toBe(20);
    // Never named: nothing kept; another createTime is another process.
    expect(s.since(8, 1008, 300_000, 0)).toEqual([]);
    expect(s.since(7, 999, 300_000, 0)).toEqual([]);
  });

  it('lets go of a process that exits, and replaces a reused pid', () => {
    const s = new ProcessSeries();
    const rows = new Map([[7, row(7, 10)]]);
    s.record(T0, named(7), (pid) => rows.get(pid));
    expect(s.size).toBe(1);
    rows.set(7, row(7, 10, 5555)); // pid 7 reused by another process
    s.record(T0 + 1000, undefined, (pid) => rows.get(pid));
    expect(s.size).toBe(0);
    rows.clear();
    s.record(T0 + 2000, named(7), (pid) => rows.get(pid));
    expect(s.size).toBe(0);
  });

  it(`stays bounded: at most ${PROCESS_SERIES_LIMIT} processes, the least recently named let go, each within its tiers' lengths`, () => {
    const s = new ProcessSeries();
    const rows = new Map<number, ProcessRow>();
    for (let pid = 1; pid <= 100; pid++) rows.set(pid, row(pid, pid));
    // 29 hours at the fastest interval, a new culprit every minute, process 1 named every tick.
    const step = MIN_INTERVAL_MS;
    const freshAt = (i: number) => 2 + (Math.floor(i / (60_000 / step)) % 99);
    let last = 0;
    for (let i = 0, now = T0; now < T0 + 1.2 * 86_400_000; i++, now += step) {
      const fresh = freshAt(i);
      last = i;
      s.record(now, named(1, fresh), (pid) => rows.get(pid));
      expect(s.size).toBeLessThanOrEqual(PROCESS_SERIES_LIMIT);
      if (i % 50_000 === 0) expect(s.points).toBeLessThanOrEqual(PROCESS_SERIES_LIMIT * (RAW_SPAN_MS / MIN_INTERVAL_MS + 720 + 1440));
    }
    // The one named throughout is still kept, with its whole day; the first newcomers are long gone.
    expect(s.since(1, 1001, 86_400_000, 0).length).toBe(1440);
    const longAgo = freshAt(last - 20 * (60_000 / step)); // named 20 minutes ago: 16 newer ones since
    expect(s.since(longAgo, 1000 + longAgo, 300_000, 0)).toEqual([]);
    expect(s.since(freshAt(last), 1000 + freshAt(last), 300_000, 0).length).toBeGreaterThan(0);
    expect(s.points).toBeLessThanOrEqual(PROCESS_SERIES_LIMIT * (RAW_SPAN_MS / MIN_INTERVAL_MS + 720 + 1440));
  }, 120_000);
});
