// processTable(): one trip to the worker for one row per process — what a
// process monitor redraws every tick — and processTableRates() to turn two
// successive tables into cpuPercent and I/O rates.

import { TABLE_FIELD, type ProcessTableFieldName } from './constants_process';
import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { ProcessTableRow } from './process_types';
import type { Roots } from './types';

export interface ProcessTableOptions extends Roots {
  /** The fields each row should carry (pid and createTime always do). Default: all. */
  fields?: readonly ProcessTableFieldName[];
}

export interface ProcessTableResult {
  /** Monotonic seconds when the scan started (for rates). */
  timestamp: number;
  rows: ProcessTableRow[];
}

export const PROCESS_TABLE_FIELDS = Object.keys(TABLE_FIELD) as ProcessTableFieldName[];

/**
 * One row per process with the fields asked for. A process that exits during
 * the scan is left out of this table, never an error.
 */
export async function processTable(options?: ProcessTableOptions): Promise<ProcessTableResult> {
  const opts = optionsObject(options);
  const roots = resolveRoots(opts);
  const names = opts.fields ?? PROCESS_TABLE_FIELDS;
  if (!Array.isArray(names)) throw new InvalidArgument('fields must be an array');
  let fields = 0;
  for (const name of names) {
    const bit = (TABLE_FIELD as Record<string, number>)[name];
    if (bit === undefined) throw new InvalidArgument(`invalid field '${String(name)}'; valid fields are ${PROCESS_TABLE_FIELDS.join(', ')}`);
    fields |= bit;
  }
  return callAsync(() => binding.processTable({ ...roots, fields }));
}

export interface ProcessTableRate {
  pid: number;
  createTime: number;
  /** Share of one CPU since the previous table, as psutil's cpu_percent (null for a new process). */
  cpuPercent: number | null;
  /** Bytes per second since the previous table (null if new or unreadable). */
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
}

/** Rates per row of `next` against `prev`, matched by (pid, createTime) so a reused pid starts over. */
export function processTableRates(prev: ProcessTableResult, next: ProcessTableResult): ProcessTableRate[] {
  const elapsed = next.timestamp - prev.timestamp;
  const before = new Map<string, ProcessTableRow>();
  for (const row of prev.rows) before.set(`${row.pid}:${row.createTime}`, row);
  const rate = (a: number | null | undefined, b: number | null | undefined): number | null =>
    a === null || a === undefined || b === null || b === undefined || elapsed <= 0 ? null : Math.max(0, b - a) / elapsed;
  return next.rows.map((row) => {
    const old = before.get(`${row.pid}:${row.createTime}`);
    const cpu = rate(old?.cpuTimes, row.cpuTimes);
    return {
      pid: row.pid,
      createTime: row.createTime,
      cpuPercent: cpu === null ? null : Math.round(cpu * 1000) / 10,
      readBytesPerSec: rate(old?.readBytes, row.readBytes),
      writeBytesPerSec: rate(old?.writeBytes, row.writeBytes),
    };
  });
}
