import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/context';
import { parseQuery, pidsOnPorts, queryPorts } from './query';

/** How often the sockets are re-read while a port: filter is in the search box. */
const REFRESH_MS = 2000;

/**
 * For a `port:` filter: the pids with a socket on the asked ports, re-read every
 * few seconds; null while not yet known. Connections are fetched only while
 * the search names a port: every other search costs the host nothing.
 */
export function usePortPids(search: string): ReadonlySet<number> | null {
  const api = useApi();
  const key = useMemo(() => queryPorts(parseQuery(search)).join(','), [search]);
  const [found, setFound] = useState<{ key: string; pids: ReadonlySet<number> } | null>(null);
  useEffect(() => {
    if (!key) return;
    const ports = key.split(',').map(Number);
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const list = await api.getConnections({ kind: 'inet' });
        if (live) setFound({ key, pids: pidsOnPorts(list, ports) });
      } catch {
        // Refused or failed: no process is shown as on the port (an empty set, not "loading" forever).
        if (live) setFound({ key, pids: new Set() });
      }
      if (live) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, key]);
  return key && found?.key === key ? found.pids : null;
}
