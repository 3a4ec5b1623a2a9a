import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { PackedRing } from './packed-ring';

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
    for (let i = 1; i <= 8; i++) r.push(tick(i));
    expect(r.since(0)).toEqual([4, 5, 6, 7, 8].map(tick));
    expect(seqs(r.since(6000))).toEqual([6, 7, 8]);
    r.dropBefore(7000);
    expect(seqs(r.since(0))).toEqual([7, 8]);
    expect(r.latest()).toEqual(tick(8));
  });

  it('with `after`, only what is newer than it', () => {
    const r = new PackedRing(10);
    for (let i = 1; i <= 6; i++) r.push(tick(i));
    expect(seqs(r.since(0, 4000))).toEqual([5, 6]);
    expect(seqs(r.since(5500, 1000))).toEqual([6]);
    expect(r.since(0, 6000)).toEqual([]);
  });

  it('unpacks afresh on every read: a caller may change what it got', () => {
    const r = new PackedRing(3);
    r.push(tick(1));
    const [first] = r.since(0);
    first!.memory.percent = 99;
    expect(r.since(0)[0]!.memory.percent).toBe(1);
  });
});
