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
  /**
   * TCP bytes received and sent per second over the tick (the row's `net`, the
   * kernel's socket dump): present only for ticks whose table carried network
   * use (the processNet topic: the details' Network tab or a network column
   * shown), so the chart leaves a gap, not a zero, where it was not read.
   */
  rx?: number;
  tx?: number;
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

/** The tick's network rates of a row: none where the table did not read them (or a first read has no rate yet); zero where the process holds no socket. */
function netRates(row: ProcessRow): Pick<ProcessPoint, 'rx' | 'tx'> {
  if (row.net === null) return { rx: 0, tx: 0 };
  if (row.net === undefined || row.net.receiveRate === null || row.net.transmitRate === null) return {};
  return { rx: row.net.receiveRate, tx: row.net.transmitRate };
}

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
  const next = [...ring, { t: time, cpu: row.cpuPercent ?? 0, rss: row.rss, io: (row.readBytesPerSec ?? 0) + (row.writeBytesPerSec ?? 0), ...netRates(row) }];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
