import { processTableRates, type ProcessTableResult } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { countersOf, ratesSince, restingRates, type Counters } from './process-rates';

const prev: ProcessTableResult = {
  timestamp: 100,
  rows: [
    { pid: 1, createTime: 10, cpuTimes: 5, readBytes: 1000, writeBytes: 0 },
    { pid: 7, createTime: 20, cpuTimes: 1, readBytes: null, writeBytes: null }, // another user's io
    { pid: 9, createTime: 30, cpuTimes: 2, readBytes: 50, writeBytes: 50 }, // its pid is reused below
    { pid: 12, createTime: 40, cpuTimes: 3 }, // a table read without io
    { pid: 15, createTime: 41, cpuTimes: 9, readBytes: 10, writeBytes: 10 }, // gone next tick
  ],
};
// Its CPU times were all read by 102.5 (cpuTimesUntil): CPU rates are over 2.5 s, I/O rates over 2 s.
const next: ProcessTableResult = {
  timestamp: 102,
  cpuTimesUntil: 102.5,
  rows: [
    { pid: 1, createTime: 10, cpuTimes: 5.37, readBytes: 5096, writeBytes: 0 },
    { pid: 7, createTime: 20, cpuTimes: 0.5, readBytes: 10, writeBytes: null }, // a counter that went back: 0, as psutil
    { pid: 9, createTime: 31, cpuTimes: 0.2, readBytes: 0, writeBytes: 0 },
    { pid: 12, createTime: 40, cpuTimes: 3.02 },
    { pid: 20, createTime: 42, cpuTimes: 0, readBytes: 0, writeBytes: 0 }, // new
  ],
};
const basesOf = (t: ProcessTableResult) => new Map<number, Counters>(t.rows.map((r) => [r.pid, countersOf(r)]));
const between = { io: 2, cpu: 2.5 };
const all = (seconds: number) => ({ io: seconds, cpu: seconds });

describe('ratesSince', () => {
  it('equals the collector’s processTableRates row for row (new, reused pid, null and missing io, a counter that went back)', () => {
    const bases = basesOf(prev);
    const ours = next.rows.map((row) => ({ pid: row.pid, createTime: row.createTime, ...ratesSince(bases.get(row.pid), row, between) }));
    expect(ours).toEqual(processTableRates(prev, next));
    expect(ours[0]).toEqual({ pid: 1, createTime: 10, cpuPercent: 14.8, readBytesPerSec: 2048, writeBytesPerSec: 0 });
    expect(ours[2]!.cpuPercent).toBeNull(); // pid 9 is another process now
  });

  it('gives nulls without a base, and when no time has passed', () => {
    expect(ratesSince(undefined, next.rows[0]!, all(1))).toEqual({ cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null });
    const { pid: _pid, createTime: _ct, ...collectors } = processTableRates(prev, prev)[0]!;
    expect(ratesSince(countersOf(prev.rows[0]!), prev.rows[0]!, all(0))).toEqual(collectors);
    expect(collectors).toEqual({ cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null });
  });
});

describe('restingRates', () => {
  it('is what ratesSince gives for a row whose counters stood still', () => {
    for (const row of prev.rows) {
      for (const elapsed of [all(0), all(1.5), between]) expect(restingRates(countersOf(row), elapsed)).toEqual(ratesSince(countersOf(row), row, elapsed));
    }
    expect(restingRates(countersOf(prev.rows[1]!), all(1))).toEqual({ cpuPercent: 0, readBytesPerSec: null, writeBytesPerSec: null });
  });
});
