import { METRIC_TOPICS, metricTopicsFor } from '../../../shared/metrics/registry';
import { PROCESS_COLUMN_TOPICS, TOPICS, type Topic } from '../../../shared/payloads';

/** Shown by no page of its own: a declared metric's topic is on the pages its cards are declared for (pageTopics). */
const NOT_OWN: readonly string[] = ['processes', ...PROCESS_COLUMN_TOPICS, ...METRIC_TOPICS];

/**
 * The dashboard's pages, in sidebar order (Alt+1 … Alt+9 for the first nine). `topics` is what a
 * page shows of its own; with its declared metrics' (pageTopics) exactly what it shows, so the
 * host samples nothing that is not on screen.
 */
export const PAGES = [
  // GPUs are a declared metric with a page of their own; the overview has a tile per GPU too.
  { id: 'overview', label: 'Overview', topics: [...TOPICS.filter((t) => !NOT_OWN.includes(t)), 'gpus'] },
  { id: 'cpu', label: 'CPU', topics: ['cpu'] },
  { id: 'memory', label: 'Memory', topics: [] },
  { id: 'disks', label: 'Disks', topics: ['disks', 'partitions'] },
  // The process table with its network use: the top talkers table.
  { id: 'network', label: 'Network', topics: ['network', 'processes', 'processNet'] },
  { id: 'gpu', label: 'GPU', topics: ['gpus'] },
  { id: 'sensors', label: 'Sensors', topics: ['sensors'] },
  { id: 'battery', label: 'Battery', topics: ['battery'] },
  { id: 'processes', label: 'Processes', topics: ['processes'] },
  // Only where the host's collector has services (Windows); its topic comes with its metric (pageTopics).
  { id: 'services', label: 'Services', topics: [], needs: 'winServiceIter' },
  // Processes grouped by control group; its cgroups topic comes with its metric (pageTopics), the table names each group's processes.
  { id: 'apps', label: 'Apps', topics: ['processes'] },
  { id: 'system', label: 'System', topics: [] },
  { id: 'alerts', label: 'Alerts', topics: [] },
  { id: 'settings', label: 'Settings', topics: [] },
] as const satisfies readonly { id: string; label: string; topics: readonly Topic[]; needs?: string }[];

export type PageId = (typeof PAGES)[number]['id'];

export const DEFAULT_PAGE: PageId = 'overview';

export function pageHref(id: PageId): string {
  return `#/${id === DEFAULT_PAGE ? '' : id}`;
}

/** "#/cpu" → 'cpu'; anything unknown (including "" and "#/") is the overview. */
export function parseHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0]!.toLowerCase();
  return PAGES.find((p) => p.id === id)?.id ?? DEFAULT_PAGE;
}

/** Everything `page` shows: its own topics, then those of the metrics that declare a card for it (app/shared/metrics). */
export function pageTopics(page: PageId): Topic[] {
  return [...PAGES.find((p) => p.id === page)!.topics, ...metricTopicsFor(page)];
}

/** What to sample for `page`, or nothing while the document is hidden; `columnTopics` are the process page's optional columns. */
export function topicsFor(page: PageId, hidden: boolean, columnTopics: readonly Topic[] = []): Topic[] {
  if (hidden) return [];
  const topics = pageTopics(page);
  return page === 'processes' ? [...topics, ...columnTopics] : topics;
}

type Page = (typeof PAGES)[number];

/**
 * The pages this host offers, in sidebar order: a page that `needs` a
 * collector function only once the host says it has it (never before the
 * host's info arrives, so it does not flash in and out where it lacks it).
 */
export function shownPages(functions: Readonly<Record<string, boolean>> | undefined): Page[] {
  return PAGES.filter((p) => !('needs' in p) || functions?.[p.needs] === true);
}

/** `page` where this host offers it, else the overview (#/services typed on a host without services). */
export function offeredPage(page: PageId, functions: Readonly<Record<string, boolean>> | undefined): PageId {
  return shownPages(functions).some((p) => p.id === page) ? page : DEFAULT_PAGE;
}

/** The page `delta` places away in sidebar order (among `pages`), wrapping round. */
export function neighbourPage(page: PageId, delta: number, pages: readonly Page[] = PAGES): PageId {
  const i = pages.findIndex((p) => p.id === page);
  return pages[(i + delta + pages.length) % pages.length]!.id;
}
