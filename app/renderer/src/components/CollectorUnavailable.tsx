import { useMonitor } from '../store/context';

/** The host answered but cannot collect anything: its native addon failed to load. */
export const COLLECTOR_UNAVAILABLE = 'ADDON_UNAVAILABLE';

/**
 * Takes the whole window in place of the dashboard, which would only ever be
 * empty: says what failed, in the loader's own words, and what to do.
 */
export function CollectorUnavailable({ message }: { message: string }) {
  return (
    <div className="app">
      <main>
        <div className="status-page" role="alert" data-testid="collector-unavailable">
          <h2>Procyon’s collector could not start</h2>
          <p>The host is running, but its native collector failed to load, so there is nothing to show.</p>
          <p>
            <code style={{ display: 'block', margin: '12px 0', textAlign: 'left', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message}</code>
          </p>
          <p className="muted">
            Rebuild it for this machine with <code>npm run build:native</code> (or reinstall Procyon), then restart the host.
          </p>
        </div>
      </main>
    </div>
  );
}

/** The load failure when the host reported one, else null. */
export function useCollectorUnavailable(): string | null {
  return useMonitor((s) => (s.error?.code === COLLECTOR_UNAVAILABLE ? s.error.message : null));
}
