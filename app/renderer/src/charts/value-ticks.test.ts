import { describe, expect, it } from 'vitest';
import { valueTicks } from './value-ticks';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('valueTicks', () => {
  it('steps in round numbers of the shown unit, at most five intervals, none past the top', () => {
    expect(valueTicks(23.55 * GiB, true)).toEqual([0, 5, 10, 15, 20].map((v) => v * GiB));
    expect(valueTicks(2 * MiB, true)).toEqual([0, 0.5, 1, 1.5, 2].map((v) => v * MiB));
    expect(valueTicks(10, false)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(50, false)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueTicks(1000 * 1000, false)).toEqual([0, 200, 400, 600, 800, 1000].map((v) => v * 1000));
  });
  it('every tick is a whole multiple of a 1, 2, 2.5 or 5 step', () => {
    for (const top of [1, 3, 7.5, 19, 99, 123_456, 5.5 * GiB, 900 * MiB]) {
      const t = valueTicks(top, top > 1e5);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(6);
      expect(t.at(-1)!).toBeLessThanOrEqual(top * (1 + 1e-9));
    }
  });
  it('survives nothing to scale', () => {
    expect(valueTicks(0)).toEqual([0]);
    expect(valueTicks(Number.NaN)).toEqual([0]);
  });
});
