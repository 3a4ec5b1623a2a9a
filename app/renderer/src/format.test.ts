// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatBatteryTime,
  formatBitRate,
  formatByteRate,
  formatBytes,
  formatClock,
  formatCount,
  formatCountRate,
  formatDuration,
  formatFrequency,
  formatHoursMinutes,
  formatInterval,
  formatLinkSpeed,
  formatPercent,
  formatRate,
  formatTemperature,
  toFahrenheit,
} from './format';

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

describe('rates', () => {
  it('shows bytes per second in binary units', () => {
    expect(formatByteRate(0)).toBe('0 B/s');
    expect(formatByteRate(1536)).toBe('1.50 KiB/s');
    expect(formatByteRate(125 * 1024 ** 2)).toBe('125 MiB/s');
  });
  it('shows bits per second in decimal units', () => {
    expect(formatBitRate(0)).toBe('0 bit/s');
    expect(formatBitRate(100)).toBe('800 bit/s');
    expect(formatBitRate(125)).toBe('1.00 kbit/s');
    expect(formatBitRate(1_500_000)).toBe('12.0 Mbit/s');
    expect(formatBitRate(125_000_000)).toBe('1.00 Gbit/s');
    expect(formatBitRate(Number.NaN)).toBe('—');
  });
  it('follows the chosen unit', () => {
    expect(formatRate(1024, 'bytes')).toBe('1.00 KiB/s');
    expect(formatRate(1024, 'bits')).toBe('8.19 kbit/s');
  });
  it('counts events per second', () => {
    expect(formatCountRate(0)).toBe('0/s');
    expect(formatCountRate(2.5)).toBe('2.5/s');
    expect(formatCountRate(37.5)).toBe('37.5/s');
    expect(formatCountRate(850.4)).toBe('850/s');
    expect(formatCountRate(1234)).toBe('1.23k/s');
    expect(formatCountRate(12_345)).toBe('12.3k/s');
    expect(formatCountRate(1_250_000)).toBe('1.25M/s');
  });
});

describe('formatTemperature', () => {
  it('rounds to whole degrees in °C or °F', () => {
    expect(toFahrenheit(100)).toBe(212);
    expect(formatTemperature(38.85, 'C')).toBe('39 °C');
    expect(formatTemperature(83, 'F')).toBe('181 °F');
    expect(formatTemperature(-40, 'F')).toBe('-40 °F');
    expect(formatTemperature(0, 'F')).toBe('32 °F');
    expect(formatTemperature(Number.NaN, 'C')).toBe('—');
  });
});

describe('other units', () => {
  it('formats frequencies from MHz', () => {
    expect(formatFrequency(800)).toBe('800 MHz');
    expect(formatFrequency(2445.406)).toBe('2.45 GHz');
    expect(formatFrequency(0)).toBe('—');
  });
  it('formats battery time left, with psutil’s special values', () => {
    expect(formatBatteryTime(14_400)).toBe('4 h 0 min');
    expect(formatBatteryTime(5_430)).toBe('1 h 30 min');
    expect(formatBatteryTime(2_100)).toBe('35 min');
    expect(formatBatteryTime(-1)).toBe('calculating');
    expect(formatBatteryTime(-2)).toBe('on AC');
    expect(formatHoursMinutes(59)).toBe('0 min');
  });
  it('groups counts and names link speeds', () => {
    expect(formatCount(2400)).toBe('2,400');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
    expect(formatLinkSpeed(0)).toBe('unknown');
    expect(formatLinkSpeed(100)).toBe('100 Mbit/s');
    expect(formatLinkSpeed(10_000)).toBe('10 Gbit/s');
  });
  it('labels hours back on long axes', () => {
    expect(formatAgo(-3_600_000)).toBe('-1h');
    expect(formatAgo(-4 * 3_600_000)).toBe('-4h');
    expect(formatAgo(-600_000)).toBe('-10m');
  });
});
