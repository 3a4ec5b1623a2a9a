import { describe, expect, it } from 'vitest';
import { CULPRIT_KINDS, CULPRITS_PER_KIND, type Culprit, type Culprits, type Snapshot } from '../../shared';
import { History } from './history';
import { internedNames, MAX_NAMES } from './packed-culprits';

// The real History, fed synthetic ticks that carry culprits as the sampler
// makes them: what each tier keeps, and how a bucket ranks its processes.

function snap(seq: number, time: number, culprits?: Culprits): Snapshot {
  return {
    seq,
    time,
    intervalMs: 1000,
    cpu: { percent: 50, perCpu: [50], timesPercent: {} as never, perCpuTimesPercent: [], ctxSwitchesPerSec: 0, interruptsPerSec: 0, softInterruptsPerSec: 0 },
    memory: { total: 100, available: 50, percent: 50, used: 50, free: 50, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    ...(culprits && { culprits }),
  };
}

const c = (pid: number, value: number, name = `p${pid}`): Culprit => ({ pid, createTime: 1000 + pid, name, value });
const T0 = 1_700_000_040_000; // a minute boundary

describe('History keeps culprits', () => {
  it('gives each raw tick its culprits back as pushed', () => {
    let now = T0;
    const h = new History(() => now);
    const culprits: Culprits = { cpu: [c(7, 71), c(8, 12.5)], disk: [c(9, 4096)] };
    h.push(snap(1, now, culprits));
    h.push(snap(2, now + 1000));
    now += 1000;
    const [a, b] = h.since(60);
    expect(a!.culprits).toEqual(culprits);
    expect(b!.culprits).toBeUndefined();
  });

  it('ranks a bucket’s processes by their time-weighted average: a steady process over a one-tick spike', () => {
    let now = T0;
    const h = new History(() => now);
    // Two minutes of 1 s ticks: pid 1 spikes to 90 % once every 5 s, pid 2 holds 30 % throughout.
    for (let i = 0; i < 126; i++) {
      now = T0 + i * 1000;
      const spike = i % 5 === 0;
      h.push(snap(i + 1, now, { cpu: spike ? [c(1, 90), c(2, 30)] : [c(2, 30)], memory: [c(3, 100 * (i % 2))] }));
    }
    const fives = h.since(3600);
    expect(fives.length).toBeGreaterThanOrEqual(23);
    for (const b of fives) {
      // 30 on each of 5 ticks against 90 on one: averages 30 and 18.
      expect(b.culprits!.cpu!.map((x) => [x.pid, x.value])).toEqual([
        [2, 30],
        [1, 18],
      ]);
      expect(b.culprits!.memory![0]!.pid).toBe(3);
    }
    const minutes = h.since(86_400);
    expect(minutes).toHaveLength(2);
    for (const m of minutes) {
      expect(m.culprits!.cpu!.map((x) => x.pid)).toEqual([2, 1]);
      expect(m.culprits!.cpu![0]!.value).toBe(30);
      expect(m.culprits!.cpu![1]!.value).toBe(18);
      expect(m.culprits!.memory![0]!.value).toBe(50);
    }
  });

  it('counts a process absent from some ticks as 0 there, and keeps the top 3 of many', () => {
    let now = T0;
    const h = new History(() => now);
    // Ten processes, each first in one tick of a 5 s bucket with a different value; one tick without culprits.
    const values = [50, 40, 30, 20, 10];
    for (let i = 0; i < 6; i++) {
      now = T0 + i * 1000;
      h.push(snap(i + 1, now, i < 4 ? { cpu: [c(i + 1, values[i]!), c(i + 11, values[i]! / 10)] } : i === 4 ? undefined : { cpu: [c(99, 1)] }));
    }
    const [bucket] = h.since(3600);
    expect(bucket!.span).toBe(5);
    expect(bucket!.culprits!.cpu).toEqual([c(1, 10), c(2, 8), c(3, 6)]);
  });

  it('stays bounded: at most 3 culprits per kind per point, interned names, and the same number of points', () => {
    let now = 0;
    const h = new History(() => now);
    // More than a day of ticks, each naming nine new processes with long, unique names.
    for (let i = 0; i < 90_000; i++) {
      now = T0 + i * 1000;
      const kinds: Culprits = {};
      for (const kind of CULPRIT_KINDS) kinds[kind] = [0, 1, 2].map((k) => c(i * 10 + k, 100 - k, `${'x'.repeat(60)}${i}-${k}`));
      h.push(snap(i + 1, now, kinds));
    }
    expect(h.stored).toBeLessThanOrEqual(h.capacity);
    for (const span of [300, 3600, 86_400]) {
      for (const s of h.since(span)) {
        for (const kind of CULPRIT_KINDS) expect(s.culprits![kind]!.length).toBeLessThanOrEqual(CULPRITS_PER_KIND);
      }
    }
    expect(internedNames()).toBeLessThanOrEqual(MAX_NAMES);
  });
});
