import type { ConnectionSample, ProcessRow } from '../../../shared/payloads';

/**
 * The search box's field filters: `user:root pid:123 name:ssh port:443 cmd:--debug`,
 * combinable (every field given must match; a field given twice matches either
 * value). Words without a field are the plain search. A value may be quoted
 * (`cmd:"a b"`); an unknown `key:` is plain text, so a search for "http://" still works.
 */
export const QUERY_FIELDS = ['user', 'pid', 'name', 'port', 'cmd'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface ProcessQuery {
  fields: Partial<Record<QueryField, string[]>>;
  /** The rest, for the plain search. */
  text: string;
}

const TOKEN = /(?:(\w+):)?(?:"([^"]*)"?|(\S+))/g;

export function parseQuery(input: string): ProcessQuery {
  const fields: ProcessQuery['fields'] = {};
  const text: string[] = [];
  for (const m of input.matchAll(TOKEN)) {
    const key = m[1]?.toLowerCase();
    const value = m[2] ?? m[3] ?? '';
    if (key && (QUERY_FIELDS as readonly string[]).includes(key)) {
      if (value !== '') (fields[key as QueryField] ??= []).push(value.toLowerCase());
    } else text.push(m[0]);
  }
  return { fields, text: text.join(' ') };
}

/** A valid TCP/UDP port number, or null. */
export function parsePort(value: string): number | null {
  return /^\d{1,5}$/.test(value) && Number(value) >= 0 && Number(value) <= 65535 ? Number(value) : null;
}

/** The ports a query asks about; the page fetches connections only when there are any. */
export function queryPorts(q: ProcessQuery): number[] {
  return (q.fields.port ?? []).flatMap((v) => {
    const p = parsePort(v);
    return p === null ? [] : [p];
  });
}

/** "1.2.3.4:443", "[::1]:443" → 443. */
function portOf(addr: string): number | null {
  const m = /:(\d+)$/.exec(addr);
  return m ? Number(m[1]) : null;
}

/** Pids with a socket whose local or remote port is one of `ports`. */
export function pidsOnPorts(connections: readonly ConnectionSample[], ports: readonly number[]): Set<number> {
  const wanted = new Set(ports);
  const pids = new Set<number>();
  for (const c of connections) {
    if (c.pid === null) continue;
    const l = portOf(c.laddr);
    const r = portOf(c.raddr);
    if ((l !== null && wanted.has(l)) || (r !== null && wanted.has(r))) pids.add(c.pid);
  }
  return pids;
}

/**
 * Whether `row` passes the query's fields. `portPids`: the processes with a
 * socket on the asked ports (null while not known: no row passes a port filter yet).
 */
export function matchesFields(row: ProcessRow, q: ProcessQuery, portPids: ReadonlySet<number> | null): boolean {
  const f = q.fields;
  if (f.user && !f.user.includes((row.username ?? '').toLowerCase())) return false;
  if (f.pid && !f.pid.includes(String(row.pid))) return false;
  if (f.name && !f.name.some((n) => row.name.toLowerCase().includes(n))) return false;
  if (f.cmd) {
    const cmd = row.cmdline.join(' ').toLowerCase();
    if (!f.cmd.some((c) => cmd.includes(c))) return false;
  }
  if (f.port && !portPids?.has(row.pid)) return false;
  return true;
}

export function hasFields(q: ProcessQuery): boolean {
  return Object.keys(q.fields).length > 0;
}

let lastInput: string | null = null;
let lastQuery: ProcessQuery = { fields: {}, text: '' };

/** parseQuery for the same string many times in a row (once per row per tick): parsed once. */
export function cachedQuery(input: string): ProcessQuery {
  if (input !== lastInput) {
    lastQuery = parseQuery(input);
    lastInput = input;
  }
  return lastQuery;
}
