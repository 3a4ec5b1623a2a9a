import type { ProcessTableRow } from '@procyon/collector';

/**
 * What the next tick needs of a process to compute its rates: its counters
 * (NaN where the table had null or nothing), kept per process by the live
 * table and replaced only when that process's row changed.
 */
export interface Counters {
  createTime: number;
  cpuTimes: number;
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
  return { createTime: row.createTime, cpuTimes: orNaN(row.cpuTimes), readBytes: orNaN(row.readBytes), writeBytes: orNaN(row.writeBytes) };
}

/**
 * The rates of `row` since `base`, `elapsed` seconds earlier, exactly as
 * @procyon/collector's processTableRates computes them (a base of another
 * process — a reused pid — or none gives nulls).
 */
export function ratesSince(base: Counters | undefined, row: ProcessTableRow, elapsed: number): RowRates {
  if (base === undefined || base.createTime !== row.createTime) return { cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null };
  const rate = (a: number, b: number | null | undefined): number | null =>
    Number.isNaN(a) || b === null || b === undefined || elapsed <= 0 ? null : Math.max(0, b - a) / elapsed;
  const cpu = rate(base.cpuTimes, row.cpuTimes);
  return {
    cpuPercent: cpu === null ? null : Math.round(cpu * 1000) / 10,
    readBytesPerSec: rate(base.readBytes, row.readBytes),
    writeBytesPerSec: rate(base.writeBytes, row.writeBytes),
  };
}

/** The rates of a process whose counters stood still at `base` (what ratesSince gives for a row equal to its base). */
export function restingRates(base: Counters, elapsed: number): RowRates {
  const at = (a: number): number | null => (Number.isNaN(a) || elapsed <= 0 ? null : 0);
  return { cpuPercent: at(base.cpuTimes), readBytesPerSec: at(base.readBytes), writeBytesPerSec: at(base.writeBytes) };
}

export const sameRates = (a: RowRates, b: RowRates): boolean =>
  a.cpuPercent === b.cpuPercent && a.readBytesPerSec === b.readBytesPerSec && a.writeBytesPerSec === b.writeBytesPerSec;
