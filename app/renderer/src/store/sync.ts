import type { MonitorApi } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import type { ConnectionSource } from '../api/connection';
import type { MonitorStore } from './monitor';
import { fetchHistoryPages } from './history-pages';

const HISTORY_SECONDS = 300;

function describe(error: unknown) {
  const e = toApiError(error);
  return { code: e.code, message: e.message };
}

/**
 * Feeds the store from the host: live ticks first (so none fall between the
 * history fetch and the subscription), then info and recent history. Each
 * time the transport comes back the load runs again to fill the gap.
 */
export function startSync(api: MonitorApi, connection: ConnectionSource, store: MonitorStore): () => void {
  const { applySnapshot } = store.getState();
  let stopped = false;
  let loading = false;

  async function load(): Promise<void> {
    if (loading) return;
    loading = true;
    try {
      const info = await api.getInfo();
      if (stopped) return;
      store.getState().setInfo(info);
      const history = await fetchHistoryPages(api, HISTORY_SECONDS, null, () => !stopped);
      if (!stopped) store.getState().loadHistory(history);
    } catch (error) {
      if (!stopped) store.getState().setError(describe(error));
    } finally {
      loading = false;
    }
  }

  // A process change list that does not fit the table held (a tick was missed,
  // or a reloaded page inherited a subscription): fetch the whole table once.
  let refetching = false;
  const refetchProcesses = () => {
    if (refetching) return;
    refetching = true;
    api
      .getSnapshot()
      .then((s) => {
        if (s && !stopped) store.getState().setProcesses(s);
      })
      .catch(() => {})
      .finally(() => (refetching = false));
  };
  const offSnapshot = api.onSnapshot((snapshot) => {
    if (!applySnapshot(snapshot)) refetchProcesses();
  });
  store.getState().setConnection(connection.get());
  const offConnection = connection.subscribe((state) => {
    store.getState().setConnection(state);
    if (state === 'open') void load();
  });
  if (connection.get() !== 'closed') void load();

  return () => {
    stopped = true;
    offSnapshot();
    offConnection();
  };
}
