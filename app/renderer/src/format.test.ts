// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatClock, formatDuration, formatInterval, formatPercent } from './format';

describe('formatBytes', () => {
  it('uses binary units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.00 KiB');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MiB');
    expect(formatBytes(15.6 * 1024 ** 3)).toBe('15.6 GiB');
    expect(formatBytes(8 * 1024 ** 3)).toBe('8.00 GiB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.00 TiB');
    expect(formatBytes(-2048)).toBe('-2.00 KiB');
  });
  it('shows a dash for non-numbers', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds to one decimal by default', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(42.345)).toBe('42.3%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(7.5, 0)).toBe('8%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('shows the two or three largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45.9)).toBe('45s');
    expect(formatDuration(725)).toBe('12m 5s');
    expect(formatDuration(3 * 3600 + 4 * 60 + 59)).toBe('3h 4m');
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 12 * 60)).toBe('2d 3h 12m');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('formatInterval', () => {
  it('uses ms below a second', () => {
    expect(formatInterval(250)).toBe('250 ms');
    expect(formatInterval(1000)).toBe('1 s');
    expect(formatInterval(1500)).toBe('1.5 s');
    expect(formatInterval(60_000)).toBe('60 s');
  });
});

describe('formatClock', () => {
  it('is zero-padded local time', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5).getTime())).toBe('03:04:05');
    expect(formatClock(new Date(2024, 0, 2, 23, 59, 0).getTime())).toBe('23:59:00');
  });
});

describe('formatAgo', () => {
  it('labels offsets before now', () => {
    expect(formatAgo(0)).toBe('now');
    expect(formatAgo(-60_000)).toBe('-1m');
    expect(formatAgo(-300_000)).toBe('-5m');
    expect(formatAgo(-30_000)).toBe('-30s');
  });
});
