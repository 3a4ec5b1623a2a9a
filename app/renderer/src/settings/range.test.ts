// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { axisTicks, isRangeId, needsLongHistory, rangeSeconds, refreshMs, tickStepMs } from './range';

describe('ranges', () => {
  it('map to seconds', () => {
    expect(rangeSeconds('1m')).toBe(60);
    expect(rangeSeconds('5m')).toBe(300);
    expect(rangeSeconds('1h')).toBe(3600);
    expect(rangeSeconds('24h')).toBe(86_400);
  });
  it('need the host’s downsampled history only beyond 5 minutes', () => {
    expect(needsLongHistory('1m')).toBe(false);
    expect(needsLongHistory('5m')).toBe(false);
    expect(needsLongHistory('1h')).toBe(true);
    expect(needsLongHistory('24h')).toBe(true);
    expect(refreshMs('1h')).toBe(5000);
    expect(refreshMs('24h')).toBe(60_000);
  });
  it('validates stored values', () => {
    expect(isRangeId('1h')).toBe(true);
    expect(isRangeId('2h')).toBe(false);
    expect(isRangeId(undefined)).toBe(false);
  });
  it('put about six axis ticks on any span', () => {
    expect(tickStepMs(60_000)).toBe(10_000);
    expect(tickStepMs(300_000)).toBe(60_000);
    expect(tickStepMs(3_600_000)).toBe(600_000);
    expect(tickStepMs(86_400_000)).toBe(14_400_000);
    expect(axisTicks(100_000, 60_000)).toEqual([40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000]);
    expect(axisTicks(86_400_000, 86_400_000)).toHaveLength(7);
  });
});
