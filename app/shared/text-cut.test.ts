import { describe, expect, it } from 'vitest';
import { cutArgs, cutEnviron } from './text-cut';

// The cut is measured as the value travels: JSON-encoded, sent as UTF-8.
const wire = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const samples: Record<string, string> = {
  ascii: 'a'.repeat(10_000),
  controls: '\x01'.repeat(5_000),
  escapes: '"\\\n\t'.repeat(2_000),
  twoByte: 'é'.repeat(5_000),
  threeByte: '€'.repeat(5_000),
  astral: '😀'.repeat(3_000),
  loneSurrogates: '\ud800x'.repeat(3_000),
  mixed: 'a\x01é€😀"\ud800'.repeat(2_000),
};

describe('cutArgs', () => {
  it('keeps a command line within budget whole and unmarked', () => {
    expect(cutArgs(['ls', '-l', 'é'], 4096)).toEqual({ value: ['ls', '-l', 'é'] });
    expect(cutArgs([], 16)).toEqual({ value: [] });
  });

  for (const [name, text] of Object.entries(samples)) {
    it(`cuts ${name} under the budget as encoded, close to it, at a character`, () => {
      for (const budget of [64, 1000, 4096]) {
        const args = ['prog', text, 'tail'];
        const { value, cut } = cutArgs(args, budget);
        expect(wire(value)).toBeLessThanOrEqual(budget);
        expect(wire(value)).toBeGreaterThan(budget - 12);
        expect(cut).toEqual({ bytes: args.reduce((n, a) => n + Buffer.byteLength(a) + 1, 0) });
        // A prefix of the original, never half a surrogate pair.
        const last = value[value.length - 1]!;
        expect(args[value.length - 1]!.startsWith(last)).toBe(true);
        expect(/[\ud800-\udbff]$/.test(last) && text.includes('😀')).toBe(false);
      }
    });
  }

  it('cuts between arguments when the next would not fit even empty', () => {
    const { value } = cutArgs(['a'.repeat(58), 'b'], 64);
    expect(wire(value)).toBeLessThanOrEqual(64);
  });
});

describe('cutEnviron', () => {
  it('keeps a small environment whole', () => {
    expect(cutEnviron({ HOME: '/root', LANG: 'C' }, 4096)).toEqual({ value: { HOME: '/root', LANG: 'C' } });
  });

  it('cuts a big one under the budget and says its whole size', () => {
    const env: Record<string, string> = { A: '1' };
    for (const [k, v] of Object.entries(samples)) env[`K_${k}`] = v;
    const { value, cut } = cutEnviron(env, 4096);
    expect(wire(value)).toBeLessThanOrEqual(4096);
    expect(wire(value)).toBeGreaterThan(4096 - 64);
    expect(cut!.bytes).toBe(Object.entries(env).reduce((n, [k, v]) => n + Buffer.byteLength(`${k}=${v}`) + 1, 0));
    expect(value.A).toBe('1');
  });
});
