import { useMemo } from 'react';
import type { ProcessRow, ProcessSocketSample } from '../../../../shared/payloads';
import { rateScale } from '../../charts/scales';
import { TimeSeriesChart, type SeriesSpec } from '../../charts/TimeSeriesChart';
import { formatByteRate, formatBytes } from '../../format';
import { rangeSeconds, type RangeId } from '../../settings/range';
import { useMonitor } from '../../store/context';
import type { ProcessPoint } from '../../store/process-ring';
import { useColumnTopic } from '../../store/useColumnTopic';
import { socketAddress as addr } from './ListTabs';
import { isUnreadable, Missing } from './values';

/** What the kernel's socket dump cannot show, said once where the figures are. */
export const NETWORK_LIMITS =
  'TCP only: UDP sockets (and so QUIC) carry no byte counters and are listed as not counted. Bytes of a socket opened and closed between two ticks are lost. Without the privilege to read another user’s processes, their sockets are summed as “other users’ processes”, not attributed to one.';

const NET_SERIES: SeriesSpec[] = [
  { key: 'rx', name: 'Receive', color: 'var(--net)' },
  { key: 'tx', name: 'Send', color: 'var(--net-send)', line: true },
];

const rate = (v: number | null) => (v === null ? '—' : formatByteRate(v));

interface Props {
  d: Record<string, unknown>;
  row: ProcessRow | undefined;
  /** The details' ring of this process's ticks since the panel opened (ProcessDetails, store/process-ring.ts). */
  points: ProcessPoint[];
  /** The pages' range: the chart spans it. */
  range: RangeId;
  now: number;
}

/**
 * The process's network use: its TCP traffic from the live table (received and
 * sent since watched, rates over the last tick), a chart of those rates, and
 * each of its inet sockets with its own bytes and rates (refreshed with the
 * details). While the tab is open the host reads the table's network use (the
 * processNet topic).
 */
export function NetworkTab({ d, row, points, range, now }: Props) {
  useColumnTopic('processNet');
  const unit = useMonitor((s) => s.settings.rateUnit);
  const scale = useMemo(() => rateScale(unit), [unit]);
  // The chart's points are the details' ring (appendRing): one per tick since the panel opened, each carrying
  // the row's receive and send rates when that tick's table read network use, which it does while this tab is
  // open (the topic above) or a network column is shown. Ticks without it are gaps; the host keeps no network
  // history of a process, so nothing older than the panel is drawn.
  const read = useMemo(() => points.filter((p) => p.rx !== undefined), [points]);
  const peak = useMemo(() => read.reduce((m, p) => Math.max(m, p.rx ?? 0, p.tx ?? 0), 0), [read]);

  const sockets = d.net;
  const list = !isUnreadable(sockets) && Array.isArray(sockets) ? (sockets as ProcessSocketSample[]) : [];
  const net = row?.net;
  return (
    <div className="network-tab" data-testid="network-tab">
      <p className="muted small" data-testid="network-tab-help">
        {NETWORK_LIMITS}
      </p>
      {net === undefined ? (
        <p className="muted">Reading its network use…</p>
      ) : net === null ? (
        <p className="muted" data-testid="network-tab-none">
          This process holds no TCP or UDP socket.
        </p>
      ) : (
        <dl className="facts">
          <dt>Receiving</dt>
          <dd data-testid="network-tab-rx">{rate(net.receiveRate)}</dd>
          <dt>Sending</dt>
          <dd data-testid="network-tab-tx">{rate(net.transmitRate)}</dd>
          <dt>Since watched</dt>
          <dd>
            {formatBytes(net.receiveBytes)} in, {formatBytes(net.transmitBytes)} out
          </dd>
          <dt>Sockets</dt>
          <dd>
            {net.sockets} TCP counted{net.uncounted > 0 ? `, ${net.uncounted} UDP not counted` : ''}
          </dd>
        </dl>
      )}
      <section aria-label="Network history" className="network-history">
        <h4>
          Receive and send <span className="muted small">(from when this panel opened)</span>
        </h4>
        <div data-testid="details-net-chart" data-points={read.length} data-peak={Math.round(peak)}>
          <TimeSeriesChart data={points} series={NET_SERIES} end={points[points.length - 1]?.t ?? now} height={120} spanMs={rangeSeconds(range) * 1000} scale={scale} legend />
        </div>
      </section>
      {isUnreadable(sockets) && <Missing value={sockets} />}
      {list.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" aria-label="Sockets">
            <thead>
              <tr>
                <th scope="col">Protocol</th>
                <th scope="col">Local</th>
                <th scope="col">Remote</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Received
                </th>
                <th scope="col" className="num">
                  Sent
                </th>
                <th scope="col" className="num">
                  In
                </th>
                <th scope="col" className="num">
                  Out
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.inode}>
                  <td>{s.protocol.toUpperCase()}</td>
                  <td className="mono">{addr(s.laddr)}</td>
                  <td className="mono">{addr(s.raddr)}</td>
                  <td>{s.status}</td>
                  {s.bytesReceived === null ? (
                    <td colSpan={4} className="muted">
                      not counted
                    </td>
                  ) : (
                    <>
                      <td className="num">{formatBytes(s.bytesReceived)}</td>
                      <td className="num">{formatBytes(s.bytesSent ?? 0)}</td>
                      <td className="num">{rate(s.receiveRate)}</td>
                      <td className="num">{rate(s.transmitRate)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
