import type { Target } from './actions';

/**
 * A process some other page asked the Processes page to open (a chart's
 * culprit): taken once by the page as it mounts. Module state, not the store:
 * it is a one-shot hand-over between two pages, never rendered.
 */
let pending: Target | null = null;

export function requestOpen(target: Target): void {
  pending = target;
}

export function takeOpenRequest(): Target | null {
  const t = pending;
  pending = null;
  return t;
}

/** A search some other page asked the Processes page to start with (a service's "pid:N"): taken once as it mounts. */
let pendingSearch: string | null = null;

export function requestSearch(search: string): void {
  pendingSearch = search;
}

export function takeSearchRequest(): string | null {
  const s = pendingSearch;
  pendingSearch = null;
  return s;
}

/** A group some other page asked the Apps page to show (a process's app in its details): taken once as it mounts, expanded and scrolled to. */
let pendingGroup: string | null = null;

export function requestGroup(path: string): void {
  pendingGroup = path;
}

export function takeGroupRequest(): string | null {
  const g = pendingGroup;
  pendingGroup = null;
  return g;
}
