import { useEffect, useRef } from 'react';
import type { ProcessRow } from '../../../shared/payloads';
import { EXACT_MATCH, searchRanker } from './search-rank';

/**
 * Selects the process a search names exactly (its pid, else its name): the
 * best such row, once per search text, so a click made afterwards is kept.
 * Waits for the row when the search was typed before the process showed up.
 */
export function useSelectExactMatch(search: string, display: readonly { key: string; row: ProcessRow }[], select: (key: string) => void): void {
  const done = useRef('');
  const q = search.trim();
  useEffect(() => {
    if (!q) {
      done.current = '';
      return;
    }
    if (done.current === q) return;
    // Null for a search of field filters alone (`pid:123`): those narrow the table, they name no one process.
    const rank = searchRanker(q);
    if (!rank) return;
    let best: { key: string; r: number } | null = null;
    for (const d of display) {
      const r = rank(d.row);
      if (r <= EXACT_MATCH && (!best || r < best.r)) best = { key: d.key, r };
      if (r === 0) break;
    }
    if (!best) return;
    done.current = q;
    select(best.key);
  });
}
