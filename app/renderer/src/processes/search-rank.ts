import type { ProcessRow } from '../../../shared/payloads';
import { cachedQuery } from './query';

/**
 * How well a row answers a plain search, best first: 0 the pid typed exactly,
 * 1 the name typed exactly (any case), 2 any other match. Someone who types a
 * pid or a program's name means that process, not every command line that
 * happens to contain the text: it comes first, whatever the sort column says.
 * Null when the search ranks nothing (empty), so sorting stays as it was.
 */
export function searchRanker(search: string): ((row: ProcessRow) => number) | null {
  // The plain words only: in `user:root 1234` the pid typed is 1234.
  const q = cachedQuery(search).text.trim().toLowerCase();
  if (!q) return null;
  const pid = /^\d+$/.test(q) ? Number(q) : NaN;
  return (row) => (row.pid === pid ? 0 : row.name.toLowerCase() === q ? 1 : 2);
}

/** The rank that means "this is the process the user typed": the table selects it. */
export const EXACT_MATCH = 1;
