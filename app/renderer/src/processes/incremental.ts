import type { ProcessRow } from '../../../shared/payloads';
import type { ProcessChange } from '../../../shared/process-delta';
import { COLUMN_BY_ID } from './columns';
import { searchRanker } from './search-rank';
import { compareValues, filterRows, isFiltering, matchesFilter, sortRows, type ProcessFilter, type SortSpec } from './table';

// A live tick changes a few dozen of 5,000 rows: sorting, filtering and
// wrapping all of them again each second was most of the page's own work per
// tick. These patch the previous tick's result with what changed instead.

/**
 * `prev` (sorted by `cmp`, a total order) without the items whose row is in
 * `removed`, with `added` (any order) merged in at their places. The same
 * list a full sort would give, at O(n) cheap steps and O(k log n) comparisons.
 */
export function patchSorted<T>(
  prev: readonly T[],
  rowOf: (item: T) => ProcessRow,
  removed: ReadonlySet<ProcessRow>,
  added: readonly T[],
  cmp: (a: ProcessRow, b: ProcessRow) => number,
): T[] {
  const incoming = [...added].sort((a, b) => cmp(rowOf(a), rowOf(b)));
  // Where each incoming item goes in `prev`: binary search (monotone, since
  // incoming is sorted). Removed items still hold their places in `prev`'s
  // order, so searching past them is sound; the merge below skips them.
  const at: number[] = [];
  let lo = 0;
  for (const item of incoming) {
    const row = rowOf(item);
    let hi = prev.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(rowOf(prev[mid]!), row) < 0) lo = mid + 1;
      else hi = mid;
    }
    at.push(lo);
  }
  // Sized once for the most it can hold (removed rows may have been filtered out of
  // `prev` already), filled in place, then cut: no garbage from growing it.
  const out = new Array<T>(prev.length + incoming.length);
  let n = 0;
  const copy = (from: number, to: number) => {
    if (removed.size === 0) for (let i = from; i < to; i++) out[n++] = prev[i]!;
    else
      for (let i = from; i < to; i++) {
        const item = prev[i]!;
        if (!removed.has(rowOf(item))) out[n++] = item;
      }
  };
  let from = 0;
  for (let j = 0; j < incoming.length; j++) {
    copy(from, at[j]!);
    from = at[j]!;
    out[n++] = incoming[j]!;
  }
  copy(from, prev.length);
  out.length = n;
  return out;
}

/** The comparator sortRows uses: the search's exact matches first, then by the column's value, then pid (a total order within one table). */
export function sortComparator(sort: SortSpec, search = ''): (a: ProcessRow, b: ProcessRow) => number {
  const get = COLUMN_BY_ID.get(sort.column)!.value;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const rank = searchRanker(search);
  if (rank) return (a, b) => rank(a) - rank(b) || sign * compareValues(get(a), get(b)) || a.pid - b.pid;
  return (a, b) => sign * compareValues(get(a), get(b)) || a.pid - b.pid;
}

/**
 * The flat table's visible rows, sorted and filtered, kept from tick to tick:
 * when the new table is the last one plus a change list (same sort, same
 * filter), the last result is patched; otherwise it is computed in full.
 * `wrap` turns a row into the item the table shows.
 */
export class SortedRows<T> {
  private last: { rows: readonly ProcessRow[]; filter: ProcessFilter; sort: SortSpec; items: T[] } | null = null;

  constructor(
    private readonly wrap: (row: ProcessRow) => T,
    private readonly rowOf: (item: T) => ProcessRow,
  ) {}

  get(rows: readonly ProcessRow[], change: ProcessChange | undefined, filter: ProcessFilter, sort: SortSpec): T[] {
    const last = this.last;
    let items: T[];
    if (last && last.rows === rows && last.filter === filter && last.sort === sort) return last.items;
    if (last && change && last.rows === change.from && last.filter === filter && last.sort === sort) {
      const filtering = isFiltering(filter);
      const added = (filtering ? change.added.filter((r) => matchesFilter(r, filter)) : change.added).map(this.wrap);
      items = patchSorted(last.items, this.rowOf, new Set(change.removed), added, sortComparator(sort, filter.search));
    } else {
      items = sortRows(filterRows(rows, filter), sort, filter.search).map(this.wrap);
    }
    this.last = { rows, filter, sort, items };
    return items;
  }
}

/** The users present, for the user filter, kept by count so a tick costs only its changed rows. */
export class UsersOf {
  private last: { rows: readonly ProcessRow[]; counts: Map<string, number>; users: string[] } | null = null;

  get(rows: readonly ProcessRow[], change: ProcessChange | undefined): string[] {
    const last = this.last;
    if (last && last.rows === rows) return last.users;
    let counts: Map<string, number>;
    if (last && change && last.rows === change.from) {
      counts = new Map(last.counts);
      for (const r of change.removed) if (r.username) counts.set(r.username, counts.get(r.username)! - 1);
      for (const r of change.added) if (r.username) counts.set(r.username, (counts.get(r.username) ?? 0) + 1);
      for (const [u, n] of counts) if (n <= 0) counts.delete(u);
    } else {
      counts = new Map();
      for (const r of rows) if (r.username) counts.set(r.username, (counts.get(r.username) ?? 0) + 1);
    }
    const names = [...counts.keys()].sort();
    // The same array while the same users are there: the filter bar then skips rendering.
    const users = last && sameList(last.users, names) ? last.users : names;
    this.last = { rows, counts, users };
    return users;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
