import type { MonitorApi } from '../../../shared/api';
import { needsLongHistory, rangeSeconds, refreshMs } from '../settings/range';
import type { MonitorStore } from './monitor';

/**
 * Keeps `long` filled while a range beyond the live ticks is chosen: fetched
 * at once, then again every host bucket so the far end moves too. Cleared
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
    const fetchOnce = async () => {
      try {
        const list = await api.getHistory({ seconds: rangeSeconds(range) });
        // A reply to a range the user has since left must not overwrite the new one.
        if (mine === generation) store.getState().setLong(list);
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
