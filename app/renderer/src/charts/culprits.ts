import type { Culprit, CulpritKind } from '../../../shared/culprits';
import type { Snapshot } from '../../../shared/payloads';
import { formatByteRate, formatPercent } from '../format';
import { CULPRIT_TABLE_MS } from '../../../shared/limits';

/** What a chart names on hover and click: which kind of culprits, from which snapshots (the chart's window). */
export interface CulpritSource {
  kind: CulpritKind;
  history: readonly Snapshot[];
}

/** The heading over a point's processes, per kind. */
export const CULPRIT_TITLE: Record<CulpritKind, string> = {
  cpu: 'Top processes by CPU',
  memory: 'Top processes by memory growth',
  disk: 'Top processes by disk I/O',
};

/** A culprit's value as the tooltip shows it (see shared/culprits.ts for the units). */
export const CULPRIT_FORMAT: Record<CulpritKind, (value: number) => string> = {
  cpu: (v) => formatPercent(v, v < 10 ? 1 : 0),
  memory: (v) => `+${formatByteRate(v)}`,
  disk: formatByteRate,
};

/**
 * The culprits of the snapshot at time `t` (a chart point's x), found by
 * binary search in the time-ordered window; undefined when no snapshot is at
 * t or it was taken without the process table.
 */
export function culpritsAt(source: CulpritSource, t: number): Culprit[] | undefined {
  const h = source.history;
  let lo = 0;
  let hi = h.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const time = h[mid]!.time;
    if (time === t) {
      // A point taken between two reads of the table: the next read's rates cover it (CULPRIT_TABLE_MS).
      for (let i = mid; i < h.length && h[i]!.time - t <= CULPRIT_TABLE_MS; i++) {
        const c = h[i]!.culprits;
        if (c !== undefined) return c[source.kind] ?? [];
      }
      return undefined;
    }
    if (time < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
