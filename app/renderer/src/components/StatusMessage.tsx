import { openedWithOldLink } from '../api';
import { useMonitor } from '../store/context';

/** The host does not accept this page's token: retrying cannot help, the person has to open the right URL. */
function TokenRefused() {
  return (
    <div className="status-page" role="alert" data-testid="token-refused">
      <h2>The Procyon host refused this page’s token</h2>
      <p>
        Open the URL that <code>procyon serve</code> printed when it started: it ends in <code>#token=…</code>.
      </p>
      {openedWithOldLink() ? (
        <p>This link carries the token as <code>?token=</code>, which Procyon no longer accepts: links now carry it after <code>#</code>.</p>
      ) : (
        <p className="muted">
          The host keeps its token across restarts in <code>token</code> beside its settings file; it changes when the host is started with <code>--new-token</code>, with another
          <code> PROCYON_TOKEN</code>, or with <code>--no-settings</code> (a new one at every start).
        </p>
      )}
    </div>
  );
}

/**
 * Says why the dashboard is empty or stale. With no data yet it takes the
 * whole page; with data it is a banner above the last values received.
 */
export function StatusMessage() {
  const connection = useMonitor((s) => s.connection);
  const error = useMonitor((s) => s.error);
  const hasInfo = useMonitor((s) => s.info !== null);
  const hasData = useMonitor((s) => s.latest !== null);

  if (connection === 'refused') return <TokenRefused />;
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
