import type { WinService } from '@procyon/collector';
import type { MetricName } from './metrics-catalogue';
import type { Series } from './metrics-families';

// windows_exporter's service collector (its API mode, docs/collector.service.md:
// windows_service_info, _state, _start_mode, their labels and label values),
// so its Grafana dashboards read Procyon's /metrics on Windows. The families are
// declared in the catalogue (Windows only); the exporter asks winServiceIter only
// where the collector has it.

type ServiceFamilyName = Extract<MetricName, `windows_service_${string}`>;

/** windows_exporter's state label values, each psutil status's spelling with a space. */
const STATES = ['stopped', 'start pending', 'stop pending', 'running', 'continue pending', 'pause pending', 'paused', 'unknown'] as const;
/** windows_exporter's start modes; psutil's "automatic" is its "auto". boot and system belong to drivers, which the list never holds. */
const START_MODES = ['boot', 'system', 'auto', 'manual', 'disabled'] as const;
const START_MODE_OF: Record<string, (typeof START_MODES)[number]> = { automatic: 'auto', manual: 'manual', disabled: 'disabled' };

/** One tick's service families: every state and start mode per service, 1 for its own and 0 for the others, as windows_exporter publishes them. */
export function serviceFamilies(services: readonly WinService[]): Record<ServiceFamilyName, Series[]> {
  const info: Series[] = [];
  const state: Series[] = [];
  const startMode: Series[] = [];
  for (const s of services) {
    // windows_exporter lowercases the name label (service names are case-insensitive).
    const name = s.name.toLowerCase();
    info.push({ labels: { name, display_name: s.displayName, process_id: String(s.pid ?? 0), run_as: s.username ?? '' }, value: 1 });
    const current = s.status.replaceAll('_', ' ');
    for (const st of STATES) state.push({ labels: { name, state: st }, value: st === current ? 1 : 0 });
    // A configuration the service manager hid (startType null) has no start mode to tell.
    if (s.startType === null) continue;
    const mode = START_MODE_OF[s.startType];
    for (const m of START_MODES) startMode.push({ labels: { name, start_mode: m }, value: m === mode ? 1 : 0 });
  }
  return { windows_service_info: info, windows_service_state: state, windows_service_start_mode: startMode };
}
