import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/payloads';
import { joinKept } from '../store/process-ring';
import { culpritsAt } from './culprits';

const at = (time: number, culprits?: Snapshot['culprits']) => ({ time, ...(culprits && { culprits }) }) as Snapshot;

describe('culpritsAt', () => {
  it('finds the point’s snapshot by time and gives its culprits of the chart’s kind', () => {
    const yes = { pid: 5, createTime: 1, name: 'yes', value: 50 };
    const history = [at(1000), at(2000, { cpu: [yes] }), at(3000, {}), at(4000, { disk: [yes] })];
    expect(culpritsAt({ kind: 'cpu', history }, 2000)).toEqual([yes]);
    // Taken with the table, nobody stood out: an empty list; taken without it: undefined.
    expect(culpritsAt({ kind: 'cpu', history }, 3000)).toEqual([]);
    // A point between two reads of the table (no page showed processes): the next read's rates cover it.
    expect(culpritsAt({ kind: 'cpu', history }, 1000)).toEqual([yes]);
    // ...but not a point more than one read interval (CULPRIT_TABLE_MS) before it.
    const sparse = [at(1000), at(7000, { cpu: [yes] })];
    expect(culpritsAt({ kind: 'cpu', history: sparse }, 1000)).toBeUndefined();
    expect(culpritsAt({ kind: 'cpu', history: [at(1000)] }, 1000)).toBeUndefined();
    expect(culpritsAt({ kind: 'disk', history }, 4000)).toEqual([yes]);
    expect(culpritsAt({ kind: 'cpu', history }, 2500)).toBeUndefined();
  });
});

describe('joinKept', () => {
  it('puts the host’s kept points before the live ring, without overlap', () => {
    const p = (t: number) => ({ t, cpu: t, rss: 0, io: 0 });
    expect(joinKept([p(1), p(2), p(3)], [p(3), p(4)]).map((x) => x.t)).toEqual([1, 2, 3, 4]);
    expect(joinKept([], [p(3)]).map((x) => x.t)).toEqual([3]);
    expect(joinKept([p(1)], []).map((x) => x.t)).toEqual([1]);
  });
});
