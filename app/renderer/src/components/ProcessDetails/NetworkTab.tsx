import type { ProcessRow, ProcessSocketSample } from '../../../../shared/payloads';
import { formatByteRate, formatBytes } from '../../format';
import { useColumnTopic } from '../../store/useColumnTopic';
import { socketAddress as addr } from './ListTabs';
import { isUnreadable, Missing } from './values';

/** What the kernel's socket dump cannot show, said once where the figures are. */
export const NETWORK_LIMITS =
  'TCP only: UDP sockets (and so QUIC) carry no byte counters and are listed as not counted. Bytes of a socket opened and closed between two ticks are not seen.';

const rate = (v: number | null) => (v === null ? '—' : formatByteRate(v));

/**
 * The process's network use: its TCP traffic from the live table (received and
 * sent since watched, rates over the last tick) and each of its inet sockets
 * with its own bytes and rates (refreshed with the details). While the tab is
 * open the host reads the table's network use (the processNet topic).
 */
export function NetworkTab({ d, row }: { d: Record<string, unknown>; row: ProcessRow | undefined }) {
  useColumnTopic('processNet');

  const sockets = d.net;
  if (isUnreadable(sockets)) return <Missing value={sockets} />;
  const list = Array.isArray(sockets) ? (sockets as ProcessSocketSample[]) : [];
  const net = row?.net;
  return (
    <div className="network-tab" data-testid="network-tab">
      <p className="muted small">{NETWORK_LIMITS}</p>
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
      {list.length > 0 && (
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
      )}
    </div>
  );
}
