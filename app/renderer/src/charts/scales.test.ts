import { describe, expect, it } from 'vitest';
import { FREQUENCY_SCALE } from './scales';

describe('chart scales', () => {
  it('a frequency axis labels its baseline 0 MHz, not the dash a missing figure gets', () => {
    expect(FREQUENCY_SCALE.format(0)).toBe('0 MHz');
    expect(FREQUENCY_SCALE.format(800)).toBe('800 MHz');
    expect(FREQUENCY_SCALE.format(1500)).toBe('1.50 GHz');
  });
});
