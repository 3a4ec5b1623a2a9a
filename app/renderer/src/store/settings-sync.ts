import { saveSettings } from '../settings/settings';
import type { MonitorStore } from './monitor';

/**
 * Persists this browser's settings (units, range, chart modes) on every
 * change. The tick length is not among them any more: the host saves it in
 * its own settings file, so an interval an older version left in
 * localStorage is read but never sent back to the host.
 */
export function startSettingsSync(store: MonitorStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.settings !== prev.settings) saveSettings(s.settings);
  });
}
