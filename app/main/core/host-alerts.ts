import { ALERT_HISTORY_LIMIT, type AlertEvent, type Snapshot } from '../../shared';
import { AlertEngine, topicsForRules } from './alerts';
import { RingBuffer } from './ring-buffer';
import type { SettingsStore } from './settings';
import type { TopicRegistry } from './topics';

export interface HostAlerts {
  /** Called with every firing and resolved event as it happens (Electron turns them into notifications). */
  onAlert(listener: (event: AlertEvent) => void): () => void;
  /** The last ALERT_HISTORY_LIMIT events, oldest first. */
  history(): AlertEvent[];
}

/**
 * Runs the alert engine on every tick. Call before anything else listens to
 * the sampler: listeners run in the order they were added, so every later
 * one (the live feed, the exporter) sees the tick's `alerts`.
 */
export function attachAlerts(sampler: { on(event: 'snapshot', listener: (s: Snapshot) => void): unknown }, settings: SettingsStore, topics: TopicRegistry): HostAlerts & { dispose(): void } {
  const engine = new AlertEngine();
  const history = new RingBuffer<AlertEvent>(ALERT_HISTORY_LIMIT);
  const listeners = new Set<(e: AlertEvent) => void>();
  // The engine is a client like a window: what its rules watch gets sampled even when no page shows it.
  const client = topics.register();
  const syncTopics = () => topics.set(client, topicsForRules(settings.get().alertRules));
  syncTopics();
  const offSettings = settings.onChange(syncTopics);

  sampler.on('snapshot', (snapshot) => {
    const events = engine.evaluate(settings.get().alertRules, snapshot, snapshot.time);
    if (events.length === 0) return;
    snapshot.alerts = events;
    for (const e of events) {
      history.push(e);
      for (const l of [...listeners]) {
        try {
          l(e);
        } catch (err) {
          // A failing notifier must not cost the other listeners or the tick.
          console.error('procyon: alert listener failed:', err instanceof Error ? err.message : err);
        }
      }
    }
  });

  return {
    onAlert(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    history: () => history.toArray(),
    dispose() {
      offSettings();
      topics.release(client);
    },
  };
}
