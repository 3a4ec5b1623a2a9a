import { describe, expect, it } from 'vitest';
import { parseNice } from './nice-input';

describe('parseNice', () => {
  it('keeps a typed negative value as typed', () => {
    expect(parseNice('-5')).toEqual({ value: -5 });
    expect(parseNice('−12')).toEqual({ value: -12 });
    expect(parseNice(' 7 ')).toEqual({ value: 7 });
    expect(parseNice('-20')).toEqual({ value: -20 });
    expect(parseNice('19')).toEqual({ value: 19 });
  });
  it('refuses an empty field instead of applying 0', () => {
    expect(parseNice('')).toEqual({ error: 'Type a nice value from -20 to 19.' });
  });
  it('refuses out of range values instead of clamping them', () => {
    expect(parseNice('-99')).toEqual({ error: '-99 is out of range: nice values go from -20 (highest priority) to 19 (lowest).' });
    expect(parseNice('20')).toHaveProperty('error');
  });
  it('refuses what is not a whole number', () => {
    expect(parseNice('1.5')).toHaveProperty('error');
    expect(parseNice('-')).toHaveProperty('error');
    expect(parseNice('abc')).toHaveProperty('error');
  });
});
