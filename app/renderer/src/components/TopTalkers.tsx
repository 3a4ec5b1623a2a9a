import type { ProcessRow } from '../../../shared/payloads';
import { formatByteRate, formatBytes } from '../format';
import { useMonitor } from '../store/context';
import { NETWORK_LIMITS } from './ProcessDetails/NetworkTab';

const TOP = 10;
const rateOf = (r: ProcessRow): number => (r.net?.receiveRate ?? 0) + (r.net?.transmitRate ?? 0);
const rate = (v: number | null | undefined) => (v == null ? '—' : formatByteRate(v));

/** Pure: the processes moving the most TCP bytes now (ties: more bytes since watched, then the lower pid). */
export function topTalkers(rows: readonly ProcessRow[], n = TOP): ProcessRow[] {
  return rows
    .filter((r) => r.net && r.net.sockets > 0)
    .sort((a, b) => rateOf(b) - rateOf(a) || b.net!.receiveBytes + b.net!.transmitBytes - (a.net!.receiveBytes + a.net!.transmitBytes) || a.pid - b.pid)
    .slice(0, n);
}

/** The Network page's "top talkers": processes by current network rate, from the live table's network use, every tick. */
export function TopTalkers() {
  const processes = useMonitor((s) => s.processes);
  const rows = processes?.rows ?? [];
  const read = rows.some((r) => r.net !== undefined);
  const top = topTalkers(rows);
  return (
    <section className="panel" aria-label="Top talkers">
      <div className="panel-head">
        <h3>Top talkers</h3>
      </div>
      <p className="muted small">{NETWORK_LIMITS} Sockets of other users’ processes are not attributed without the privilege to read them.</p>
      {!processes ? (
        <p className="muted">Waiting for the first reading…</p>
      ) : !read ? (
        <p className="muted" data-testid="top-talkers-unavailable">
          Not reported: this host reads no network use per process (Linux only, on the running machine).
        </p>
      ) : top.length === 0 ? (
        <p className="muted">No process has a TCP socket.</p>
      ) : (
        <table className="data-table" aria-label="Top talkers" data-testid="top-talkers">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col" className="num">
                PID
              </th>
              <th scope="col" className="num">
                In
              </th>
              <th scope="col" className="num">
                Out
              </th>
              <th scope="col" className="num">
                Since watched
              </th>
              <th scope="col" className="num">
                Sockets
              </th>
            </tr>
          </thead>
          <tbody>
            {top.map((r) => (
              <tr key={`${r.pid}:${r.createTime}`}>
                <td>{r.name}</td>
                <td className="num">{r.pid}</td>
                <td className="num">{rate(r.net!.receiveRate)}</td>
                <td className="num">{rate(r.net!.transmitRate)}</td>
                <td className="num">{formatBytes(r.net!.receiveBytes + r.net!.transmitBytes)}</td>
                <td className="num">
                  {r.net!.sockets}
                  {r.net!.uncounted > 0 ? ` (+${r.net!.uncounted} UDP)` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
