import type { ProcessTableResult, ProcessTableRow } from '@procyon/collector';

/**
 * What the next tick needs from this one's process table to compute rates:
 * the counters in typed arrays, not the table's row objects. Kept one tick,
 * the rows would survive into V8's old space and be collected there by the
 * mark-compact pauses that stall the event loop; these arrays are four
 * allocations whatever the number of processes.
 */
export interface RateBase {
  timestamp: number;
  /** pid → index into the arrays. */
  index: Map<number, number>;
  createTime: Float64Array;
  cpuTimes: Float64Array;
  /** NaN where the table had null or nothing. */
  readBytes: Float64Array;
  writeBytes: Float64Array;
}

export interface RowRates {
  cpuPercent: number | null;
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
}

const orNaN = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

export function rateBaseOf(table: ProcessTableResult): RateBase {
  const n = table.rows.length;
  const base: RateBase = {
    timestamp: table.timestamp,
    index: new Map(),
    createTime: new Float64Array(n),
    cpuTimes: new Float64Array(n),
    readBytes: new Float64Array(n),
    writeBytes: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const row = table.rows[i]!;
    base.index.set(row.pid, i);
    base.createTime[i] = row.createTime;
    base.cpuTimes[i] = orNaN(row.cpuTimes);
    base.readBytes[i] = orNaN(row.readBytes);
    base.writeBytes[i] = orNaN(row.writeBytes);
  }
  return base;
}

/**
 * The rates of `row` since `base`, exactly as @procyon/collector's
 * processTableRates computes them (matched by pid and createTime: a reused
 * pid starts over with nulls).
 */
export function rowRates(base: RateBase | undefined, row: ProcessTableRow, timestamp: number): RowRates {
  const i = base?.index.get(row.pid);
  if (base === undefined || i === undefined || base.createTime[i] !== row.createTime) {
    return { cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null };
  }
  const elapsed = timestamp - base.timestamp;
  const rate = (a: number, b: number | null | undefined): number | null =>
    Number.isNaN(a) || b === null || b === undefined || elapsed <= 0 ? null : Math.max(0, b - a) / elapsed;
  const cpu = rate(base.cpuTimes[i]!, row.cpuTimes);
  return {
    cpuPercent: cpu === null ? null : Math.round(cpu * 1000) / 10,
    readBytesPerSec: rate(base.readBytes[i]!, row.readBytes),
    writeBytesPerSec: rate(base.writeBytes[i]!, row.writeBytes),
  };
}
