import { useEffect, useMemo, useState } from 'react';
import type { ConnectionSample } from '../../../shared/payloads';
import { CONNECTION_KINDS } from '../../../shared/schemas';
import { useApi } from '../api/context';
import { useMonitor } from '../store/context';
import { filterConnections, NO_FILTER, statesOf, type ConnectionFilter } from '../data/connections';
import { toApiError } from '../../../shared/errors';

type Kind = (typeof CONNECTION_KINDS)[number];

const REFRESH_MS = 3000;
// Rendering thousands of rows would stall every tick; a filter finds the rest.
const MAX_ROWS = 500;

/** psutil.net_connections(kind), refreshed every few seconds while on screen, with client-side filters. */
export function ConnectionsTable({ paused }: { paused: boolean }) {
  const api = useApi();
  // The kinds the host has (Windows: no unix sockets), in the menu's order.
  const hostKinds = useMonitor((s) => s.info?.constants.connectionKinds);
  const kinds = useMemo(() => CONNECTION_KINDS.filter((k) => !hostKinds || hostKinds.includes(k)), [hostKinds]);
  const [kind, setKind] = useState<Kind>('inet');
  const [filter, setFilter] = useState<ConnectionFilter>(NO_FILTER);
  const [list, setList] = useState<ConnectionSample[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (paused) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      // No point asking while the tab is hidden; check again on the next round.
      if (!document.hidden) {
        try {
          const result = await api.getConnections({ kind });
          if (!live) return;
          setList(result);
          setError(null);
        } catch (e) {
          if (!live) return;
          const err = toApiError(e);
          setError(`${err.message} (${err.code})`);
        }
      }
      if (live) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, kind, paused]);

  const shown = useMemo(() => (list ? filterConnections(list, filter) : []), [list, filter]);
  const states = useMemo(() => (list ? statesOf(list) : []), [list]);
  const set = (patch: Partial<ConnectionFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="panel" aria-label="Connections">
      <div className="panel-head">
        <h3>Connections</h3>
        <span className="muted small" data-testid="connections-count">
          {list ? `${shown.length} of ${list.length}` : 'Loading…'}
        </span>
      </div>
      <div className="filters">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select value={filter.state} onChange={(e) => set({ state: e.target.value })}>
            <option value="">Any</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Port
          <input type="text" inputMode="numeric" value={filter.port} placeholder="any" size={6} onChange={(e) => set({ port: e.target.value })} />
        </label>
        <label>
          Process
          <input type="search" value={filter.process} placeholder="name or pid" size={14} onChange={(e) => set({ process: e.target.value })} />
        </label>
      </div>
      {error && (
        <div className="banner" role="alert">
          Couldn’t list connections: {error}
        </div>
      )}
      <div className="table-wrap tall">
        <table className="data-table" data-testid="connections-table">
          <thead>
            <tr>
              <th scope="col">Protocol</th>
              <th scope="col">Local</th>
              <th scope="col">Remote</th>
              <th scope="col">State</th>
              <th scope="col">PID</th>
              <th scope="col">Process</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((c, i) => (
              <tr key={`${c.proto} ${c.laddr} ${c.raddr} ${c.pid ?? ''} ${c.fd} ${i}`}>
                <td>{c.proto}</td>
                <td className="mono">{c.laddr || '—'}</td>
                <td className="mono">{c.raddr || '—'}</td>
                <td>{c.status === 'NONE' ? '' : c.status}</td>
                <td className="num">{c.pid ?? '—'}</td>
                <td>{c.processName ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > MAX_ROWS && <p className="muted small">Showing the first {MAX_ROWS}; narrow the filters to see the rest.</p>}
        {list && shown.length === 0 && <p className="muted small">No connections match.</p>}
      </div>
    </section>
  );
}
