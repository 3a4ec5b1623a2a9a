import type { ProcessRow } from '../../../shared/payloads';
import { processKey } from '../../../shared/process-delta';
import { COLUMN_BY_ID, type ColumnId } from './columns';
import { searchRanker } from './search-rank';
import { cachedQuery, hasFields, matchesFields } from './query';

/** A process is (pid, createTime): a pid alone may name another process next tick. */
export type ProcessKey = string;

// Rows keep their identity across ticks when unchanged, and the page asks for
// each row's key several times per tick: formatting a float each time was a
// measurable part of a 5,000-row tick.
const keys = new WeakMap<object, ProcessKey>();

export function keyOf(p: { pid: number; createTime: number }): ProcessKey {
  let key = keys.get(p);
  if (key === undefined) {
    key = processKey(p);
    keys.set(p, key);
  }
  return key;
}

export type SortDir = 'asc' | 'desc';
export interface SortSpec {
  column: ColumnId;
  dir: SortDir;
}

export const DEFAULT_SORT: SortSpec = { column: 'cpu', dir: 'desc' };

/** Clicking a header: the same column flips, a new one starts descending for numbers (biggest first), ascending for text. */
export function nextSort(current: SortSpec, column: ColumnId): SortSpec {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: COLUMN_BY_ID.get(column)!.numeric ? 'desc' : 'asc' };
}

type Value = number | string | null;

export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** A comparator for rows by `sort`; ties fall back to pid so the order is stable tick to tick. */
export function rowComparator(sort: SortSpec, value?: (row: ProcessRow) => Value): (a: ProcessRow, b: ProcessRow) => number {
  const get = value ?? COLUMN_BY_ID.get(sort.column)!.value;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (a, b) => sign * compareValues(get(a), get(b)) || a.pid - b.pid;
}

/** Sorted by `sort`; with a search, its exact pid and name matches first (searchRanker). */
export function sortRows(rows: readonly ProcessRow[], sort: SortSpec, search = ''): ProcessRow[] {
  const get = COLUMN_BY_ID.get(sort.column)!.value;
  const rank = searchRanker(search);
  // Decorate once: the accessors lowercase strings, which would otherwise run n log n times.
  const decorated = rows.map((row) => ({ row, v: get(row), r: rank ? rank(row) : 0 }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  decorated.sort((a, b) => a.r - b.r || sign * compareValues(a.v, b.v) || a.row.pid - b.row.pid);
  return decorated.map((d) => d.row);
}

export interface ProcessFilter {
  /** Matches pid (exactly), name, user and command line (substring, any case). */
  search: string;
  /** '' for everyone. */
  user: string;
  hideKernel: boolean;
  /** For a `port:` filter in the search: pids with a socket on the asked ports; null while unknown. */
  portPids?: ReadonlySet<number> | null;
  /** What hideKernel hides: the host's kernel rule (kernelRuleOf); absent: Linux's kernel threads. */
  isKernel?: (row: ProcessRow) => boolean;
  onlyActive: boolean;
}

export const NO_FILTER: ProcessFilter = { search: '', user: '', hideKernel: false, onlyActive: false };

/** Linux kernel threads: children of kthreadd (pid 2), kthreadd itself, and anything without a command line. */
export function isKernelThread(row: ProcessRow): boolean {
  return row.pid === 2 || row.ppid === 2 || row.cmdline.length === 0;
}

/**
 * Windows' kernel processes: the System Idle Process (0), System (4) and what
 * the kernel runs under System with no image file (Registry, Memory
 * Compression, Secure System). Not "no command line": there that only means
 * the process would not be opened.
 */
export function isWindowsKernelProcess(row: ProcessRow): boolean {
  return row.pid === 0 || row.pid === 4 || (row.ppid === 4 && !/\.exe$/i.test(row.name));
}

/** The host's kernel rule and the filter's words for it: POSIX hosts' kernel threads, or Windows' kernel processes (hasPosixSignals tells which). */
export function kernelRuleOf(posix: boolean): { isKernel: (row: ProcessRow) => boolean; label: string } {
  return posix ? { isKernel: isKernelThread, label: 'Hide kernel threads' } : { isKernel: isWindowsKernelProcess, label: 'Hide kernel processes' };
}

export function matchesSearch(row: ProcessRow, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  if (/^\d+$/.test(q) && String(row.pid) === q) return true;
  return row.name.toLowerCase().includes(q) || (row.username ?? '').toLowerCase().includes(q) || row.cmdline.join(' ').toLowerCase().includes(q);
}

export function matchesFilter(row: ProcessRow, f: ProcessFilter): boolean {
  if (f.user && row.username !== f.user) return false;
  if (f.hideKernel && (f.isKernel ?? isKernelThread)(row)) return false;
  if (f.onlyActive && !((row.cpuPercent ?? 0) > 0)) return false;
  // Field filters (user: pid: name: port: cmd:) first; the words left are the plain search.
  const q = cachedQuery(f.search);
  if (hasFields(q) && !matchesFields(row, q, f.portPids ?? null)) return false;
  return matchesSearch(row, q.text);
}

export function isFiltering(f: ProcessFilter): boolean {
  return f.search.trim() !== '' || f.user !== '' || f.hideKernel || f.onlyActive;
}

export function filterRows(rows: readonly ProcessRow[], f: ProcessFilter): readonly ProcessRow[] {
  return isFiltering(f) ? rows.filter((r) => matchesFilter(r, f)) : rows;
}

/** The users present, for the user filter. */
export function usersOf(rows: readonly ProcessRow[]): string[] {
  const set = new Set<string>();
  for (const r of rows) if (r.username) set.add(r.username);
  return [...set].sort();
}

/** A row by its key, or undefined when that process is not in the table. */
export type RowLookup = (key: ProcessKey) => ProcessRow | undefined;

/**
 * Rows by key, the index built on first use: most ticks never ask, and a
 * Map of 5,000 key strings per tick was a measurable part of one.
 */
export function rowLookup(rows: readonly ProcessRow[]): RowLookup {
  let byPid: Map<number, ProcessRow> | null = null;
  return (key) => {
    if (!byPid) {
      byPid = new Map();
      for (const r of rows) byPid.set(r.pid, r);
    }
    const row = byPid.get(Number.parseInt(key, 10));
    return row && keyOf(row) === key ? row : undefined;
  };
}

/**
 * Selection across ticks: keeps the keys whose process is still in the table
 * (same pid AND createTime), so a reused pid is never silently selected.
 * Returns the same set when nothing went.
 */
export function keepSelection(selected: ReadonlySet<ProcessKey>, find: RowLookup): ReadonlySet<ProcessKey> {
  if (selected.size === 0) return selected;
  let gone = false;
  for (const k of selected) if (!find(k)) gone = true;
  if (!gone) return selected;
  return new Set([...selected].filter((k) => find(k)));
}

/** Click / Ctrl-click / Shift-click over the visible order, as in a file manager. */
export function clickSelection(
  visible: readonly ProcessKey[],
  selected: ReadonlySet<ProcessKey>,
  anchor: ProcessKey | null,
  target: ProcessKey,
  mods: { shift: boolean; ctrl: boolean },
): { selected: Set<ProcessKey>; anchor: ProcessKey } {
  if (mods.shift && anchor !== null) {
    const a = visible.indexOf(anchor);
    const b = visible.indexOf(target);
    if (a >= 0 && b >= 0) {
      const range = visible.slice(Math.min(a, b), Math.max(a, b) + 1);
      const next = mods.ctrl ? new Set(selected) : new Set<ProcessKey>();
      for (const k of range) next.add(k);
      return { selected: next, anchor };
    }
  }
  if (mods.ctrl) {
    const next = new Set(selected);
    if (next.has(target)) next.delete(target);
    else next.add(target);
    return { selected: next, anchor: target };
  }
  return { selected: new Set([target]), anchor: target };
}

/** The row a key press moves the cursor to, clamped to the list. */
export function moveCursor(visible: readonly ProcessKey[], cursor: ProcessKey | null, key: string, page: number): ProcessKey | null {
  if (visible.length === 0) return null;
  const i = cursor === null ? -1 : visible.indexOf(cursor);
  const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
  let j: number;
  if (key === 'Home') j = 0;
  else if (key === 'End') j = visible.length - 1;
  else if (key in steps) j = i < 0 ? 0 : i + steps[key]!;
  else return cursor;
  return visible[Math.max(0, Math.min(visible.length - 1, j))]!;
}
