// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/payloads';
import { buildSeries, cpuModesOf, cpuTotalSeries, memorySeries, minuteTicks, modeValues, niceCeiling, perCoreSeries } from './series';

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

describe('series helpers', () => {
  it('buildSeries skips ticks without the topic', () => {
    const h = [{ time: 1, disks: [{ readBytesPerSec: 5 }] }, { time: 2 }, { time: 3, disks: [{ readBytesPerSec: 7 }] }] as unknown as Snapshot[];
    expect(buildSeries(h, (s) => (s.disks ? { r: s.disks[0]!.readBytesPerSec } : null))).toEqual([
      { t: 1, r: 5 },
      { t: 3, r: 7 },
    ]);
  });
  it('modeValues folds nice into user and softirq into irq', () => {
    const t = { user: 10, nice: 2, system: 5, idle: 70, iowait: 3, irq: 1, softirq: 4, steal: 5, guest: 0, guestNice: 0 };
    expect(modeValues(t)).toEqual({ user: 12, system: 5, iowait: 3, irq: 5, steal: 5 });
    expect(modeValues(t, 'c1')).toEqual({ c1user: 12, c1system: 5, c1iowait: 3, c1irq: 5, c1steal: 5 });
  });
  it('modeValues and cpuModesOf take a Windows record\'s own modes: user, system, interrupt, DPC', () => {
    const w = { user: 10, system: 5, idle: 80, interrupt: 3, dpc: 2 };
    expect(modeValues(w)).toEqual({ user: 10, system: 5, interrupt: 3, dpc: 2 });
    expect(modeValues(w, 'c0')).toEqual({ c0user: 10, c0system: 5, c0interrupt: 3, c0dpc: 2 });
    expect(cpuModesOf(w)).toEqual(['user', 'system', 'interrupt', 'dpc']);
    // Stacked, the shares add up to psutil's cpu_percent (100 - idle), as Linux's do.
    expect(Object.values(modeValues(w)).reduce((a, b) => a + b, 0)).toBe(100 - w.idle);
    expect(cpuModesOf({ user: 1, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, guest: 0, guestNice: 0 })).toEqual(['user', 'system', 'iowait', 'irq', 'steal']);
    expect(cpuModesOf(null)).toEqual(['user', 'system', 'iowait', 'irq', 'steal']);
  });
  it('niceCeiling rounds an axis top to 1-2-5 steps', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(3.2)).toBe(5);
    expect(niceCeiling(12)).toBe(20);
    expect(niceCeiling(4500)).toBe(5000);
    expect(niceCeiling(1.5 * 1024 * 1024, true)).toBe(2 * 1024 * 1024);
    expect(niceCeiling(800 * 1024, true)).toBe(1000 * 1024);
  });
});
