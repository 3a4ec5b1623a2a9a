import { isCaptured } from '../data/host-can';
import { formatDuration, formatInterval } from '../format';
import { useMonitor } from '../store/context';
import { ConnectionStatus } from './ConnectionStatus';
import { ExportSnapshotButton } from './ExportSnapshotButton';
import { PauseButton } from './PauseButton';
import { RangeSwitch } from './RangeSwitch';
import { SettingsMenu } from './SettingsMenu';
import { ThemeToggle } from './ThemeToggle';
import './Header.css';

const PLATFORM_NAMES: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows', freebsd: 'FreeBSD' };

/**
 * The host's uptime, apart so that each tick re-renders this line alone, not
 * the header and its menus. Measured on the host's clock (the tick time), not
 * the browser's, so a remote machine with clock skew still shows its own uptime.
 */
function Uptime({ bootTime }: { bootTime: number }) {
  const now = useMonitor((s) => s.latest?.time);
  return <>{now === undefined ? '—' : formatDuration(now / 1000 - bootTime)}</>;
}

export function Header() {
  const info = useMonitor((s) => s.info);
  const interval = useMonitor((s) => s.latest?.intervalMs ?? s.info?.intervalMs);

  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path d="M12 1.5l2.6 7.9 7.9 2.6-7.9 2.6L12 22.5l-2.6-7.9L1.5 12l7.9-2.6z" fill="currentColor" />
        </svg>
        <h1>Procyon</h1>
        {info && <span className="hostname">{info.hostname}</span>}
      </div>
      {info && (
        <ul className="host-facts" aria-label="Host">
          <li>{PLATFORM_NAMES[info.platform] ?? info.platform}</li>
          <li>
            <span className="fact-label">Up</span> <Uptime bootTime={info.bootTime} />
          </li>
          <li>
            <span className="fact-label">Tick</span> {interval === undefined ? '—' : formatInterval(interval)}
          </li>
          {info.readOnly && <li className="fact-warn">Read-only</li>}
          {isCaptured(info) && (
            <li className="fact-warn" title="The host reads a captured /proc or /sys tree, not a live machine">
              Captured tree
            </li>
          )}
        </ul>
      )}
      <div className="header-actions">
        <RangeSwitch />
        <PauseButton />
        <ExportSnapshotButton />
        <SettingsMenu />
        <ConnectionStatus />
        <ThemeToggle />
      </div>
    </header>
  );
}
