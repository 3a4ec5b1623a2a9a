import * as native from '@procyon/collector';
import type { NetConnection } from '@procyon/collector';
import type { ConnectionSample, GetConnectionsRequest } from '../../shared';
import type { CollectorRoots } from './collector';

// The host platform's numbers (Windows' AF_INET6 is 23, Linux's 10), as its collector describes them.
const { AF_UNIX, AF_INET6, SOCK_DGRAM } = native;

export function formatAddr(addr: NetConnection['laddr'], family: number): string {
  if (addr === null) return '';
  if (typeof addr === 'string') return addr;
  return family === AF_INET6 ? `[${addr.ip}]:${addr.port}` : `${addr.ip}:${addr.port}`;
}

export function protoOf(c: Pick<NetConnection, 'family' | 'type'>): string {
  if (c.family === AF_UNIX) return 'unix';
  return `${c.type === SOCK_DGRAM ? 'udp' : 'tcp'}${c.family === AF_INET6 ? '6' : ''}`;
}

/** psutil.net_connections(kind), each with its process's name, from one process-table read. */
export async function connections(roots: CollectorRoots, request: GetConnectionsRequest): Promise<ConnectionSample[]> {
  const list = await native.netConnections({ ...roots, kind: request.kind });
  // Through the collector's reader, never a bare readFile: a name file in a
  // captured tree may be a FIFO, which would block a pool thread for good.
  const names = new Map<number, string | null>();
  if (list.some((c) => c.pid !== null)) {
    for (const row of (await native.processTable({ ...roots, fields: ['name'] })).rows) names.set(row.pid, row.name ?? null);
  }
  return list.map((c) => ({
    fd: c.fd,
    proto: protoOf(c),
    family: c.family,
    type: c.type,
    laddr: formatAddr(c.laddr, c.family),
    raddr: formatAddr(c.raddr, c.family),
    status: c.status,
    pid: c.pid,
    processName: c.pid === null ? null : (names.get(c.pid) ?? null),
  }));
}
