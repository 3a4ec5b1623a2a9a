import type { MonitorApi } from '../../../shared/api';
import { HISTORY_PAGE } from '../../../shared/limits';
import type { Snapshot } from '../../../shared/payloads';


/**
 * getHistory for `seconds` (newer than `after`), in pages, oldest first.
 * `live()` false stops it between pages (the range was left).
 */
export async function fetchHistoryPages(api: MonitorApi, seconds: number, after: number | null, live: () => boolean = () => true): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  let from = after;
  for (;;) {
    const page = await api.getHistory(from === null ? { seconds, limit: HISTORY_PAGE } : { seconds, after: from, limit: HISTORY_PAGE });
    out.push(...page);
    if (page.length < HISTORY_PAGE || !live()) return out;
    from = page[page.length - 1]!.time;
  }
}
