import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { TALKER_PROCESSES } from '../../../shared/limits';
import type { ProcessRow, ProcessSockets, ProcessSocketSample } from '../../../shared/payloads';
import { formatByteRate, formatBytes } from '../format';
import { useMonitor } from '../store/context';
import { socketAddress as addr } from './ProcessDetails/ListTabs';
import { NETWORK_LIMITS } from './ProcessDetails/NetworkTab';
import './TopTalkers.css';

const rateOf = (r: ProcessRow): number => (r.net?.receiveRate ?? 0) + (r.net?.transmitRate ?? 0);
const rate = (v: number | null | undefined) => (v == null ? '—' : formatByteRate(v));
const keyOf = (r: { pid: number; createTime: number }) => `${r.pid}:${r.createTime}`;
const COLUMNS = 6;

/** What the kernel's socket dump cannot count or attribute (the details' words), and how to read the connections. */
export const TALKERS_HELP = `${NETWORK_LIMITS} Open a process to list its busiest connections; a connection’s bytes are its socket’s since it opened.`;

/** Pure: the processes moving the most TCP bytes now (ties: more bytes since watched, then the lower pid). */
export function topTalkers(rows: readonly ProcessRow[], n = TALKER_PROCESSES): ProcessRow[] {
  return rows
    .filter((r) => r.net && r.net.sockets > 0)
    .sort((a, b) => rateOf(b) - rateOf(a) || b.net!.receiveBytes + b.net!.transmitBytes - (a.net!.receiveBytes + a.net!.transmitBytes) || a.pid - b.pid)
    .slice(0, n);
}

function SocketRow({ s }: { s: ProcessSocketSample }) {
  return (
    <tr className="talker-socket" data-testid="talker-socket">
      <td colSpan={2}>
        <span className="mono">{addr(s.laddr)}</span>
        {s.raddr && (
          <>
            {' '}
            → <span className="mono">{addr(s.raddr)}</span>
          </>
        )}
      </td>
      {s.bytesReceived === null ? (
        <td colSpan={3} className="muted">
          {s.protocol.toUpperCase()}: not counted
        </td>
      ) : (
        <>
          <td className="num">{rate(s.receiveRate)}</td>
          <td className="num">{rate(s.transmitRate)}</td>
          <td className="num" title="Bytes received and sent on this socket since it opened">
            {formatBytes(s.bytesReceived)} in · {formatBytes(s.bytesSent ?? 0)} out
          </td>
        </>
      )}
      <td className="talker-state">{s.protocol === 'tcp' ? s.status : s.protocol.toUpperCase()}</td>
    </tr>
  );
}

/** The connections of one expanded process: its busiest sockets as the host sent them this tick, and how many more it holds. */
function Connections({ listed }: { listed: ProcessSockets | undefined }) {
  if (!listed) {
    return (
      <tr className="talker-socket">
        <td colSpan={COLUMNS} className="muted">
          Reading its connections…
        </td>
      </tr>
    );
  }
  if (listed.total === 0) {
    return (
      <tr className="talker-socket">
        <td colSpan={COLUMNS} className="muted">
          It holds no inet socket now.
        </td>
      </tr>
    );
  }
  const more = listed.total - listed.sockets.length;
  return (
    <>
      {listed.sockets.map((s) => (
        <SocketRow key={s.inode} s={s} />
      ))}
      {more > 0 && (
        <tr className="talker-socket">
          <td colSpan={COLUMNS} className="muted" data-testid="talker-more">
            and {more} more (the {listed.sockets.length} busiest shown)
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * The Network page's "top talkers": processes by current network rate, from
 * the live table's network use, every tick. Each row opens onto its
 * connections (Resource Monitor's TCP connections under the process): the
 * busiest first, their addresses, state, bytes and rates. The host reads and
 * sends the sockets of the opened rows only (the store's socketWatch travels
 * with the page's topics); the busiest process is opened the first time the
 * list appears.
 */
export function TopTalkers() {
  const processes = useMonitor((s) => s.processes);
  const listed = useMonitor((s) => s.talkerSockets);
  const others = useMonitor((s) => s.netOtherUsers);
  const setSocketWatch = useMonitor((s) => s.setSocketWatch);
  const rows = processes?.rows ?? [];
  const read = rows.some((r) => r.net !== undefined);
  const top = useMemo(() => topTalkers(processes?.rows ?? []), [processes]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const opened = useRef(false);

  useEffect(() => {
    if (opened.current || top.length === 0) return;
    opened.current = true;
    setOpen(new Set([keyOf(top[0]!)]));
  }, [top]);

  // What is on screen: the opened rows that are still listed.
  const watch = useMemo(() => top.filter((r) => open.has(keyOf(r))).map(({ pid, createTime }) => ({ pid, createTime })), [top, open]);
  useEffect(() => setSocketWatch(watch), [watch, setSocketWatch]);
  useEffect(() => () => setSocketWatch([]), [setSocketWatch]);

  const toggle = (key: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="panel" aria-label="Top talkers">
      <div className="panel-head">
        <h3>Top talkers</h3>
      </div>
      <p className="muted small" data-testid="top-talkers-help">
        {TALKERS_HELP}
      </p>
      {!processes ? (
        <p className="muted">Waiting for the first reading…</p>
      ) : !read ? (
        <p className="muted" data-testid="top-talkers-unavailable">
          Not reported: this host reads no network use per process (Linux only, on the running machine).
        </p>
      ) : top.length === 0 ? (
        <p className="muted">No process has a TCP socket.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table top-talkers" aria-label="Top talkers" data-testid="top-talkers">
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
                <th scope="col">Sockets</th>
              </tr>
            </thead>
            <tbody>
              {top.map((r) => {
                const key = keyOf(r);
                const isOpen = open.has(key);
                return (
                  <Fragment key={key}>
                    <tr className="talker" data-testid="talker" data-pid={r.pid}>
                      <td>
                        <button
                          type="button"
                          className="talker-toggle"
                          aria-expanded={isOpen}
                          aria-label={`${isOpen ? 'Hide' : 'Show'} the connections of ${r.name} (${r.pid})`}
                          onClick={() => toggle(key)}
                        >
                          <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                        </button>
                        {r.name}
                      </td>
                      <td className="num">{r.pid}</td>
                      <td className="num">{rate(r.net!.receiveRate)}</td>
                      <td className="num">{rate(r.net!.transmitRate)}</td>
                      <td className="num">{formatBytes(r.net!.receiveBytes + r.net!.transmitBytes)}</td>
                      <td>
                        {r.net!.sockets} TCP
                        {r.net!.uncounted > 0 ? `, ${r.net!.uncounted} UDP` : ''}
                      </td>
                    </tr>
                    {isOpen && <Connections listed={listed.find((p) => p.pid === r.pid && p.createTime === r.createTime)} />}
                  </Fragment>
                );
              })}
              {others && others.sockets + others.uncounted > 0 && (
                <tr className="talker talker-others" data-testid="talker-others" title="Sockets no process this host can read holds: other users’ processes, summed">
                  <td colSpan={2}>
                    <span className="talker-toggle" aria-hidden="true" />
                    <em>Other users’ processes</em>
                  </td>
                  <td className="num">{rate(others.receiveRate)}</td>
                  <td className="num">{rate(others.transmitRate)}</td>
                  <td className="num">{formatBytes(others.receiveBytes + others.transmitBytes)}</td>
                  <td>
                    {others.sockets} TCP
                    {others.uncounted > 0 ? `, ${others.uncounted} UDP` : ''}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
