import type { ProcessRow } from '../../../shared/payloads';

/** One process's identity: a pid alone may be reused. */
export interface WatchedProcess {
  pid: number;
  createTime: number;
}

export type ProcessPoint = {
  t: number;
  cpu: number;
  rss: number;
};

/** Ticks kept for the details' charts: 2 minutes at the default tick. */
export const RING_CAPACITY = 120;

/**
 * Adds the watched process's reading from one tick's rows. The ring is
 * untouched (same array) when the process is not in them: gone, or a pid now
 * naming another process.
 */
export function appendRing(ring: ProcessPoint[], watched: WatchedProcess, rows: readonly ProcessRow[], time: number, cap = RING_CAPACITY): ProcessPoint[] {
  const row = rows.find((r) => r.pid === watched.pid && r.createTime === watched.createTime);
  if (!row) return ring;
  const last = ring[ring.length - 1];
  if (last && last.t >= time) return ring;
  const next = [...ring, { t: time, cpu: row.cpuPercent ?? 0, rss: row.rss }];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
