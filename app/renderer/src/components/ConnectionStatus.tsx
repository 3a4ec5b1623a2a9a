import type { ConnectionState } from '../api/connection';
import { useMonitor } from '../store/context';
import './ConnectionStatus.css';

/** The connection, and on an open one whether the view is paused: one state, never "Paused" beside a green "Live". */
type Shown = ConnectionState | 'paused';

const LABELS: Record<Shown, string> = {
  open: 'Live',
  paused: 'Paused',
  connecting: 'Connecting…',
  closed: 'Disconnected',
  refused: 'Token refused',
};

const TITLES: Partial<Record<Shown, string>> = {
  paused: 'Connected; the view is paused (new readings are still recorded and appear on Resume)',
};

export function ConnectionStatus() {
  const state = useMonitor((s) => s.connection);
  const paused = useMonitor((s) => s.frozen !== null);
  const shown: Shown = state === 'open' && paused ? 'paused' : state;
  return (
    <span className={`connection connection-${shown}`} role="status" title={TITLES[shown] ?? 'Connection to the Procyon host'}>
      <span className="connection-dot" aria-hidden="true" />
      <span data-testid="connection-status">{LABELS[shown]}</span>
    </span>
  );
}
