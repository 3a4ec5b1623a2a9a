import { EmptyState } from '../components/EmptyState';
import { isCaptured } from '../data/host-can';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime, formatDuration } from '../format';
import { useMonitor } from '../store/context';
import { selectLatest } from '../store/monitor';
import { useSystemInfo } from '../store/system-info';
import './SystemPage.css';

export function SystemPage() {
  const system = useSystemInfo();
  const info = useMonitor((s) => s.info);
  // Uptime on the host's clock (the tick time), so a remote host with clock skew still shows its own.
  const now = useMonitor((s) => selectLatest(s)?.time);
  const bootTime = system?.bootTime ?? info?.bootTime;

  return (
    <>
      <PageHeader title="System">The machine, its operating system and who is logged in</PageHeader>
      <section className="panel" aria-label="Host">
        <dl className="facts facts-wide">
          <dt>Hostname</dt>
          <dd data-testid="system-hostname">{system?.hostname ?? info?.hostname ?? '…'}</dd>
          <dt>Operating system</dt>
          <dd data-testid="system-os">{system?.osName ?? '…'}</dd>
          <dt>Kernel</dt>
          <dd data-testid="system-kernel">{system ? `${system.kernel} (${system.arch})` : '…'}</dd>
          <dt>CPU</dt>
          <dd>
            {system?.cpuModel ?? '…'}
            {info && (
              <span className="muted">
                {' '}
                · {info.cpuCountPhysical ?? '?'} physical, {info.cpuCountLogical} logical cores
              </span>
            )}
          </dd>
          <dt>Booted</dt>
          <dd>{bootTime ? formatDateTime(bootTime) : '…'}</dd>
          <dt>Uptime</dt>
          <dd data-testid="system-uptime">{bootTime && now ? formatDuration(now / 1000 - bootTime) : '…'}</dd>
          <dt>Procyon</dt>
          <dd>
            {info ? `${info.version} via ${info.transport}` : '…'}
            {info?.readOnly && <span className="pill pill-warn">read-only</span>}
            {isCaptured(info) && (
              <span className="pill pill-warn" title="Hostname, operating system, kernel and CPU model are the host’s; the rest is the tree’s">
                reading a captured tree
              </span>
            )}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-label="Users">
        <div className="panel-head">
          <h3>Logged-in users</h3>
        </div>
        {!system ? (
          <p className="muted">Loading…</p>
        ) : isCaptured(info) ? (
          <EmptyState title="Not read for a captured tree" testId="users-captured">
            Logged-in users come from this machine’s utmp, not from the tree, so they are left out.
          </EmptyState>
        ) : system.users.length === 0 ? (
          <EmptyState title="Nobody is logged in">No sessions in utmp: services and remote shells without a terminal do not count.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Terminal</th>
                  <th scope="col">From</th>
                  <th scope="col">Since</th>
                  <th scope="col">PID</th>
                </tr>
              </thead>
              <tbody>
                {system.users.map((u) => (
                  <tr key={`${u.name} ${u.terminal ?? ''} ${u.pid ?? ''} ${u.started}`}>
                    <td>{u.name}</td>
                    <td>{u.terminal ?? '—'}</td>
                    <td>{u.host || 'local'}</td>
                    <td>{formatDateTime(u.started)}</td>
                    <td className="num">{u.pid ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
