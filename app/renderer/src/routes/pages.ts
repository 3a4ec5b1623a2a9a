import { PROCESS_COLUMN_TOPICS, TOPICS, type Topic } from '../../../shared/payloads';

/**
 * The dashboard's pages, in sidebar order (Alt+1 … Alt+9 for the first nine). `topics` is exactly
 * what a page shows, so the host samples nothing that is not on screen.
 */
export const PAGES = [
  { id: 'overview', label: 'Overview', topics: TOPICS.filter((t) => t !== 'processes' && t !== 'pressure' && !(PROCESS_COLUMN_TOPICS as readonly string[]).includes(t)) },
  { id: 'cpu', label: 'CPU', topics: ['cpu', 'pressure'] },
  { id: 'memory', label: 'Memory', topics: ['pressure'] },
  { id: 'disks', label: 'Disks', topics: ['disks', 'partitions', 'pressure'] },
  { id: 'network', label: 'Network', topics: ['network'] },
  { id: 'sensors', label: 'Sensors', topics: ['sensors'] },
  { id: 'battery', label: 'Battery', topics: ['battery'] },
  { id: 'processes', label: 'Processes', topics: ['processes'] },
  { id: 'system', label: 'System', topics: [] },
  { id: 'alerts', label: 'Alerts', topics: [] },
  { id: 'settings', label: 'Settings', topics: [] },
] as const satisfies readonly { id: string; label: string; topics: readonly Topic[] }[];

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

/** What to ask the host for: the page's topics, or nothing while the document is hidden. */
/** What to sample for `page`; `columnTopics` are the process page's optional columns. */
export function topicsFor(page: PageId, hidden: boolean, columnTopics: readonly Topic[] = []): Topic[] {
  if (hidden) return [];
  const topics = [...PAGES.find((p) => p.id === page)!.topics];
  return page === 'processes' ? [...topics, ...columnTopics] : topics;
}

/** The page `delta` places away in sidebar order, wrapping round. */
export function neighbourPage(page: PageId, delta: number): PageId {
  const i = PAGES.findIndex((p) => p.id === page);
  return PAGES[(i + delta + PAGES.length) % PAGES.length]!.id;
}
