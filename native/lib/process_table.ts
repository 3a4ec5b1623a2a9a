// processTable(): one trip to the worker for one row per process — what a
// process monitor redraws every tick — and processTableRates() to turn two
// successive tables into cpuPercent and I/O rates.

import { TABLE_FIELD, type ProcessStatus, type ProcessTableFieldName } from './constants_process';
import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots, type ResolvedRoots } from './roots';
import type { NativeProcessTable, ProcessTableRow } from './process_types';
import type { ProcessGpu } from './gpu';
import type { Roots } from './types';
import { GpuUsageTracker } from './gpu_usage';
import { NetUsageTracker, type NetUsage, type ProcessNet } from './process_net';

export interface ProcessTableOptions extends Roots {
  /** The fields each row should carry (pid and createTime always do). Default: all. */
  fields?: readonly ProcessTableFieldName[];
  /**
   * What one row's cmdline may take JSON-encoded, in bytes (64 to 64 MiB;
   * default TABLE_CMDLINE_BYTES). A longer one is cut, at a character, and
   * the row says the whole size in `cmdlineBytes`. Process#cmdline() is
   * never cut: it is psutil's answer for one process.
   */
  cmdlineBytes?: number;
  /** Add each row's `gpu` (its DRM fdinfo share since the previous table; null: holds no DRM fd). Off: nothing extra is read. */
  gpu?: boolean;
  /**
   * Add each row's `net` (its TCP traffic from the kernel's socket dump; null:
   * holds no inet socket) and the table's `netOtherUsers`. Off: nothing extra is read.
   * Linux's running machine only: elsewhere the table fails UNSUPPORTED, on a captured tree NOT_LIVE.
   */
  net?: boolean;
}

/**
 * A table row's cmdline, at most, as JSON encodes it (a control byte costs 6,
 * an invalid UTF-8 byte 3, as U+FFFD): a process can put 2 MB in its argv,
 * and a table is held, diffed and sent every tick.
 */
export const TABLE_CMDLINE_BYTES = 4096;

/** @internal The option's value, checked. */
export function cmdlineBudget(value: unknown = TABLE_CMDLINE_BYTES): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 64 || value > 64 * 1024 * 1024) {
    throw new InvalidArgument('cmdlineBytes must be an integer from 64 to 67108864');
  }
  return value;
}

export interface ProcessTableResult {
  /** Monotonic seconds when the scan started (for rates). */
  timestamp: number;
  /**
   * Monotonic seconds by when every row's cpuTimes had been read: CPU rates
   * divide by (this − the previous table's timestamp), which is never shorter
   * than the time between a process's two reads. Where absent, `timestamp`.
   */
  cpuTimesUntil?: number;
  rows: ProcessTableRow[];
  /** With `net: true`: the sockets no process this user can read holds (other users' processes), summed. */
  netOtherUsers?: ProcessNet;
}

export const PROCESS_TABLE_FIELDS = Object.keys(TABLE_FIELD) as ProcessTableFieldName[];

/**
 * One row per process with the fields asked for. A process that exits during
 * the scan is left out of this table, never an error.
 */
export async function processTable(options?: ProcessTableOptions): Promise<ProcessTableResult> {
  const opts = optionsObject(options);
  const roots = resolveRoots(opts);
  const fields = fieldMask(opts.fields);
  const cmdlineBytes = cmdlineBudget(opts.cmdlineBytes);
  const wantGpu = gpuOption(opts.gpu);
  const wantNet = netOption(opts.net);
  if (!wantGpu && !wantNet) return tableOf(roots, fields, cmdlineBytes);
  const [table, gpu, net] = await Promise.all([
    tableOf(roots, fields, cmdlineBytes),
    wantGpu ? gpuTracker(roots).all() : undefined,
    wantNet ? netTracker(roots).all() : undefined,
  ]);
  if (gpu !== undefined) withGpu(table.rows, gpu);
  if (net !== undefined) {
    withNet(table.rows, net);
    table.netOtherUsers = net.otherUsers;
  }
  return table;
}

/** @internal The `net` option, checked. */
export function netOption(value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new InvalidArgument('net must be a boolean');
  return value === true;
}

// processTable()'s previous socket dump per procfs root.
const netTrackers = new Map<string, NetUsageTracker>();
function netTracker(roots: ResolvedRoots): NetUsageTracker {
  let tracker = netTrackers.get(roots.procfs);
  if (tracker === undefined) {
    if (netTrackers.size >= 16) netTrackers.clear();
    tracker = new NetUsageTracker(roots);
    netTrackers.set(roots.procfs, tracker);
  }
  return tracker;
}

/** @internal Each row's `net`, or null when it holds no inet socket. */
export function withNet(rows: ProcessTableRow[], net: NetUsage): void {
  for (const row of rows) row.net = net.processes.get(row.pid) ?? null;
}

/** @internal The `gpu` option, checked. */
export function gpuOption(value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new InvalidArgument('gpu must be a boolean');
  return value === true;
}

// processTable()'s previous GPU reading per roots, as psutil keeps cpu_percent's per process.
const gpuTrackers = new Map<string, GpuUsageTracker>();
function gpuTracker(roots: ResolvedRoots): GpuUsageTracker {
  const key = `${roots.procfs}\0${roots.sysfs}`;
  let tracker = gpuTrackers.get(key);
  if (tracker === undefined) {
    if (gpuTrackers.size >= 16) gpuTrackers.clear();
    tracker = new GpuUsageTracker(roots);
    gpuTrackers.set(key, tracker);
  }
  return tracker;
}

/** @internal Each row's `gpu`: its share, or null when it holds no GPU client. */
export function withGpu(rows: ProcessTableRow[], gpu: Map<number, ProcessGpu>): void {
  for (const row of rows) row.gpu = gpu.get(row.pid) ?? null;
}

/** @internal Field names → the addon's bit mask (all fields when none are named). */
export function fieldMask(names: readonly ProcessTableFieldName[] = PROCESS_TABLE_FIELDS): number {
  if (!Array.isArray(names)) throw new InvalidArgument('fields must be an array');
  let fields = 0;
  for (const name of names) {
    const bit = (TABLE_FIELD as Record<string, number>)[name];
    if (bit === undefined) throw new InvalidArgument(`invalid field '${String(name)}'; valid fields are ${PROCESS_TABLE_FIELDS.join(', ')}`);
    fields |= bit;
  }
  return fields;
}

/** @internal processTable() with a field mask and resolved roots (for Process.children and processIter). */
export async function tableOf(roots: ResolvedRoots, fields: number, cmdlineBytes = TABLE_CMDLINE_BYTES): Promise<ProcessTableResult> {
  const table = await callAsync(() => binding.processTable({ ...roots, fields, cmdlineBytes }));
  return { timestamp: table.timestamp, cpuTimesUntil: table.cpuTimesUntil, rows: rowsOf(table, fields) };
}

/** Closes the files processTable() keeps open between calls and forgets its cache (the next call reads everything afresh). */
processTable.cacheClear = (): void => {
  binding.processTableCacheClear();
};

/** The addon's column layout (src/process_table_columns.h; const enums for speed, checked against describe().layouts by test/describe.test.ts; strs and args are indices into text's parts). */
const enum Col {
  Pid,
  CreateTime,
  Ppid,
  CpuTimes,
  Rss,
  Vms,
  NumThreads,
  Nice,
  ReadBytes,
  WriteBytes,
  CpuNum,
  ArgStart,
  ArgEnd,
  NumFds,
  VoluntaryCtx,
  InvoluntaryCtx,
  Uss,
  CmdlineBytes,
  Count,
}
const enum Str {
  Name,
  Username,
  Status,
  Terminal,
  Exe,
  Count,
}

const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);
const partOrNull = (parts: readonly string[], index: number): string | null => (index < 0 ? null : parts[index]!);

/** Row objects from the columns, built here because V8 makes same-shaped literals far faster than N-API can set properties. */
/** @internal */
export function rowsOf(table: NativeProcessTable, f: number): ProcessTableRow[] {
  const { nums, strs, args } = table;
  // Every distinct string of the table, once; strs and args index into it.
  const parts = table.text.split('\0');
  const rows = new Array<ProcessTableRow>(table.count);
  for (let i = 0; i < table.count; i++) {
    const n = i * Col.Count;
    const s = i * Str.Count;
    const row: ProcessTableRow = { pid: nums[n + Col.Pid]!, createTime: nums[n + Col.CreateTime]! };
    if (f & TABLE_FIELD.ppid) row.ppid = nums[n + Col.Ppid]!;
    if (f & TABLE_FIELD.name) row.name = parts[strs[s + Str.Name]!]!;
    if (f & TABLE_FIELD.username) row.username = partOrNull(parts, strs[s + Str.Username]!);
    if (f & TABLE_FIELD.status) row.status = parts[strs[s + Str.Status]!] as ProcessStatus;
    if (f & TABLE_FIELD.cpuTimes) row.cpuTimes = nums[n + Col.CpuTimes]!;
    if (f & TABLE_FIELD.memory) {
      row.rss = nums[n + Col.Rss]!;
      row.vms = nums[n + Col.Vms]!;
    }
    if (f & TABLE_FIELD.numThreads) row.numThreads = nums[n + Col.NumThreads]!;
    if (f & TABLE_FIELD.nice) row.nice = nums[n + Col.Nice]!;
    if (f & TABLE_FIELD.cmdline) {
      const cmdline: string[] = [];
      for (let a = nums[n + Col.ArgStart]!, end = nums[n + Col.ArgEnd]!; a < end; a++) cmdline.push(parts[args[a]!]!);
      row.cmdline = cmdline;
      const whole = nums[n + Col.CmdlineBytes]!;
      if (!Number.isNaN(whole)) row.cmdlineBytes = whole;
    }
    if (f & TABLE_FIELD.io) {
      row.readBytes = orNull(nums[n + Col.ReadBytes]!);
      row.writeBytes = orNull(nums[n + Col.WriteBytes]!);
    }
    if (f & TABLE_FIELD.terminal) row.terminal = partOrNull(parts, strs[s + Str.Terminal]!);
    if (f & TABLE_FIELD.cpuNum) row.cpuNum = nums[n + Col.CpuNum]!;
    if (f & TABLE_FIELD.exe) row.exe = parts[strs[s + Str.Exe]!]!;
    if (f & TABLE_FIELD.numFds) row.numFds = orNull(nums[n + Col.NumFds]!);
    if (f & TABLE_FIELD.numCtxSwitches) {
      const voluntary = nums[n + Col.VoluntaryCtx]!;
      row.numCtxSwitches = Number.isNaN(voluntary) ? null : { voluntary, involuntary: nums[n + Col.InvoluntaryCtx]! };
    }
    if (f & TABLE_FIELD.uss) row.uss = orNull(nums[n + Col.Uss]!);
    rows[i] = row;
  }
  return rows;
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
  const cpuElapsed = (next.cpuTimesUntil ?? next.timestamp) - prev.timestamp;
  // Keyed by pid (a number: no string per row); a reused pid differs in createTime.
  const before = new Map<number, ProcessTableRow>();
  for (const row of prev.rows) before.set(row.pid, row);
  const rate = (a: number | null | undefined, b: number | null | undefined, over = elapsed): number | null =>
    a === null || a === undefined || b === null || b === undefined || over <= 0 ? null : Math.max(0, b - a) / over;
  return next.rows.map((row) => {
    const candidate = before.get(row.pid);
    const old = candidate !== undefined && candidate.createTime === row.createTime ? candidate : undefined;
    // At most one core per thread (the more of the two reads' counts): the
    // kernel adds a running thread's time to the process's clock at its
    // scheduler tick (1/HZ), so a read between ticks moves up to that much of
    // one interval's run time into the next (100.4 % for a 1 s tick at HZ=250, then 99.6 %).
    const threads = Math.max(old?.numThreads ?? NaN, row.numThreads ?? NaN);
    const measured = rate(old?.cpuTimes, row.cpuTimes, cpuElapsed);
    const cpu = measured === null || !(threads > 0) ? measured : Math.min(measured, threads);
    return {
      pid: row.pid,
      createTime: row.createTime,
      cpuPercent: cpu === null ? null : Math.round(cpu * 1000) / 10,
      readBytesPerSec: rate(old?.readBytes, row.readBytes),
      writeBytesPerSec: rate(old?.writeBytes, row.writeBytes),
    };
  });
}
