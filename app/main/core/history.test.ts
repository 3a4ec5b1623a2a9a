import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { averageValues } from './average';
import { History } from './history';

function snap(seq: number, time: number, percent: number, extra: Partial<Snapshot> = {}): Snapshot {
  return {
    seq,
    time,
    intervalMs: 1000,
    cpu: { percent, perCpu: [percent], timesPercent: {} as never, perCpuTimesPercent: [], ctxSwitchesPerSec: 0, interruptsPerSec: 0, softInterruptsPerSec: 0 },
    memory: { total: 100, available: 50, percent: 50, used: 50, free: 50, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    ...extra,
  };
}

describe('averageValues', () => {
  it('averages numbers by key and index, keeps the newest non-number, skips nulls', () => {
    expect(averageValues([{ a: 1, b: [2, 4], s: 'x' }, { a: 3, b: [4, 8], s: 'y' }])).toEqual({ a: 2, b: [3, 6], s: 'y' });
    expect(averageValues([null, { a: 4 }, { a: 6 }])).toEqual({ a: 5 });
  });

  it('weights: an average of bucket averages weighted by their span is the average of every tick', () => {
    const ticks = [1, 2, 3, 4, 5, 6, 7].map((x) => ({ v: x, d: [{ name: 'sda', r: x * 10 }] }));
    const buckets = [ticks.slice(0, 5), ticks.slice(5)].map((b) => averageValues(b));
    expect(averageValues(buckets, [5, 2])).toEqual(averageValues(ticks));
    expect(averageValues([{ v: 1 }, null, { v: 4 }], [1, 7, 2])).toEqual({ v: 3 });
  });

  it('matches named records (disks, NICs) by name, not position', () => {
    const out = averageValues([
      [{ name: 'sda', r: 10 }, { name: 'sdb', r: 100 }],
      [{ name: 'sdb', r: 300 }, { name: 'sda', r: 30 }],
    ]);
    expect(out).toEqual([
      { name: 'sdb', r: 200 },
      { name: 'sda', r: 20 },
    ]);
  });
});

describe('History', () => {
  it('serves 5 minutes raw, an hour in 5 s averages, a day in 1 min averages', () => {
    let now = 0;
    const h = new History(() => now);
    // 2 hours of 1 s ticks; CPU alternates 0 and 100: a 5-tick bucket averages 40 or 60, a minute 50.
    for (let i = 0; i < 7200; i++) {
      now = 1_700_000_040_000 + i * 1000; // on a minute boundary
      h.push(snap(i + 1, now, i % 2 === 0 ? 0 : 100));
    }
    const five = h.since(300);
    expect(five).toHaveLength(301);
    expect(five.every((s) => s.span === undefined)).toBe(true);

    const hour = h.since(3600);
    expect(hour.length).toBeGreaterThanOrEqual(719);
    expect(hour.length).toBeLessThanOrEqual(720);
    expect(hour.every((s) => s.span === 5 && [40, 60].includes(s.cpu!.percent))).toBe(true);

    const day = h.since(86_400);
    // 2 hours of ticks → 119 closed one-minute buckets (the current one is still filling).
    expect(day).toHaveLength(119);
    expect(day.every((s) => s.span === 60 && s.cpu!.percent === 50)).toBe(true);
  });

  it('stays bounded however long it runs', () => {
    let now = 0;
    const h = new History(() => now);
    for (let i = 0; i < 200_000; i++) {
      now = i * 1000;
      h.push(snap(i, now, 1));
    }
    expect(h.since(86_400).length).toBeLessThanOrEqual(1440);
    expect(h.since(300).length).toBeLessThanOrEqual(301);
    expect(h.stored).toBeLessThanOrEqual(301 + 720 + 1440);
  });

  it('keeps 5 minutes of raw ticks at a slow interval, not as many as the ring can hold', () => {
    let now = 0;
    const h = new History(() => now);
    // 30 minutes at 1 s: the raw ring (sized for 250 ms ticks) could hold 20 of them.
    for (let i = 0; i < 1800; i++) {
      now = 1_700_000_040_000 + i * 1000;
      h.push(snap(i + 1, now, i % 100));
    }
    // 301 raw, 359 closed 5 s buckets, 29 closed minutes.
    expect(h.stored).toBe(301 + 359 + 29);
    const five = h.since(300);
    expect(five).toHaveLength(301);
    expect(five[0]!.seq).toBe(1500);
    expect(five[300]).toEqual(snap(1800, now, 99));
  });

  it('gives back each tick as it was pushed, less its process rows and alerts', () => {
    let now = 1_700_000_000_000;
    const h = new History(() => now);
    const s = snap(1, now, 12.5, {
      disks: [{ name: 'vda', readBytesPerSec: 1.5, writeBytesPerSec: -0, readsPerSec: 0, writesPerSec: 0, busyPercent: 0, readBytes: 2 ** 53 + 2, writeBytes: 0 }],
      battery: null,
      errors: { sensors: { code: 'EACCES', message: 'denied' } },
    });
    h.push({ ...s, processes: [], alerts: [] });
    now += 1000;
    const [back] = h.since(5);
    expect(back).toEqual(s);
    expect(Object.is(back!.disks![0]!.writeBytesPerSec, -0)).toBe(true);
    expect(h.latest()).toEqual(s);
  });
});
