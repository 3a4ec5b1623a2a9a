import { useMemo } from 'react';
import type { NicAddressSample, NicSample } from '../../../shared/payloads';
import { COUNT_RATE_SCALE, rateScale } from '../charts/scales';
import { buildSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { ChartCard } from '../components/ChartCard';
import { ConnectionsTable } from '../components/ConnectionsTable';
import { EmptyState } from '../components/EmptyState';
import { MetricCards } from '../components/MetricCards';
import { PageHeader } from '../components/PageHeader';
import { TopTalkers } from '../components/TopTalkers';
import { prefixLength, sortedNics } from '../data/devices';
import { hostLacks } from '../data/host-can';
import { formatBytes, formatCount, formatCountRate, formatLinkSpeed, formatRate } from '../format';
import { useMonitor } from '../store/context';
import { pageTopics } from '../routes/pages';
import { useSystemInfo } from '../store/system-info';
import { useView, type View } from '../store/view';
import './NetworkPage.css';

const THROUGHPUT: SeriesSpec[] = [
  { key: 'rx', name: 'Receive', color: 'var(--net)' },
  { key: 'tx', name: 'Send', color: 'var(--net-send)', line: true },
];
const PACKETS: SeriesSpec[] = [
  { key: 'rx', name: 'Received', color: 'var(--net)' },
  { key: 'tx', name: 'Sent', color: 'var(--net-send)', line: true },
];

// psutil's NIC_DUPLEX_* constants.
const DUPLEX: Record<number, string> = { 0: 'unknown', 1: 'half', 2: 'full' };
// psutil's AF_INET, AF_INET6 and AF_PACKET (psutil.AF_LINK on Linux).
const FAMILY: Record<number, string> = { 2: 'IPv4', 10: 'IPv6', 17: 'MAC' };

function Addresses({ list }: { list: NicAddressSample[] | undefined }) {
  if (!list) return <span className="muted">…</span>;
  if (list.length === 0) return <span className="muted">none</span>;
  const order = (a: NicAddressSample) => [2, 10, 17].indexOf(a.family);
  return (
    <ul className="addresses">
      {[...list]
        .sort((a, b) => order(a) - order(b))
        .map((a) => (
          <li key={`${a.family} ${a.address}`}>
            <span className="fact-label">{FAMILY[a.family] ?? `family ${a.family}`}</span>{' '}
            <span className="mono">
              {a.address}
              {a.netmask && a.family !== 17 && prefixLength(a.netmask) !== null && <span className="muted">/{prefixLength(a.netmask)}</span>}
            </span>
          </li>
        ))}
    </ul>
  );
}

/** Interfaces that have never carried a byte (unused ifb, dummy, down tunnels): one line each, not two flat charts. */
function UnusedInterfaces({ nics, addresses }: { nics: NicSample[]; addresses: Record<string, NicAddressSample[]> | undefined }) {
  return (
    <section className="panel" aria-label="Unused interfaces">
      <div className="panel-head">
        <h3>Unused interfaces</h3>
        <span className="muted small">No traffic since boot</span>
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Interface</th>
              <th scope="col">State</th>
              <th scope="col">MTU</th>
              <th scope="col">Addresses</th>
            </tr>
          </thead>
          <tbody>
            {nics.map((n) => (
              <tr key={n.name}>
                <td>{n.name}</td>
                <td>{n.stats ? (n.stats.isup ? 'up' : 'down') : '—'}</td>
                <td className="num">{n.stats?.mtu ?? '—'}</td>
                <td>
                  <Addresses list={addresses ? (addresses[n.name] ?? []) : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NicCard({ nic, view, addresses }: { nic: NicSample; view: View; addresses: NicAddressSample[] | undefined }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const throughput = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const n = s.network?.find((x) => x.name === nic.name);
        return n ? { rx: n.bytesRecvPerSec, tx: n.bytesSentPerSec } : null;
      }),
    [view.history, nic.name],
  );
  const packets = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const n = s.network?.find((x) => x.name === nic.name);
        return n ? { rx: n.packetsRecvPerSec, tx: n.packetsSentPerSec } : null;
      }),
    [view.history, nic.name],
  );
  const scale = useMemo(() => rateScale(unit), [unit]);
  const st = nic.stats;
  return (
    <section className="panel" aria-label={`Interface ${nic.name}`}>
      <div className="panel-head">
        <h3>
          {nic.name}{' '}
          {st && <span className={st.isup ? 'pill pill-ok' : 'pill pill-bad'}>{st.isup ? 'up' : 'down'}</span>}
        </h3>
        <span className="muted small">
          {formatBytes(nic.bytesRecv)} received · {formatBytes(nic.bytesSent)} sent since boot
        </span>
      </div>
      <div className="nic-body">
        <dl className="facts">
          <dt>Speed</dt>
          <dd>{st ? formatLinkSpeed(st.speed) : '—'}</dd>
          <dt>Duplex</dt>
          <dd>{st ? (DUPLEX[st.duplex] ?? 'unknown') : '—'}</dd>
          <dt>MTU</dt>
          <dd>{st ? st.mtu : '—'}</dd>
          <dt>Errors in / out</dt>
          <dd className={nic.errin + nic.errout > 0 ? 'warn' : ''}>
            {formatCount(nic.errin)} / {formatCount(nic.errout)}
          </dd>
          <dt>Drops in / out</dt>
          <dd className={nic.dropin + nic.dropout > 0 ? 'warn' : ''}>
            {formatCount(nic.dropin)} / {formatCount(nic.dropout)}
          </dd>
          <dt>Addresses</dt>
          <dd>
            <Addresses list={addresses} />
          </dd>
        </dl>
        <>
            <ChartCard
              title={`${nic.name} throughput`}
              summary={`↓ ${formatRate(nic.bytesRecvPerSec, unit)} · ↑ ${formatRate(nic.bytesSentPerSec, unit)}`}
              data={throughput}
              series={THROUGHPUT}
              view={view}
              scale={scale}
              csvUnit="bytes/s"
              testId={`nic-throughput-${nic.name}`}
            />
            <ChartCard
              title={`${nic.name} packets`}
              summary={`↓ ${formatCountRate(nic.packetsRecvPerSec)} · ↑ ${formatCountRate(nic.packetsSentPerSec)}`}
              data={packets}
              series={PACKETS}
              view={view}
              scale={COUNT_RATE_SCALE}
              csvUnit="packets/s"
            />
        </>
      </div>
    </section>
  );
}

export function NetworkPage() {
  const view = useView();
  const system = useSystemInfo();
  const paused = useMonitor((s) => s.frozen !== null);
  const info = useMonitor((s) => s.info);
  const nics = view.latest?.network;
  const sorted = useMemo(() => sortedNics(nics ?? []), [nics]);
  const used = sorted.filter((n) => n.bytesRecv + n.bytesSent > 0);
  const unused = sorted.filter((n) => n.bytesRecv + n.bytesSent === 0);
  return (
    <>
      <PageHeader title="Network" topics={pageTopics('network')}>
        Interfaces and sockets
      </PageHeader>
      {!nics ? (
        <p className="muted">Waiting for the first reading…</p>
      ) : sorted.length === 0 ? (
        <EmptyState title="No network interfaces" />
      ) : (
        <>
          {used.map((n) => (
            <NicCard key={n.name} nic={n} view={view} addresses={system ? (system.addresses[n.name] ?? []) : undefined} />
          ))}
          {unused.length > 0 && <UnusedInterfaces nics={unused} addresses={system?.addresses} />}
        </>
      )}
      <MetricCards page="network" view={view} grid />
      <TopTalkers />
      {hostLacks(info, 'netConnections') ? (
        <section className="panel" aria-label="Connections">
          <div className="panel-head">
            <h3>Connections</h3>
          </div>
          <p className="muted" data-testid="connections-not-reported">
            Not reported: the host’s platform has no connection list in Procyon yet.
          </p>
        </section>
      ) : (
        <ConnectionsTable paused={paused} />
      )}
    </>
  );
}
