// @vitest-environment node
// The renderer's long-range refetch against the host's real History: after
// the first whole fetch, each round asks only for what was added, and what
// the client then holds is what a whole fetch would give.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { History } from '../../app/main/core/history';
import { startLongHistory } from '../../app/renderer/src/store/long-history';
import { createMonitorStore } from '../../app/renderer/src/store/monitor';
import type { MonitorApi } from '../../app/shared/api';
import { HISTORY_PAGE } from '../../app/shared/limits';
import type { Snapshot } from '../../app/shared/payloads';
import type { GetHistoryRequest } from '../../app/shared/schemas';

const snap = (seq: number, time: number) => ({ seq, time, intervalMs: 1000, cpu: null, memory: { percent: seq % 50 } }) as unknown as Snapshot;

describe('startLongHistory against the host’s History', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fetches the hour once, then only each new bucket, and holds what a whole fetch would', async () => {
    let now = 1_700_000_040_000;
    const history = new History(() => now);
    const tick = (i: number) => {
      now += 1000;
      history.push(snap(i, now));
    };
    let i = 0;
    while (i < 7200) tick(++i);
    const requests: GetHistoryRequest[] = [];
    let sentEntries = 0;
    const api = {
      getHistory: async (r: GetHistoryRequest) => {
        requests.push(r);
        const list = history.since(r.seconds, r.after, r.limit);
        sentEntries += list.length;
        return list;
      },
    } as unknown as MonitorApi;
    const store = createMonitorStore();
    store.getState().updateSettings({ range: '1h' });
    const stop = startLongHistory(api, store);
    await vi.advanceTimersByTimeAsync(0);
    // The hour comes in pages that fit the message budget, each after the last one's newest entry.
    const firstFetch = requests.length;
    expect(firstFetch).toBeGreaterThanOrEqual(720 / HISTORY_PAGE);
    expect(requests[0]).toEqual({ seconds: 3600, limit: HISTORY_PAGE });
    expect(requests.slice(1).every((r) => r.limit === HISTORY_PAGE && typeof r.after === 'number')).toBe(true);
    expect(sentEntries).toBe(720);
    expect(store.getState().long).toHaveLength(720);

    // A minute of ticks, the client refetching every 5 s bucket as it does.
    for (let round = 0; round < 12; round++) {
      for (let k = 0; k < 5; k++) tick(++i);
      await vi.advanceTimersByTimeAsync(5000);
    }
    expect(requests).toHaveLength(firstFetch + 12);
    expect(requests.slice(firstFetch).every((r) => r.seconds === 3600 && typeof r.after === 'number')).toBe(true);
    // 720 at first, then one bucket per round.
    expect(sentEntries).toBe(720 + 12);
    // The client trims by its newest entry, the host by the clock: the client may hold one older bucket.
    const whole = history.since(3600);
    const held = store.getState().long;
    expect(held.length - whole.length).toBeGreaterThanOrEqual(0);
    expect(held.length - whole.length).toBeLessThanOrEqual(1);
    expect(held.slice(held.length - whole.length)).toEqual(whole);
    stop();
  });
});
