import { useMonitor } from '../store/context';

/**
 * Says why the dashboard is empty or stale. With no data yet it takes the
 * whole page; with data it is a banner above the last values received.
 */
export function StatusMessage() {
  const connection = useMonitor((s) => s.connection);
  const error = useMonitor((s) => s.error);
  const hasInfo = useMonitor((s) => s.info !== null);
  const hasData = useMonitor((s) => s.latest !== null);

  if (!hasInfo) {
    if (connection === 'closed' || error) {
      return (
        <div className="status-page" role="alert">
          <h2>Can’t reach the Procyon host</h2>
          <p>{error ? `${error.message} (${error.code})` : 'The connection was closed.'}</p>
          <p className="muted">Retrying automatically. If this persists, check that the host is still running.</p>
        </div>
      );
    }
    return (
      <div className="status-page" role="status">
        <h2>Connecting to the host…</h2>
      </div>
    );
  }
  if (connection !== 'open') {
    return (
      <div className="banner" role="alert">
        {connection === 'closed' ? 'Disconnected from the host; retrying.' : 'Reconnecting to the host…'}{' '}
        {hasData ? 'Showing the last values received.' : ''}
      </div>
    );
  }
  if (error) {
    return (
      <div className="banner" role="alert">
        {error.message} ({error.code})
      </div>
    );
  }
  return null;
}
