import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { PackedRing, VIEW_IDLE_MS } from './packed-ring';

const tick = (seq: number): Snapshot =>
  ({
    seq,
    time: seq * 1000,
    intervalMs: 1000,
    cpu: null,
    memory: { total: 100, available: 50, percent: seq % 7, used: 50, free: 50, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
  }) as Snapshot;

const seqs = (list: Snapshot[]) => list.map((s) => s.seq);

describe('PackedRing', () => {
  it('reads back what was pushed, from a time on, across the wrap and drops', () => {
    const r = new PackedRing(5);
    for (let i = 1; i <= 8; i++) r.push(tick(i), i * 1000);
    expect(r.since(0, 8000)).toEqual([4, 5, 6, 7, 8].map(tick));
    expect(seqs(r.since(6000, 8000))).toEqual([6, 7, 8]);
    r.dropBefore(7000);
    expect(seqs(r.since(0, 8000))).toEqual([7, 8]);
    expect(r.latest()).toEqual(tick(8));
  });

  it('keeps its unpacked copy between reads and brings it up to date with what was pushed since', () => {
    const r = new PackedRing(4);
    for (let i = 1; i <= 3; i++) r.push(tick(i), i * 1000);
    const first = r.since(0, 3000);
    expect(r.viewHeld).toBe(true);
    r.push(tick(4), 4000);
    r.push(tick(5), 5000); // wraps: 1 leaves
    const second = r.since(0, 5000);
    expect(seqs(second)).toEqual([2, 3, 4, 5]);
    // The snapshots unpacked for the first read are the ones the second returns, not unpacked again.
    expect(second[0]).toBe(first[1]);
    expect(second[1]).toBe(first[2]);
    // More pushed since than the ring holds: the copy is rebuilt, still right.
    for (let i = 6; i <= 12; i++) r.push(tick(i), i * 1000);
    expect(seqs(r.since(0, 12000))).toEqual([9, 10, 11, 12]);
    r.dropBefore(11000);
    expect(seqs(r.since(0, 12000))).toEqual([11, 12]);
  });

  it('drops the copy once nobody has read it for a while', () => {
    const r = new PackedRing(10);
    r.push(tick(1), 1000);
    r.since(0, 1000);
    r.push(tick(2), 1000 + VIEW_IDLE_MS);
    expect(r.viewHeld).toBe(true);
    r.push(tick(3), 1001 + VIEW_IDLE_MS);
    expect(r.viewHeld).toBe(false);
    expect(seqs(r.since(0, 2000 + VIEW_IDLE_MS))).toEqual([1, 2, 3]);
  });
});
