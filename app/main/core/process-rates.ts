import type { ProcessTableRow } from '@procyon/collector';

/**
 * What the next tick needs of a process to compute its rates: its counters
 * (NaN where the table had null or nothing), kept per process by the live
 * table and replaced only when that process's row changed.
 */
export interface Counters {
  createTime: number;
  cpuTimes: number;
  numThreads: number;
  readBytes: number;
  writeBytes: number;
}

export interface RowRates {
  cpuPercent: number | null;
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
}

const orNaN = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

export function countersOf(row: ProcessTableRow): Counters {
  return { createTime: row.createTime, cpuTimes: orNaN(row.cpuTimes), numThreads: orNaN(row.numThreads), readBytes: orNaN(row.readBytes), writeBytes: orNaN(row.writeBytes) };
}

/**
 * A rate of CPU seconds per second, at most one core per thread (the more of
 * the two reads' thread counts; uncapped where either is unknown). The kernel
 * adds a running thread's time to its process's clock at its scheduler tick
 * (1/HZ: 4 ms at HZ=250), so a read between two ticks can move up to that much
 * of one interval's run time into the next: 100.4 % for a 1 s tick, then 99.6 %.
 * As @procyon/collector's processTableRates caps it.
 */
export function oneCorePerThread(cpu: number | null, threadsBefore: number, threadsNow: number): number | null {
  const threads = Math.max(threadsBefore, threadsNow);
  return cpu === null || !(threads > 0) ? cpu : Math.min(cpu, threads);
}

/**
 * Seconds between two tables: `io` between their timestamps, `cpu` from the
 * earlier one's timestamp to the later one's cpuTimesUntil (as
 * processTableRates takes them).
 */
export interface Elapsed {
  io: number;
  cpu: number;
}

/**
 * The rates of `row` since `base`, `elapsed` earlier, exactly as
 * @procyon/collector's processTableRates computes them (a base of another
 * process — a reused pid — or none gives nulls).
 */
export function ratesSince(base: Counters | undefined, row: ProcessTableRow, elapsed: Elapsed): RowRates {
  if (base === undefined || base.createTime !== row.createTime) return { cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null };
  const rate = (a: number, b: number | null | undefined, over: number): number | null =>
    Number.isNaN(a) || b === null || b === undefined || over <= 0 ? null : Math.max(0, b - a) / over;
  const cpu = oneCorePerThread(rate(base.cpuTimes, row.cpuTimes, elapsed.cpu), base.numThreads, orNaN(row.numThreads));
  return {
    cpuPercent: cpu === null ? null : Math.round(cpu * 1000) / 10,
    readBytesPerSec: rate(base.readBytes, row.readBytes, elapsed.io),
    writeBytesPerSec: rate(base.writeBytes, row.writeBytes, elapsed.io),
  };
}

/** The rates of a process whose counters stood still at `base` (what ratesSince gives for a row equal to its base). */
export function restingRates(base: Counters, elapsed: Elapsed): RowRates {
  const at = (a: number, over: number): number | null => (Number.isNaN(a) || over <= 0 ? null : 0);
  return { cpuPercent: at(base.cpuTimes, elapsed.cpu), readBytesPerSec: at(base.readBytes, elapsed.io), writeBytesPerSec: at(base.writeBytes, elapsed.io) };
}

export const sameRates = (a: RowRates, b: RowRates): boolean =>
  a.cpuPercent === b.cpuPercent && a.readBytesPerSec === b.readBytesPerSec && a.writeBytesPerSec === b.writeBytesPerSec;
