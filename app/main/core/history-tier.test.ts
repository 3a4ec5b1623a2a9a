import { describe, expect, it } from 'vitest';
import type { DiskSample, Snapshot } from '../../shared';
import { averageValues } from './average';
import { HistoryTier } from './history-tier';
import { SnapshotPacker, unpack } from './packed-snapshot';

const disk = (name: string, rate: number): DiskSample => ({ name, readBytesPerSec: rate, writeBytesPerSec: rate / 3, readsPerSec: 1, writesPerSec: 0, busyPercent: rate % 100, readBytes: 1e12 + rate, writeBytes: 0 });

function tick(seq: number, time: number, cpu: number, disks: string[]): Snapshot {
  return {
    seq,
    time,
    intervalMs: 1000,
    cpu: null,
    memory: { total: 100, available: 50, percent: cpu / 7, used: 50, free: 50, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: cpu > 50 ? cpu : null, soutPerSec: null },
    disks: disks.map((d, i) => disk(d, cpu * (i + 1.3))),
  };
}

/** The bucket as History computed it before running sums: averageValues over its ticks. */
function oracle(ticks: Snapshot[]): Snapshot {
  const avg = averageValues(ticks, ticks.map((t) => t.span ?? 1)) as Snapshot;
  const last = ticks[ticks.length - 1]!;
  return { ...avg, seq: last.seq, time: last.time, intervalMs: last.intervalMs, span: ticks.reduce((n, t) => n + (t.span ?? 1), 0) };
}

function closeTo(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) expect.fail(`${path}: ${a} vs ${b}`);
  } else if (a && typeof a === 'object' && b && typeof b === 'object') {
    expect(Object.keys(a), path).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) closeTo((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else expect(a, path).toEqual(b);
}

describe('HistoryTier', () => {
  it('gives each bucket the weighted average of its ticks, shapes changing mid-bucket included', () => {
    let x = 12345;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const packer = new SnapshotPacker();
    const tier = new HistoryTier(5_000, 3_600_000);
    const t0 = 1_700_000_000_000;
    let pending: Snapshot[] = [];
    let checked = 0;
    let mixed = 0;
    let disks = ['sda'];
    for (let i = 0; i < 2000; i++) {
      if (rand() < 0.03) disks = rand() < 0.5 ? [...disks, `sd${String.fromCharCode(98 + disks.length)}`] : disks.slice(0, Math.max(1, disks.length - 1));
      const s = tick(i, t0 + i * 1000, rand() * 100, disks);
      const closed = tier.add(packer.pack(s));
      if (closed) {
        const want = oracle(pending);
        const got = unpack(closed);
        const shapes = new Set(pending.map((p) => JSON.stringify(p.disks!.map((d) => d.name)) + (p.swap!.sinPerSec === null)));
        if (shapes.size === 1) expect(got).toEqual(want);
        else {
          mixed++;
          closeTo(got, want);
        }
        expect(closed.span).toBe(pending.length);
        checked++;
        pending = [];
      }
      pending.push(s);
    }
    expect(checked).toBe(399);
    expect(mixed).toBeGreaterThan(20);
  });

  it('a coarser tier fed the finer one’s buckets averages them by span', () => {
    const packer = new SnapshotPacker();
    const fine = new HistoryTier(5_000, 3_600_000);
    const coarse = new HistoryTier(60_000, 86_400_000);
    const t0 = 1_700_000_040_000; // a minute boundary
    const minutes: Snapshot[] = [];
    // From 2 s into a bucket: the first 5 s bucket stands for 3 ticks, the others for 5; unweighted, the minute would be off.
    for (let i = 2; i < 3 * 60 + 1; i++) {
      const now = t0 + i * 1000;
      const bucket = fine.add(packer.pack(tick(i, now, i % 60, ['vda'])));
      const minute = bucket && coarse.add(bucket);
      if (minute) minutes.push(unpack(minute));
    }
    // The first minute's ticks are 2..59: their mean is 30.5 (memory.percent is cpu / 7).
    expect(minutes.map((m) => m.span)).toEqual([58, 60]);
    expect(minutes[0]!.memory.percent).toBeCloseTo(30.5 / 7, 12);
    expect(minutes[1]!.memory.percent).toBeCloseTo(29.5 / 7, 12);
    expect(minutes[0]!.seq).toBe(59);
  });
});
