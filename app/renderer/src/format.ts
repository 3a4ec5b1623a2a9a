// Human-readable numbers for the dashboard. Memory uses binary units, as
// free(1), btop and GNOME System Monitor do, so the numbers match theirs.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const DASH = '—';

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`;
  // Three significant digits: enough to see change, few enough to read at a glance.
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${sign}${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

export function formatPercent(percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return DASH;
  return `${percent.toFixed(digits)}%`;
}

/** Uptime-style: "45s", "12m 5s", "3h 4m", "2d 3h 12m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return DASH;
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${secs}s`;
  return `${secs}s`;
}

/** A tick length: "250 ms", "1 s", "1.5 s". */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time, "14:03:07"; fixed format so tooltips do not jitter in width. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** Axis label for an offset before "now": 0 → "now", -60000 → "-1m", -30000 → "-30s", -7200000 → "-2h". */
export function formatAgo(offsetMs: number): string {
  const s = Math.round(Math.abs(offsetMs) / 1000);
  if (s === 0) return 'now';
  if (s % 3600 === 0) return `-${s / 3600}h`;
  if (s % 60 === 0) return `-${s / 60}m`;
  return `-${s}s`;
}

export type RateUnit = 'bytes' | 'bits';
export type TemperatureUnit = 'C' | 'F';

/** Bytes per second in the same binary units as memory: "1.50 MiB/s". */
export function formatByteRate(bytesPerSec: number): string {
  if (!Number.isFinite(bytesPerSec)) return DASH;
  return `${formatBytes(bytesPerSec)}/s`;
}

const BIT_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'] as const;

/** Bits per second in decimal units, as link speeds are quoted: "12.0 Mbit/s". */
export function formatBitRate(bytesPerSec: number): string {
  if (!Number.isFinite(bytesPerSec)) return DASH;
  let value = Math.abs(bytesPerSec) * 8;
  let unit = 0;
  while (value >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const sign = bytesPerSec < 0 ? '-' : '';
  if (unit === 0) return `${sign}${Math.round(value)} ${BIT_UNITS[0]}`;
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${sign}${value.toFixed(digits)} ${BIT_UNITS[unit]}`;
}

export function formatRate(bytesPerSec: number, unit: RateUnit): string {
  return unit === 'bits' ? formatBitRate(bytesPerSec) : formatByteRate(bytesPerSec);
}

export function toFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/** Whole degrees: sensors are rarely better than ±1 °C, and decimals make a table jitter. */
export function formatTemperature(celsius: number, unit: TemperatureUnit): string {
  if (!Number.isFinite(celsius)) return DASH;
  const value = unit === 'F' ? toFahrenheit(celsius) : celsius;
  return `${Math.round(value)} °${unit}`;
}

/** Events per second: "850/s", "12.3k/s", "1.25M/s". */
export function formatCountRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return DASH;
  const v = Math.abs(perSec);
  // Axis ticks of a quiet chart fall between integers (2.5/s, 37.5/s); keep one decimal there.
  if (v < 100 && !Number.isInteger(perSec)) return `${perSec.toFixed(1)}/s`;
  if (v < 1000) return `${Math.round(perSec)}/s`;
  if (v < 1_000_000) return `${(perSec / 1000).toFixed(v < 10_000 ? 2 : 1)}k/s`;
  return `${(perSec / 1_000_000).toFixed(2)}M/s`;
}

/** psutil reports MHz: "800 MHz", "2.45 GHz". */
export function formatFrequency(mhz: number): string {
  if (!Number.isFinite(mhz) || mhz <= 0) return DASH;
  return mhz >= 1000 ? `${(mhz / 1000).toFixed(2)} GHz` : `${Math.round(mhz)} MHz`;
}

/** "4 h 0 min", "35 min": a battery estimate never needs seconds. */
export function formatHoursMinutes(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return DASH;
  const minutes = Math.floor(seconds / 60);
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

/** psutil's POWER_TIME_UNKNOWN (-1) and POWER_TIME_UNLIMITED (-2) get words, not numbers. */
export function formatBatteryTime(secsleft: number): string {
  if (secsleft === -1) return 'calculating';
  if (secsleft === -2) return 'on AC';
  return formatHoursMinutes(secsleft);
}

/** A bare count with thousands separators that do not depend on the browser's locale: "12,345". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Link speed from psutil's Mbit/s (0 means unknown). */
export function formatLinkSpeed(mbps: number): string {
  if (!Number.isFinite(mbps) || mbps <= 0) return 'unknown';
  return mbps >= 1000 ? `${mbps / 1000} Gbit/s` : `${mbps} Mbit/s`;
}

/** "2024-05-01 14:03" in local time from epoch seconds: unambiguous whatever the browser's locale. */
export function formatDateTime(epochSeconds: number): string {
  if (!Number.isFinite(epochSeconds)) return DASH;
  const d = new Date(epochSeconds * 1000);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
