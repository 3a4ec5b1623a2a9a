/** One point of a process's kept history (getProcessHistory): a tick, or a bucket's average. */
export interface ProcessHistoryPoint {
  /** ms since the epoch (the tick's, or the bucket's last tick's). */
  t: number;
  /** Percent of one core, as the process table's cpuPercent. */
  cpu: number;
  rss: number;
  readBytesPerSec: number;
  writeBytesPerSec: number;
}

/**
 * How many processes the host keeps a series for: those most recently among
 * any point's culprits. Each has at most one value per raw tick (5 minutes),
 * per 5 s bucket (an hour) and per minute (a day): see core/process-series.ts.
 */
export const PROCESS_SERIES_LIMIT = 16;
