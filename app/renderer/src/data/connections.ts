import type { ConnectionSample } from '../../../shared/payloads';

export interface ConnectionFilter {
  /** A psutil CONN_* status, or '' for any. */
  state: string;
  /** Matches the local or the remote port exactly; '' for any. */
  port: string;
  /** Case-insensitive part of the process name, or an exact pid; '' for any. */
  process: string;
}

export const NO_FILTER: ConnectionFilter = { state: '', port: '', process: '' };

/** The port of "1.2.3.4:80" or "[::1]:443"; null for unix sockets and empty addresses. */
export function portOf(addr: string): string | null {
  const m = /:(\d+)$/.exec(addr);
  return m ? m[1]! : null;
}

export function filterConnections(list: readonly ConnectionSample[], f: ConnectionFilter): ConnectionSample[] {
  const port = f.port.trim();
  const proc = f.process.trim().toLowerCase();
  return list.filter((c) => {
    if (f.state && c.status !== f.state) return false;
    if (port && portOf(c.laddr) !== port && portOf(c.raddr) !== port) return false;
    if (proc && !(c.processName?.toLowerCase().includes(proc) || String(c.pid ?? '') === proc)) return false;
    return true;
  });
}

/** The states present, for the state filter's options, in a stable order. */
export function statesOf(list: readonly ConnectionSample[]): string[] {
  return [...new Set(list.map((c) => c.status))].sort();
}
