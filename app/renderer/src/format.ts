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

/** Axis label for an offset before "now": 0 → "now", -60000 → "-1m", -30000 → "-30s". */
export function formatAgo(offsetMs: number): string {
  const s = Math.round(Math.abs(offsetMs) / 1000);
  if (s === 0) return 'now';
  if (s % 60 === 0) return `-${s / 60}m`;
  return `-${s}s`;
}
