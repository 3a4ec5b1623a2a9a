import type { MonitorApi } from '../../../shared/api';
import { saveSettings } from '../settings/settings';
import type { MonitorStore } from './monitor';

/**
 * Persists settings on every change, and re-applies the saved tick length
 * once the host is known (it is the host's setting, so it is only asked for,
 * never assumed; a read-only host keeps its own).
 */
export function startSettingsSync(api: MonitorApi, store: MonitorStore): () => void {
  let applied = false;
  const applyInterval = () => {
    const { info, settings } = store.getState();
    if (applied || !info) return;
    applied = true;
    if (info.readOnly || settings.intervalMs === null || settings.intervalMs === info.intervalMs) return;
    api.setInterval({ ms: settings.intervalMs }).catch(() => undefined);
  };
  applyInterval();
  return store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) saveSettings(s.settings);
    if (s.info !== prev.info) applyInterval();
  });
}
