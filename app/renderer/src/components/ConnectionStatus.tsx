import type { ConnectionState } from '../api/connection';
import { useMonitor } from '../store/context';

const LABELS: Record<ConnectionState, string> = {
  open: 'Live',
  connecting: 'Connecting…',
  closed: 'Disconnected',
  refused: 'Token refused',
};

export function ConnectionStatus() {
  const state = useMonitor((s) => s.connection);
  return (
    <span className={`connection connection-${state}`} role="status" title="Connection to the Procyon host">
      <span className="connection-dot" aria-hidden="true" />
      <span data-testid="connection-status">{LABELS[state]}</span>
    </span>
  );
}
