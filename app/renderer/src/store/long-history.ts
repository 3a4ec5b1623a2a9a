import type { MonitorApi } from '../../../shared/api';
import { needsLongHistory, rangeSeconds, refreshMs } from '../settings/range';
import { extendLong } from './history';
import { fetchHistoryPages } from './history-pages';
import type { MonitorStore } from './monitor';

/**
 * Keeps `long` filled while a range beyond the live ticks is chosen: fetched
 * whole at once, then every host bucket only what the host added since
 * (a day's range is ~6 MB of JSON; its new minute, 4 KB). Cleared
 * when the range is short again, so the store holds it only while needed.
 */
export function startLongHistory(api: MonitorApi, store: MonitorStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const range = store.getState().settings.range;
    const mine = ++generation;
    if (!needsLongHistory(range)) {
      if (store.getState().long.length > 0) store.getState().setLong([]);
      return;
    }
    const seconds = rangeSeconds(range);
    // The first fetch takes the whole range; later ones only what the host added since our newest entry.
    let newest: number | null = null;
    const fetchOnce = async () => {
      try {
        const after = newest;
        const list = await fetchHistoryPages(api, seconds, after, () => mine === generation);
        // A reply to a range the user has since left must not overwrite the new one.
        if (mine === generation) {
          const { long, setLong } = store.getState();
          const next = after === null ? list : extendLong(long, list, seconds * 1000);
          if (next !== long) setLong(next);
          newest = store.getState().long.at(-1)?.time ?? null;
        }
      } catch {
        /* disconnected: the next round, or the reconnect below, tries again */
      }
      if (mine === generation) timer = setTimeout(() => void fetchOnce(), refreshMs(range));
    };
    void fetchOnce();
  };

  schedule();
  const off = store.subscribe((s, prev) => {
    if (s.settings.range !== prev.settings.range) schedule();
    else if (s.connection === 'open' && prev.connection !== 'open') schedule();
  });
  return () => {
    generation += 1;
    if (timer !== null) clearTimeout(timer);
    off();
  };
}
