import { formatBytes, formatCountRate, formatFrequency, formatRate, formatTemperature, type RateUnit, type TemperatureUnit } from '../format';
import type { Scale } from './TimeSeriesChart';

// Axis and tooltip formats per unit. Data stays in psutil's units (bytes/s,
// °C, MHz); only the labels change with the user's choice.

export function rateScale(unit: RateUnit): Scale {
  return { format: (v) => formatRate(v, unit), floor: 1024, binary: unit === 'bytes', width: 78 };
}

export const BYTES_SCALE: Scale = { format: formatBytes, floor: 1024 ** 2, binary: true, width: 70 };

export const COUNT_RATE_SCALE: Scale = { format: formatCountRate, floor: 10, width: 60 };

// formatFrequency reads 0 MHz as "no figure" (a dash); on an axis 0 is the baseline and says so.
export const FREQUENCY_SCALE: Scale = { format: (mhz) => (mhz === 0 ? '0 MHz' : formatFrequency(mhz)), floor: 1000, width: 70 };

export const LOAD_SCALE: Scale = { format: (v) => v.toFixed(2), floor: 1, width: 44 };

export function temperatureScale(unit: TemperatureUnit): Scale {
  return { format: (v) => formatTemperature(v, unit), floor: 50, width: 52 };
}
