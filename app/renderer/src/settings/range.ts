// The history ranges every chart can show. Up to 5 minutes comes from the live
// ticks the store already holds; longer ranges need the host's downsampled tiers.

export const RANGES = [
  { id: '1m', label: '1 min', name: 'Last minute', seconds: 60 },
  { id: '5m', label: '5 min', name: 'Last 5 minutes', seconds: 300 },
  { id: '1h', label: '1 h', name: 'Last hour', seconds: 3600 },
  { id: '24h', label: '24 h', name: 'Last 24 hours', seconds: 86_400 },
] as const;

export type RangeId = (typeof RANGES)[number]['id'];

export const DEFAULT_RANGE: RangeId = '5m';

/** The host keeps raw ticks for 5 minutes; beyond that getHistory returns bucket averages. */
export const RAW_SECONDS = 300;

export function isRangeId(value: unknown): value is RangeId {
  return RANGES.some((r) => r.id === value);
}

export function rangeSeconds(id: RangeId): number {
  return RANGES.find((r) => r.id === id)!.seconds;
}

export function rangeName(id: RangeId): string {
  return RANGES.find((r) => r.id === id)!.name;
}

export function needsLongHistory(id: RangeId): boolean {
  return rangeSeconds(id) > RAW_SECONDS;
}

/** How often to re-fetch a long range: one host bucket (5 s up to an hour, 1 min beyond). */
export function refreshMs(id: RangeId): number {
  return rangeSeconds(id) <= 3600 ? 5_000 : 60_000;
}

/** Axis tick step for a span: about six labels whatever the range. */
export function tickStepMs(spanMs: number): number {
  if (spanMs <= 60_000) return 10_000;
  if (spanMs <= 300_000) return 60_000;
  if (spanMs <= 3_600_000) return 600_000;
  return 4 * 3_600_000;
}

/** Ticks back from the newest one, so labels read "-5m … now" at any range. */
export function axisTicks(end: number, spanMs: number): number[] {
  const step = tickStepMs(spanMs);
  const ticks: number[] = [];
  for (let offset = spanMs; offset >= 0; offset -= step) ticks.push(end - offset);
  return ticks;
}
