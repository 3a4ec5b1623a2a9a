import type { Snapshot } from '../../../shared/payloads';

// Pure history bookkeeping, kept apart from zustand so it is testable and
// so the ordering rules live in one place.

export const DEFAULT_HISTORY_CAPACITY = 3600;

export function capacityOf(historyCapacity: number | undefined): number {
  return historyCapacity && historyCapacity > 0 ? historyCapacity : DEFAULT_HISTORY_CAPACITY;
}

function bound(history: Snapshot[], cap: number): Snapshot[] {
  return history.length > cap ? history.slice(history.length - cap) : history;
}

/**
 * Appends a live tick. Returns the same array when the tick is not newer than
 * the last one, so a duplicate delivery causes no re-render.
 */
export function appendSnapshot(history: Snapshot[], snapshot: Snapshot, cap: number): Snapshot[] {
  const last = history[history.length - 1];
  if (last && snapshot.seq <= last.seq) {
    // A lower seq from later in time is a restarted host whose count began
    // again; its old ticks would make the chart jump backwards, so start over.
    return snapshot.time > last.time ? [snapshot] : history;
  }
  return bound([...history, snapshot], cap);
}

/**
 * Folds a fetched history (oldest first) into what we hold. The fetched list
 * is authoritative: after a host restart its seq starts again from zero, so
 * we keep only our ticks that are later than its end both in seq and in time
 * (those arrived live while the request was in flight).
 */
export function mergeHistory(current: Snapshot[], fetched: Snapshot[], cap: number): Snapshot[] {
  const sorted = [...fetched].sort((a, b) => a.seq - b.seq);
  const end = sorted[sorted.length - 1];
  if (!end) return current;
  const later = current.filter((s) => s.seq > end.seq && s.time > end.time);
  return bound([...sorted, ...later], cap);
}

/** The ticks within `spanMs` of the newest one. */
export function recent(history: Snapshot[], spanMs: number): Snapshot[] {
  const last = history[history.length - 1];
  if (!last) return history;
  const from = last.time - spanMs;
  let i = history.length;
  while (i > 0 && history[i - 1]!.time >= from) i -= 1;
  return i === 0 ? history : history.slice(i);
}

/** The most downsampled entries kept for a long range: 24 h of 1-minute buckets, with room to spare. */
export const LONG_HISTORY_CAP = 1500;

/** Fetched long-range history, oldest first and bounded; the newest entries win. */
export function boundLong(fetched: Snapshot[]): Snapshot[] {
  const sorted = [...fetched].sort((a, b) => a.time - b.time);
  return bound(sorted, LONG_HISTORY_CAP);
}

/**
 * Adds what the host added since `held`'s newest entry (getHistory with
 * `after`) and lets go of what fell out of the range: the whole range is
 * fetched once, then only its new buckets. The store's setLong bounds it.
 */
export function extendLong(held: Snapshot[], added: Snapshot[], spanMs: number): Snapshot[] {
  if (added.length === 0) return held;
  const fresh = [...added].sort((a, b) => a.time - b.time);
  const first = fresh[0]!.time;
  let keep = held.length;
  while (keep > 0 && held[keep - 1]!.time >= first) keep -= 1;
  return recent([...held.slice(0, keep), ...fresh], spanMs);
}

/**
 * What a chart shows for a span: the host's bucket averages for the part
 * older than our live ticks, then the live ticks themselves, so the recent
 * end keeps full resolution while the far end comes from the coarse tiers.
 */
export function windowHistory(live: Snapshot[], long: Snapshot[], spanMs: number): Snapshot[] {
  const liveWindow = recent(live, spanMs);
  if (long.length === 0) return liveWindow;
  const end = live[live.length - 1]?.time ?? long[long.length - 1]!.time;
  const from = end - spanMs;
  const liveStart = liveWindow[0]?.time ?? Number.POSITIVE_INFINITY;
  const older = long.filter((s) => s.time >= from && s.time < liveStart);
  return older.length === 0 ? liveWindow : [...older, ...liveWindow];
}
