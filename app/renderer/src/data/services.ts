import type { WinService } from '../../../shared/metrics/services';

// The Services page's table: which services a search keeps and in what order,
// pure so it is tested without a page.

export const SERVICE_COLUMNS = [
  { id: 'name', label: 'Name' },
  { id: 'displayName', label: 'Display name' },
  { id: 'status', label: 'Status' },
  { id: 'startType', label: 'Start type' },
  { id: 'pid', label: 'PID' },
  { id: 'description', label: 'Description' },
] as const satisfies readonly { id: keyof WinService; label: string }[];

export type ServiceColumn = (typeof SERVICE_COLUMNS)[number]['id'];

export interface ServiceSort {
  column: ServiceColumn;
  descending: boolean;
}

export const DEFAULT_SERVICE_SORT: ServiceSort = { column: 'displayName', descending: false };

/** Status and start type as a person reads them ("start_pending" → "start pending"). */
export const words = (value: string | null): string => (value === null ? '—' : value.replaceAll('_', ' '));

/** Whether every word of `search` appears (case-insensitively) in the service's name, display name, status, start type, pid, account or description. */
export function matchesService(s: WinService, search: string): boolean {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = [s.name, s.displayName, words(s.status), words(s.startType), s.pid ?? '', s.username ?? '', s.description ?? ''].join('\n').toLowerCase();
  return terms.every((t) => text.includes(t));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a: WinService, b: WinService, column: ServiceColumn): number {
  const x = a[column];
  const y = b[column];
  // Nothing to show sorts last whichever way: a stopped service's pid, a hidden configuration.
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
}

/** The services a search keeps, sorted by `sort` (ties by name, so the order is stable tick to tick). */
export function serviceRows(list: readonly WinService[], search: string, sort: ServiceSort): WinService[] {
  const rows = list.filter((s) => matchesService(s, search));
  return rows.sort((a, b) => {
    const nullLast = a[sort.column] === null || b[sort.column] === null;
    const c = compare(a, b, sort.column);
    return (nullLast || !sort.descending ? c : -c) || collator.compare(a.name, b.name);
  });
}

/** A header click: the same column flips direction, another starts ascending. */
export function nextServiceSort(current: ServiceSort, column: ServiceColumn): ServiceSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: false };
}

/** What can be asked of a service in its state: start a stopped one, stop a running or paused one. */
export function serviceCan(s: WinService): { start: boolean; stop: boolean } {
  return { start: s.status === 'stopped', stop: s.status === 'running' || s.status === 'paused' };
}
