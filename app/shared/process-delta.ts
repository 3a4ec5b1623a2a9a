import type { ProcessRow } from './payloads';

// The live stream carries the process table as a change list: on a machine with
// 5,000 mostly idle processes almost no row changes from one tick to the next,
// so sending (and JSON-encoding, parsing, re-rendering) every row each second
// was most of the process page's cost on both sides.

/** The process table in a live tick: what changed since the table the receiver already has. */
export interface ProcessDelta {
  /** `seq` of the tick whose table this applies to; null: `rows` is the whole table. */
  base: number | null;
  /** Rows new or changed since `base` (whole rows). */
  rows: ProcessRow[];
  /** Keys (`pid:createTime`) of the processes gone since `base`. */
  gone: string[];
  /** How many rows the table has after applying: lets the receiver check it is in step. */
  count: number;
  /**
   * A change list too big for one message (MESSAGE_BUDGET_BYTES) comes in
   * parts, all of one tick, in order; `rows` is this part's share, `gone` is
   * in the last part. The receiver applies them together, at the last.
   */
  part?: { index: number; of: number };
}

/** A process is (pid, createTime): a pid alone may name another process next tick. */
export function processKey(p: { pid: number; createTime: number }): string {
  return `${p.pid}:${p.createTime}`;
}

/** Every field of a row but the command line (compared element by element). */
export const ROW_FIELDS = [
  'pid', 'createTime', 'ppid', 'name', 'username', 'status', 'cpuPercent', 'cpuTimes', 'rss', 'vms',
  'memoryPercent', 'numThreads', 'nice', 'readBytesPerSec', 'writeBytesPerSec', 'terminal', 'cpuNum', 'numFds', 'ctxSwitches', 'uss', 'gpu', 'net', 'cmdlineBytes',
] as const satisfies readonly (keyof ProcessRow)[];
// A field added to ProcessRow must be compared too, or its changes would never reach the screen.
type Unlisted = Exclude<keyof ProcessRow, (typeof ROW_FIELDS)[number] | 'cmdline'>;
const everyFieldListed: [Unlisted] extends [never] ? true : never = true;
void everyFieldListed;

// Written out rather than looped over ROW_FIELDS: this runs for every process
// every tick, and monomorphic property reads are several times faster. The
// test flips each of ROW_FIELDS to prove none is missing here.
export function sameRow(a: ProcessRow, b: ProcessRow): boolean {
  if (
    a.cpuPercent !== b.cpuPercent || a.cpuTimes !== b.cpuTimes || a.rss !== b.rss || a.status !== b.status || a.readBytesPerSec !== b.readBytesPerSec ||
    a.writeBytesPerSec !== b.writeBytesPerSec || a.cpuNum !== b.cpuNum || a.vms !== b.vms || a.memoryPercent !== b.memoryPercent ||
    a.numThreads !== b.numThreads || a.nice !== b.nice || a.ppid !== b.ppid || a.name !== b.name || a.username !== b.username ||
    a.terminal !== b.terminal || a.pid !== b.pid || a.createTime !== b.createTime || a.numFds !== b.numFds || a.ctxSwitches !== b.ctxSwitches || a.uss !== b.uss ||
    a.cmdlineBytes !== b.cmdlineBytes
  ) {
    return false;
  }
  return sameArgs(a.cmdline, b.cmdline) && sameGpu(a.gpu, b.gpu) && sameNet(a.net, b.net);
}

/** Two GPU shares with the same figures (the same object, or both absent or null, is the quick case). */
export function sameGpu(a: ProcessRow['gpu'], b: ProcessRow['gpu']): boolean {
  if (a === b) return true;
  if (!a || !b || a.busyPercent !== b.busyPercent || a.memoryBytes !== b.memoryBytes || !sameArgs(a.devices, b.devices)) return false;
  const engines = Object.keys(a.engines);
  if (engines.length !== Object.keys(b.engines).length) return false;
  return engines.every((e) => a.engines[e] === b.engines[e]);
}

/** Two network readings with the same figures (the same object, or both absent or null, is the quick case). */
export function sameNet(a: ProcessRow['net'], b: ProcessRow['net']): boolean {
  if (a === b) return true;
  return (
    !!a && !!b && a.receiveBytes === b.receiveBytes && a.transmitBytes === b.transmitBytes && a.receiveRate === b.receiveRate &&
    a.transmitRate === b.transmitRate && a.sockets === b.sockets && a.uncounted === b.uncounted
  );
}

/** Two command lines with the same arguments (the same array is the quick case). */
export function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The change list from `prev` to `next` (prev null: everything is new). */
export function diffRows(prev: readonly ProcessRow[] | null, next: readonly ProcessRow[]): { rows: ProcessRow[]; gone: string[] } {
  if (!prev) return { rows: [...next], gone: [] };
  // By pid number (no key strings per row per tick); a pid whose createTime
  // differs is another process: the old one goes, the new one comes.
  const old = new Map<number, ProcessRow>();
  for (const r of prev) old.set(r.pid, r);
  const rows: ProcessRow[] = [];
  for (const r of next) {
    const was = old.get(r.pid);
    if (was && was.createTime === r.createTime) {
      old.delete(r.pid);
      // The host reuses the object of a row that did not change: identity says it.
      if (was !== r && !sameRow(was, r)) rows.push(r);
    } else {
      rows.push(r);
    }
  }
  const gone: string[] = [];
  for (const r of old.values()) gone.push(processKey(r));
  return { rows, gone };
}

/** What one change list did to the table: lets a view patch its sorted rows instead of re-sorting. */
export interface ProcessChange {
  /** The table the change list applied to. */
  from: readonly ProcessRow[];
  /** Row objects in the new table that were not in `from` (new processes and new versions of changed ones). */
  added: readonly ProcessRow[];
  /** Row objects of `from` that are not in the new table (gone processes and old versions of changed ones). */
  removed: readonly ProcessRow[];
}

export interface Applied extends ProcessChange {
  rows: ProcessRow[];
}

/**
 * Applies change lists, keeping its pid index from one table to the next
 * when the next list applies to the table it made (rebuilding a 5,000-entry
 * Map every second was the renderer store's share of a tick). Unchanged rows
 * keep their object identity, so a memoised view of one row does not
 * re-render; the result also says which row objects came and went. Null when
 * the list does not fit: the receiver is out of step and must fetch the full
 * table.
 */
export class ProcessIndex {
  private table: readonly ProcessRow[] | null = null;
  private readonly byPid = new Map<number, ProcessRow>();

  apply(prev: readonly ProcessRow[], delta: Pick<ProcessDelta, 'rows' | 'gone' | 'count'>): Applied | null {
    if (this.table !== prev) {
      this.byPid.clear();
      for (const r of prev) this.byPid.set(r.pid, r);
    }
    // Mutated in place from here on: any failure forgets the index, so the
    // next apply rebuilds it from whatever table the caller then holds.
    this.table = null;
    const byPid = this.byPid;
    const removed: ProcessRow[] = [];
    const fresh = new Set<ProcessRow>();
    // By pid number: no key string per row per tick. A gone key is checked
    // against its row's full key, so a stale list cannot drop the wrong process.
    for (const key of delta.gone) {
      const row = byPid.get(Number.parseInt(key, 10));
      if (!row || processKey(row) !== key) return null;
      byPid.delete(row.pid);
      if (!fresh.delete(row)) removed.push(row);
    }
    for (const r of delta.rows) {
      const was = byPid.get(r.pid);
      // A changed row names the same process; a new one a pid that was free.
      if (was && was.createTime !== r.createTime) return null;
      if (was === r) continue;
      if (was && !fresh.delete(was)) removed.push(was);
      byPid.set(r.pid, r);
      fresh.add(r);
    }
    if (byPid.size !== delta.count) return null;
    // Sized once: grown by push, a 5,000-row array per tick is several times its size in garbage.
    const rows = new Array<ProcessRow>(byPid.size);
    let i = 0;
    for (const r of byPid.values()) rows[i++] = r;
    this.table = rows;
    return { rows, from: prev, added: [...fresh], removed };
  }

  /** The table changed some other way (a full table): the index is rebuilt on the next apply. */
  forget(): void {
    this.table = null;
  }
}

/** `prev` with `delta` applied (a ProcessIndex used once); null when the list does not fit. */
export function applyDelta(prev: readonly ProcessRow[], delta: Pick<ProcessDelta, 'rows' | 'gone' | 'count'>): ProcessRow[] | null {
  return new ProcessIndex().apply(prev, delta)?.rows ?? null;
}

/**
 * Gathers a change list sent in parts (ProcessDelta.part). `accept` answers
 * the delta to apply (whole, or all parts joined at the last one), 'pending'
 * while parts are still to come, or null for a part out of order (the
 * receiver is out of step).
 */
export class DeltaParts {
  private held: { seq: number; next: number; rows: ProcessRow[] } | null = null;

  accept(seq: number, delta: ProcessDelta): ProcessDelta | 'pending' | null {
    const part = delta.part;
    if (!part) {
      this.held = null;
      return delta;
    }
    if (part.index === 0) this.held = { seq, next: 0, rows: [] };
    const held = this.held;
    if (!held || held.seq !== seq || held.next !== part.index || part.index >= part.of) {
      this.held = null;
      return null;
    }
    for (const r of delta.rows) held.rows.push(r);
    held.next++;
    if (part.index < part.of - 1) return 'pending';
    this.held = null;
    return { base: delta.base, rows: held.rows, gone: delta.gone, count: delta.count };
  }
}
