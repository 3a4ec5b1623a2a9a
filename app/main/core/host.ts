import type { ApiError, HostInfo } from '../../shared';
import { terminalSafe } from '../../shared/terminal-text';
import { createMonitorApi, type ClientApi } from './api';
import { Collector, type CollectorRoots } from './collector';
import { startHeapTidy } from './heap-tidy';
import { attachAlerts, type HostAlerts } from './host-alerts';
import { CULPRIT_TABLE_MS } from '../../shared/limits';
import { Sampler } from './sampler';
import { openSettings, type SettingsStore } from './settings';
import { TopicRegistry } from './topics';
import { collectorUnavailable, unavailableApi } from './unavailable-host';
import { VERSION } from './version';

export interface HostOptions {
  roots?: CollectorRoots;
  intervalMs?: number;
  readOnly?: boolean;
  transport: HostInfo['transport'];
  /** Where the settings live; null or absent: in memory only. */
  settingsFile?: string | null;
}

export interface Host {
  sampler: Sampler;
  readOnly: boolean;
  /** A MonitorApi for one new client; dispose() it when the client goes. */
  connect(): ClientApi;
  stop(): void;
  /** Set when the native collector failed to load: the host still serves, and every operation rejects with this. */
  unavailable: ApiError | null;
  /** The host's settings (interval, tray behaviour, alert rules). */
  settings: SettingsStore;
  alerts: HostAlerts;
}

/** Wires collector → sampler → per-client api; what Electron's main and serve mode both start. */
export async function startHost(options: HostOptions): Promise<Host> {
  const roots = options.roots ?? {};
  const collector = new Collector(roots);
  const settings = await openSettings(options.settingsFile ?? null);
  const unavailable = collectorUnavailable();
  if (unavailable) {
    // A sampler that never starts: serve and Electron keep their shape, the page shows `unavailable`.
    const alerts: HostAlerts = { onAlert: () => () => {}, history: () => [] };
    return { sampler: new Sampler(collector), readOnly: options.readOnly ?? false, connect: () => unavailableApi(unavailable), stop: () => {}, unavailable, settings, alerts };
  }
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  // An explicit interval (serve --interval) is for this run; otherwise the saved one.
  // History names each point's top processes (culprits), so the table is read even when no page shows it,
  // every CULPRIT_TABLE_MS (every tick while a page shows processes). Only changed rows cross to JS (LiveTable).
  const sampler = new Sampler(collector, {
    intervalMs: options.intervalMs ?? settings.get().intervalMs,
    topics: () => topics.union(),
    backgroundTableMs: CULPRIT_TABLE_MS,
    sockets: () => topics.socketUnion(),
  });
  let savedInterval = settings.get().intervalMs;
  settings.onChange((s) => {
    // Only a change of the interval itself moves the sampler, so saving another setting keeps a --interval override.
    if (s.intervalMs !== savedInterval && s.intervalMs !== sampler.intervalMs) sampler.setIntervalMs(s.intervalMs);
    savedInterval = s.intervalMs;
  });
  // Before start and before any client: the first listener, so every later one sees the tick's alerts.
  const alerts = attachAlerts(sampler, settings, topics);
  const readOnly = options.readOnly ?? false;
  // The message can carry bytes of a captured tree or a process's name: escaped for the terminal.
  sampler.on('error', (err) => console.error(`procyon: sampling failed: ${terminalSafe(err instanceof Error ? err.message : String(err))}`));
  sampler.start();
  // The sampler's garbage is old-generation garbage; see heap-tidy.ts.
  const stopTidy = startHeapTidy();
  return {
    sampler,
    readOnly,
    connect: () => createMonitorApi(sampler, { version: VERSION, readOnly, transport: options.transport, facts, roots, topics, settings, alertHistory: alerts.history }),
    stop: () => {
      stopTidy();
      sampler.stop();
    },
    unavailable: null,
    settings,
    alerts,
  };
}
