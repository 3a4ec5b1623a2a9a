import type { ProcessGpu, ProcessNet, ProcessTableChanges, ProcessTableRow } from '@procyon/collector';
import { processKey, sameArgs, sameGpu, sameNet, sameRow, type ProcessRow } from '../../shared';
import type { ActiveRow } from './culprits';
import { countersOf, ratesSince, restingRates, sameRates, type Counters, type RowRates } from './process-rates';

/** One tick of the table: the whole of it, and what changed since the tick before. */
export interface TableTick {
  /** Every row, in pid order. */
  rows: ProcessRow[];
  /** Rows new or changed since the previous apply (whole rows). */
  changed: ProcessRow[];
  /** Keys (`pid:createTime`) of the rows gone since the previous apply. */
  gone: string[];
  /** The rows whose rates may be non-zero (counters moved or rates settling); every other row's are 0 or null. */
  active: ActiveRow[];
  /** Seconds between this table's reads and the previous one's (0 for the first). */
  seconds: number;
}

/**
 * The process table the sampler publishes, kept up to date from the
 * collector's change lists (ProcessTableReader): a tick costs JS time for the
 * rows that changed, not for every process. A row that did not change keeps
 * its object, so whoever compares rows downstream stops at identity.
 *
 * A row can change without its counters moving: the tick after a process
 * stops running, its rates drop to 0 (and a new process's first rates turn
 * from null to numbers). Those rows are tracked in `moving` and re-rated
 * each tick until they are at rest.
 */
export class LiveTable {
  /** In pid order. */
  private readonly rows = new Map<number, ProcessRow>();
  private readonly counters = new Map<number, Counters>();
  private readonly moving = new Set<number>();
  private timestamp: number | null = null;
  private memTotal = 0;
  /** The pids the last read listed as holding a GPU (with the gpu option). */
  private gpuHolders = new Set<number>();
  /** The pids the last read listed as holding an inet socket (with the net option). */
  private netHolders = new Set<number>();

  /** Whether a whole table has been applied (an incremental one needs that first). */
  get primed(): boolean {
    return this.timestamp !== null;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The row of `pid` now, if the table has one. */
  /** Every row, in no particular order (a copy: the table changes under it each read). */
  all(): ProcessRow[] {
    return [...this.rows.values()];
  }

  get(pid: number): ProcessRow | undefined {
    return this.rows.get(pid);
  }

  clear(): void {
    this.rows.clear();
    this.counters.clear();
    this.moving.clear();
    this.timestamp = null;
  }

  apply(changes: ProcessTableChanges, memTotal: number): TableTick {
    if (changes.incremental && !this.primed) throw new Error('an incremental process table needs a whole one before it');
    // CPU time over the span that surely contains both of a process's reads (see cpuTimesUntil): never over 100 % of a core per thread.
    const elapsed = this.timestamp === null ? { io: 0, cpu: 0 } : { io: changes.timestamp - this.timestamp, cpu: (changes.cpuTimesUntil ?? changes.timestamp) - this.timestamp };
    this.timestamp = changes.timestamp;
    const changed: ProcessRow[] = [];
    const gone: string[] = [];
    const active: ActiveRow[] = [];
    let added = false;

    const touched = new Set<number>();
    for (const raw of changes.rows) touched.add(raw.pid);
    if (changes.incremental) {
      for (const g of changes.gone) {
        const row = this.rows.get(g.pid);
        if (row !== undefined && row.createTime === g.createTime) this.forget(row, gone);
      }
    } else {
      // A whole table: whatever it lacks is gone.
      for (const row of this.rows.values()) if (!touched.has(row.pid)) this.forget(row, gone);
    }

    for (const raw of changes.rows) {
      let was = this.rows.get(raw.pid);
      if (was !== undefined && was.createTime !== raw.createTime) {
        this.forget(was, gone);
        was = undefined;
      }
      const base = this.counters.get(raw.pid);
      const rates = ratesSince(base, raw, elapsed);
      const counters = countersOf(raw);
      this.counters.set(raw.pid, counters);
      this.setMoving(raw.pid, rates, counters);
      const row = rowOf(raw, rates, memTotal);
      if (was === undefined) {
        added = true;
        active.push({ row, rssDelta: 0 });
      } else {
        // The same array as before when the arguments did not change: comparisons stop at identity.
        if (sameArgs(was.cmdline, row.cmdline)) row.cmdline = was.cmdline;
        const same = sameRow(was, row);
        active.push({ row: same ? was : row, rssDelta: row.rss - was.rss });
        if (same) continue;
      }
      this.rows.set(raw.pid, row);
      changed.push(row);
    }

    // Rows whose counters stood still: only those whose rates were not at rest change.
    for (const pid of this.moving) {
      if (touched.has(pid)) continue;
      const was = this.rows.get(pid)!;
      const counters = this.counters.get(pid)!;
      const rates = restingRates(counters, elapsed);
      this.setMoving(pid, rates, counters);
      if (sameRates(was, rates)) {
        active.push({ row: was, rssDelta: 0 });
        continue;
      }
      const row = { ...was, ...rates };
      this.rows.set(pid, row);
      changed.push(row);
      active.push({ row, rssDelta: 0 });
    }

    // GPU shares and network rates are rates: a process's can change with none of its /proc files. The reader lists
    // every holder with its figures; a row it did not send takes them from there, and one no longer listed holds none.
    const listed = changes as ProcessTableChanges & { gpu?: { pid: number; gpu: ProcessGpu }[]; net?: { pid: number; net: ProcessNet }[] };
    if (listed.gpu) this.gpuHolders = this.applyListed('gpu', new Map(listed.gpu.map((g) => [g.pid, g.gpu])), this.gpuHolders, sameGpu, touched, changed);
    if (listed.net) this.netHolders = this.applyListed('net', new Map(listed.net.map((n) => [n.pid, n.net])), this.netHolders, sameNet, touched, changed);

    // Memory percentages are of the machine's total: redo them all if it changed (hot-plugged memory).
    if (memTotal !== this.memTotal) {
      this.memTotal = memTotal;
      for (const [pid, was] of this.rows) {
        if (touched.has(pid)) continue;
        const memoryPercent = memoryPercentOf(was.rss, memTotal);
        if (memoryPercent === was.memoryPercent) continue;
        const row = { ...was, memoryPercent };
        this.rows.set(pid, row);
        changed.push(row);
      }
    }

    if (this.rows.size !== changes.count) {
      // Out of step with the collector (a change list lost or applied twice): never show a wrong table.
      const size = this.rows.size;
      this.clear();
      throw new Error(`process table out of step: ${size} rows after the changes, the collector has ${changes.count}`);
    }
    const rows = [...this.rows.values()];
    if (added) {
      // A new process joins the map at its end: put the map back in pid order
      // (pids mostly increase, so the sort is nearly a pass over sorted runs).
      rows.sort((a, b) => a.pid - b.pid);
      this.rows.clear();
      for (const row of rows) this.rows.set(row.pid, row);
    }
    return { rows, changed, gone, active, seconds: elapsed.io };
  }

  /** Each listed pid's figure (`key` of its row) set on a row the read did not resend; a pid listed before and not now holds none. Returns the pids listed now. */
  private applyListed<K extends 'gpu' | 'net'>(
    key: K,
    now: Map<number, NonNullable<ProcessRow[K]>>,
    before: ReadonlySet<number>,
    same: (a: ProcessRow[K], b: ProcessRow[K]) => boolean,
    touched: ReadonlySet<number>,
    changed: ProcessRow[],
  ): Set<number> {
    for (const pid of new Set([...before, ...now.keys()])) {
      const was = this.rows.get(pid);
      if (was === undefined || touched.has(pid)) continue;
      const value = (now.get(pid) ?? null) as ProcessRow[K];
      if (same(was[key], value)) continue;
      const row = { ...was, [key]: value };
      this.rows.set(pid, row);
      // A row re-rated above is already among the changes: its newer version takes its place.
      const i = changed.lastIndexOf(was);
      if (i >= 0) changed[i] = row;
      else changed.push(row);
    }
    return new Set(now.keys());
  }

  private forget(row: ProcessRow, gone: string[]): void {
    gone.push(processKey(row));
    this.rows.delete(row.pid);
    this.counters.delete(row.pid);
    this.moving.delete(row.pid);
  }

  /** Whether the row's rates would still change next tick if its counters stood still. */
  private setMoving(pid: number, rates: RowRates, counters: Counters): void {
    if (sameRates(rates, restingRates(counters, { io: 1, cpu: 1 }))) this.moving.delete(pid);
    else this.moving.add(pid);
  }
}

const memoryPercentOf = (rss: number, memTotal: number): number => (memTotal > 0 ? (rss / memTotal) * 100 : 0);

/** The published row of one process. */
function rowOf(raw: ProcessTableRow, rates: RowRates, memTotal: number): ProcessRow {
  const rss = raw.rss ?? 0;
  const ctx = raw.numCtxSwitches;
  const row: ProcessRow = {
    pid: raw.pid,
    createTime: raw.createTime,
    ppid: raw.ppid ?? 0,
    name: raw.name ?? '',
    username: raw.username ?? null,
    status: raw.status ?? '?',
    cpuPercent: rates.cpuPercent,
    cpuTimes: raw.cpuTimes ?? 0,
    rss,
    vms: raw.vms ?? 0,
    memoryPercent: memoryPercentOf(rss, memTotal),
    numThreads: raw.numThreads ?? 0,
    nice: raw.nice ?? 0,
    cmdline: raw.cmdline ?? [],
    readBytesPerSec: rates.readBytesPerSec,
    writeBytesPerSec: rates.writeBytesPerSec,
    terminal: raw.terminal ?? null,
    cpuNum: raw.cpuNum ?? 0,
  };
  // Only when their column is on screen (the table was asked for them).
  if (raw.numFds !== undefined) row.numFds = raw.numFds;
  if (ctx !== undefined) row.ctxSwitches = ctx && ctx.voluntary + ctx.involuntary;
  if (raw.uss !== undefined) row.uss = raw.uss;
  // The collector's row has `gpu` when the table was asked for it (processTable's gpu option).
  const gpu = (raw as ProcessTableRow & { gpu?: ProcessGpu | null }).gpu;
  if (gpu !== undefined) row.gpu = gpu;
  const net = (raw as ProcessTableRow & { net?: ProcessNet | null }).net;
  if (net !== undefined) row.net = net;
  // The collector cut the command line to the table's budget (PROCESS_TEXT_CUT_BYTES): say how long it was.
  if (raw.cmdlineBytes !== undefined) row.cmdlineBytes = raw.cmdlineBytes;
  return row;
}
