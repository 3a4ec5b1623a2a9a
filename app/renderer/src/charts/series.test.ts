// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/payloads';
import { cpuTotalSeries, memorySeries, minuteTicks, perCoreSeries } from './series';

const tick = (seq: number, cpu: number[] | null): Snapshot =>
  ({
    seq,
    time: seq * 1000,
    intervalMs: 1000,
    cpu: cpu && { percent: cpu.reduce((a, b) => a + b, 0) / cpu.length, perCpu: cpu, timesPercent: {} },
    memory: { percent: 40 + seq },
    swap: { percent: 0 },
  }) as unknown as Snapshot;

describe('series', () => {
  const history = [tick(1, null), tick(2, [10, 30]), tick(3, [50, 70])];

  it('skips the first tick without CPU rates', () => {
    expect(cpuTotalSeries(history)).toEqual([
      { t: 2000, total: 20 },
      { t: 3000, total: 60 },
    ]);
    expect(perCoreSeries(history)).toEqual([
      { t: 2000, c0: 10, c1: 30 },
      { t: 3000, c0: 50, c1: 70 },
    ]);
  });

  it('keeps memory for every tick', () => {
    expect(memorySeries(history).map((p) => p.memory)).toEqual([41, 42, 43]);
  });

  it('puts a tick at each minute back to five', () => {
    expect(minuteTicks(600_000)).toEqual([300_000, 360_000, 420_000, 480_000, 540_000, 600_000]);
  });
});
