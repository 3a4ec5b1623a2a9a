import { describe, expect, it } from 'vitest';
import { parseNice } from './nice-input';

const LINUX = { min: -20, max: 19 };

describe('parseNice', () => {
  it('keeps a typed negative value as typed', () => {
    expect(parseNice('-5', LINUX)).toEqual({ value: -5 });
    expect(parseNice('−12', LINUX)).toEqual({ value: -12 });
    expect(parseNice(' 7 ', LINUX)).toEqual({ value: 7 });
    expect(parseNice('-20', LINUX)).toEqual({ value: -20 });
    expect(parseNice('19', LINUX)).toEqual({ value: 19 });
  });
  it('refuses an empty field instead of applying 0', () => {
    expect(parseNice('', LINUX)).toEqual({ error: 'Type a nice value from -20 to 19.' });
  });
  it('refuses out of range values instead of clamping them', () => {
    expect(parseNice('-99', LINUX)).toEqual({ error: '-99 is out of range: nice values go from -20 (highest priority) to 19 (lowest).' });
    expect(parseNice('20', LINUX)).toHaveProperty('error');
  });
  it('refuses what is not a whole number', () => {
    expect(parseNice('1.5', LINUX)).toHaveProperty('error');
    expect(parseNice('-', LINUX)).toHaveProperty('error');
    expect(parseNice('abc', LINUX)).toHaveProperty('error');
  });

  it('checks the host range, not Linux’s', () => {
    expect(parseNice('25', { min: 0, max: 39 })).toEqual({ value: 25 });
    expect(parseNice('-5', { min: 0, max: 39 })).toEqual({ error: '-5 is out of range: nice values go from 0 (highest priority) to 39 (lowest).' });
  });
});
