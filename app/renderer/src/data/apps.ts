import type { CgroupActionOutcome } from '../../../shared/api';
import type { CgroupKind, CgroupRow } from '../../../shared/metrics/cgroups';
import type { ProcessRow } from '../../../shared/payloads';
import type { CgroupActionRequest } from '../../../shared/schemas';
import { formatBytes } from '../format';
import type { OutcomeKind } from '../processes/actions';

// The Apps page's table: which groups a search and a kind filter keep and in
// what order, pure so it is tested without a page.

/** Each kind as the page names it, in the order its filter lists them. */
export const KIND_WORDS: Record<CgroupKind, string> = {
  app: 'App',
  flatpak: 'Flatpak',
  snap: 'Snap',
  container: 'Container',
  service: 'Service',
  'user-service': 'User service',
  session: 'Session',
  other: 'Other',
};
export const KINDS = Object.keys(KIND_WORDS) as CgroupKind[];

export const APP_COLUMNS = [
  { id: 'name', label: 'Name' },
  { id: 'kind', label: 'Kind' },
  { id: 'cpuPercent', label: 'CPU' },
  { id: 'memory', label: 'Memory' },
  { id: 'io', label: 'Disk I/O' },
  { id: 'pids', label: 'Processes' },
  { id: 'pressure', label: 'Pressure' },
] as const;

export type AppColumn = (typeof APP_COLUMNS)[number]['id'];

export interface AppSort {
  column: AppColumn;
  descending: boolean;
}

/** Busiest first, as Task Manager's Apps view opens. */
export const DEFAULT_APP_SORT: AppSort = { column: 'cpuPercent', descending: true };

/** A header click: the same column flips direction; another starts with its natural order (numbers largest first, names A to Z). */
export function nextAppSort(current: AppSort, column: AppColumn): AppSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'name' && column !== 'kind' };
}

/** The stall share a row shows: the largest "some" avg10 of its cpu, memory and io pressure, or null where the kernel has none. */
export function pressureOf(g: CgroupRow): number | null {
  const values = [g.pressure.cpu, g.pressure.memory, g.pressure.io].flatMap((p) => (p ? [p.some.avg10] : []));
  return values.length > 0 ? Math.max(...values) : null;
}

function sortValue(g: CgroupRow, column: AppColumn): number | string | null {
  switch (column) {
    case 'name':
      return g.name;
    case 'kind':
      return KIND_WORDS[g.kind];
    case 'cpuPercent':
      return g.cpuPercent;
    case 'memory':
      return g.memory?.current ?? null;
    case 'io':
      return g.readBytesPerSec === null && g.writeBytesPerSec === null ? null : (g.readBytesPerSec ?? 0) + (g.writeBytesPerSec ?? 0);
    case 'pids':
      return g.pidsTotal;
    case 'pressure':
      return pressureOf(g);
  }
}

/** Whether every word of `search` appears (case-insensitively) in the group's name, id, kind, path, engine or one of its pids. */
export function matchesGroup(g: CgroupRow, search: string): boolean {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = [g.name, g.id, KIND_WORDS[g.kind], g.path, g.engine ?? '', g.frozen ? 'frozen' : '', ...g.pids].join('\n').toLowerCase();
  return terms.every((t) => text.includes(t));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The groups a search and kind filter keep (`kinds` empty: every kind), sorted by `sort`; ties by path so the order is stable tick to tick. */
export function appRows(list: readonly CgroupRow[], search: string, kinds: ReadonlySet<CgroupKind>, sort: AppSort): CgroupRow[] {
  const rows = list.filter((g) => (kinds.size === 0 || kinds.has(g.kind)) && matchesGroup(g, search));
  const keyed = rows.map((g) => ({ g, v: sortValue(g, sort.column) }));
  keyed.sort((a, b) => {
    // Nothing to show sorts last whichever way: a group's first tick, a group without a memory controller.
    if (a.v === null || b.v === null) return a.v === b.v ? collator.compare(a.g.path, b.g.path) : a.v === null ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return (sort.descending ? -c : c) || collator.compare(a.g.path, b.g.path);
  });
  return keyed.map((k) => k.g);
}

/** How many groups of each kind the list holds (the filter's counts). */
export function kindCounts(list: readonly CgroupRow[]): Map<CgroupKind, number> {
  const out = new Map<CgroupKind, number>();
  for (const g of list) out.set(g.kind, (out.get(g.kind) ?? 0) + 1);
  return out;
}

/** A group as a sentence names it: "Firefox (app)". */
export function groupTitle(g: Pick<CgroupRow, 'name' | 'kind'>): string {
  return `${g.name} (${KIND_WORDS[g.kind].toLowerCase()})`;
}

/**
 * A memory limit as typed ("512M", "2 GiB", "1.5G", "1073741824") → bytes, or
 * an error in words. Binary units, as memory.max and systemd's MemoryMax= read them.
 */
export function parseMemoryLimit(text: string): { bytes: number } | { error: string } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return { error: 'Type a size such as 512M or 2G.' };
  const scale = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const bytes = Math.floor(Number(m[1]) * scale);
  // Below a few MiB the group's processes are killed by the kernel as soon as they touch memory: almost surely a typo.
  if (bytes < 4 * 2 ** 20) return { error: 'A limit below 4 MiB would have the kernel kill the group at once.' };
  if (bytes > Number.MAX_SAFE_INTEGER) return { error: 'That is more memory than any machine has.' };
  return { bytes };
}

/** What the page reports after an action (ActionReport's shape). */
export interface AppReport {
  summary: string;
  outcomes: { kind: OutcomeKind; message: string }[];
}

const DONE = { freeze: 'frozen', thaw: 'thawed' } as const;

/** An action's answer as the page reports it: kill's survivors by pid and name. */
export function outcomeReport(request: CgroupActionRequest, who: string, out: CgroupActionOutcome, byPid: ReadonlyMap<number, Pick<ProcessRow, 'name'>>): AppReport {
  if (request.action === 'kill') {
    const survivors = out.survivors ?? [];
    if (survivors.length > 0) {
      const named = survivors.map((pid) => `${pid} ${byPid.get(pid)?.name ?? ''}`.trim());
      return {
        summary: `${who}: ${survivors.length} ${survivors.length === 1 ? 'process' : 'processes'} still running after the kill`,
        outcomes: named.map((n) => ({ kind: 'error' as const, message: `survived: ${n}` })),
      };
    }
    const how = out.method === 'freeze-and-signal' ? ' (frozen, each process sent SIGKILL, thawed)' : '';
    return { summary: `${who}: killed, no process left${how}`, outcomes: [{ kind: 'ok', message: `${who}: killed` }] };
  }
  const done = request.action === 'setMemoryMax' ? (request.bytes === null ? 'memory limit cleared' : `memory limit set to ${formatBytes(request.bytes)}`) : DONE[request.action];
  return { summary: `${who}: ${done}`, outcomes: [{ kind: 'ok', message: `${who}: ${done}` }] };
}

/** Why the host has no groups to list, in words: the collector's reason for its cgroups capability. */
const ABSENT: Record<string, string> = {
  platform: 'This platform has no control groups (they are Linux’s): apps, services and containers cannot be listed here.',
  'missing-file': 'This machine has no cgroup v2 hierarchy mounted (neither /sys/fs/cgroup nor a hybrid host’s unified mount), so its processes cannot be grouped into apps, services and containers.',
  permission: 'The host may not read the cgroup hierarchy, so its processes cannot be grouped into apps, services and containers.',
  'captured-tree': 'The captured tree the host reads has no cgroup v2 hierarchy.',
};

/** What the page says instead of a table where the host lists no groups: the collector's reason, or the captured tree's. */
export function whyNoGroups(reason: string | undefined, captured: boolean): string {
  return ABSENT[captured ? 'captured-tree' : (reason ?? 'missing-file')] ?? ABSENT['missing-file']!;
}
