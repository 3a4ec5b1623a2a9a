import * as native from '@procyon/collector';
import type { NetConnection } from '@procyon/collector';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConnectionSample, GetConnectionsRequest } from '../../shared';
import type { CollectorRoots } from './collector';

const AF_UNIX = 1;
const AF_INET6 = 10;
const SOCK_DGRAM = 2;

export function formatAddr(addr: NetConnection['laddr'], family: number): string {
  if (addr === null) return '';
  if (typeof addr === 'string') return addr;
  return family === AF_INET6 ? `[${addr.ip}]:${addr.port}` : `${addr.ip}:${addr.port}`;
}

export function protoOf(c: Pick<NetConnection, 'family' | 'type'>): string {
  if (c.family === AF_UNIX) return 'unix';
  return `${c.type === SOCK_DGRAM ? 'udp' : 'tcp'}${c.family === AF_INET6 ? '6' : ''}`;
}

/** psutil.net_connections(kind), each with its process's name (comm), read once per pid. */
export async function connections(roots: CollectorRoots, request: GetConnectionsRequest): Promise<ConnectionSample[]> {
  const list = await native.netConnections({ ...roots, kind: request.kind });
  const procfs = roots.procfs ?? process.env.PROCYON_PROCFS ?? '/proc';
  const pids = [...new Set(list.map((c) => c.pid).filter((p): p is number => p !== null))];
  const names = new Map<number, string | null>();
  // One after another: read all at once, one call's few hundred reads took every
  // worker thread, and the sampler and static files waited behind them (call-limiter.ts).
  for (const pid of pids) {
    try {
      names.set(pid, (await readFile(path.join(procfs, String(pid), 'comm'), 'utf8')).replace(/\n$/, ''));
    } catch {
      names.set(pid, null); // exited since, or not ours to see
    }
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
