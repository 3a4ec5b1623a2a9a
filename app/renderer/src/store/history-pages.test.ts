import { describe, expect, it } from 'vitest';
import type { MonitorApi } from '../../../shared/api';
import { HISTORY_PAGE } from '../../../shared/limits';
import type { Snapshot } from '../../../shared/payloads';
import type { GetHistoryRequest } from '../../../shared/schemas';
import { fetchHistoryPages } from './history-pages';

// A host holding a day of 1 min points, answering getHistory as core/history does (oldest first, after, limit).
function host(points: number) {
  const all = Array.from({ length: points }, (_, i) => ({ seq: i + 1, time: (i + 1) * 60_000 }) as Snapshot);
  const asked: GetHistoryRequest[] = [];
  const api = {
    async getHistory(r: GetHistoryRequest) {
      asked.push(r);
      const after = r.after ?? -Infinity;
      const match = all.filter((s) => s.time > after);
      return r.limit === undefined ? match : match.slice(0, r.limit);
    },
  } as unknown as MonitorApi;
  return { all, asked, api };
}

describe('fetchHistoryPages', () => {
  it('fetches a day in pages of HISTORY_PAGE, each after the last one’s newest, and gives it whole', async () => {
    const h = host(1440);
    const got = await fetchHistoryPages(h.api, 86_400, null);
    expect(got).toEqual(h.all);
    expect(h.asked).toHaveLength(Math.ceil(1440 / HISTORY_PAGE) + (1440 % HISTORY_PAGE === 0 ? 1 : 0));
    expect(h.asked.every((r) => r.limit === HISTORY_PAGE)).toBe(true);
    expect(h.asked[1]!.after).toBe(h.all[HISTORY_PAGE - 1]!.time);
  });

  it('extends from `after`, and stops between pages when the range was left', async () => {
    const h = host(1440);
    expect(await fetchHistoryPages(h.api, 86_400, h.all[1429]!.time)).toEqual(h.all.slice(1430));
    const left = host(1440);
    let pages = 0;
    const got = await fetchHistoryPages(left.api, 86_400, null, () => ++pages < 2);
    expect(got).toHaveLength(2 * HISTORY_PAGE);
  });
});
