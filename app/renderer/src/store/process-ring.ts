import type { ProcessRow } from '../../../shared/payloads';
import type { ProcessHistoryPoint } from '../../../shared/process-history';

/** One process's identity: a pid alone may be reused. */
export interface WatchedProcess {
  pid: number;
  createTime: number;
}

export type ProcessPoint = {
  t: number;
  cpu: number;
  rss: number;
  /** Bytes read plus written per second. */
  io: number;
};

/** What the host kept of the process before the panel opened (getProcessHistory), as the charts' points. */
export function keptPoints(kept: readonly ProcessHistoryPoint[]): ProcessPoint[] {
  return kept.map((p) => ({ t: p.t, cpu: p.cpu, rss: p.rss, io: p.readBytesPerSec + p.writeBytesPerSec }));
}

/** The kept points older than the live ring's first, then the ring: the ring keeps full resolution at the recent end. */
export function joinKept(kept: readonly ProcessPoint[], ring: readonly ProcessPoint[]): ProcessPoint[] {
  const first = ring[0]?.t ?? Infinity;
  let n = 0;
  while (n < kept.length && kept[n]!.t < first) n++;
  return n === 0 ? (ring as ProcessPoint[]) : [...kept.slice(0, n), ...ring];
}

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
  const next = [...ring, { t: time, cpu: row.cpuPercent ?? 0, rss: row.rss, io: (row.readBytesPerSec ?? 0) + (row.writeBytesPerSec ?? 0) }];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
