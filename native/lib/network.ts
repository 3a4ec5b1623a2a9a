import { CONNECTION_KINDS } from './constants_net';
import type { ConnectionKind } from './constants_net';
import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { NetConnection, NetConnectionsOptions, NetIoCounters, NetIoCountersOptions, NicAddress, NicStats, Roots } from './types';
import { WrapNumbers } from './wrap_numbers';

const NET_IO_FIELDS = ['bytesSent', 'bytesRecv', 'packetsSent', 'packetsRecv', 'errin', 'errout', 'dropin', 'dropout'] as const;
const NET_IO_CACHE = 'psutil.net_io_counters';

/** The nowrap state netIoCounters() uses unless a caller passes its own `wrapCache`. */
const sharedWrap = new WrapNumbers();

function sum(perNic: Record<string, NetIoCounters>): NetIoCounters {
  const total = Object.fromEntries(NET_IO_FIELDS.map((field) => [field, 0])) as unknown as NetIoCounters;
  for (const counters of Object.values(perNic)) {
    for (const field of NET_IO_FIELDS) total[field] += counters[field];
  }
  return total;
}

/**
 * psutil.net_io_counters(): bytes, packets, errors and drops per direction,
 * summed over every NIC in <procfs>/net/dev, or per NIC with `pernic: true`.
 * With `nowrap` (default) counters that wrap or reset never go down between
 * calls: state lives in `wrapCache` (a WrapNumbers of the caller's) or in a
 * shared one that `netIoCounters.cacheClear()` resets, kept apart per procfs
 * root. Without any NIC: null, or {} with `pernic`.
 */
export async function netIoCounters(options: NetIoCountersOptions & { pernic: true }): Promise<Record<string, NetIoCounters>>;
export async function netIoCounters(options?: NetIoCountersOptions & { pernic?: false }): Promise<NetIoCounters | null>;
export async function netIoCounters(options?: NetIoCountersOptions): Promise<NetIoCounters | Record<string, NetIoCounters> | null>;
export async function netIoCounters(options?: NetIoCountersOptions): Promise<NetIoCounters | Record<string, NetIoCounters> | null> {
  const opts = optionsObject(options);
  const pernic = booleanOption(opts.pernic, 'pernic', false);
  const nowrap = booleanOption(opts.nowrap, 'nowrap', true);
  const wrap = opts.wrapCache ?? sharedWrap;
  if (!(wrap instanceof WrapNumbers)) throw new InvalidArgument('wrapCache must be a WrapNumbers');
  const roots = resolveRoots(opts);
  let perNic = await callAsync(() => binding.netIoCounters(roots));
  if (Object.keys(perNic).length === 0) return pernic ? {} : null;
  if (nowrap) perNic = wrap.run(perNic, `${NET_IO_CACHE}:${roots.procfs}`);
  return pernic ? perNic : sum(perNic);
}

/** psutil's net_io_counters.cache_clear(): forgets the shared nowrap state (or that of `wrapCache`). */
netIoCounters.cacheClear = (wrapCache: WrapNumbers = sharedWrap): void => {
  for (const name of wrapCache.cachedNames()) {
    if (name.startsWith(`${NET_IO_CACHE}:`)) wrapCache.cacheClear(name);
  }
};

/** psutil's check of net_connections' kind, for the system-wide and the per-process call alike. */
export function connectionKind(value: unknown): ConnectionKind {
  if (value === undefined) return 'inet';
  if (typeof value !== 'string' || !(CONNECTION_KINDS as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    throw new InvalidArgument(
      `invalid ${shown} kind argument; choose between ${CONNECTION_KINDS.map((k) => `'${k}'`).join(', ')}`,
    );
  }
  return value as ConnectionKind;
}

/**
 * psutil.net_connections(kind): system-wide sockets from <procfs>/net/*,
 * each with the pid and fd holding it (null / -1 when no readable
 * <procfs>/<pid>/fd links to it). Inet addresses are { ip, port }, or null
 * where psutil has an empty tuple (no remote end, or port 0); UNIX sockets
 * have the path (or '') as laddr and '' as raddr, as psutil.
 */
export async function netConnections(options?: NetConnectionsOptions): Promise<NetConnection[]> {
  const opts = optionsObject(options);
  const kind = connectionKind(opts.kind);
  const roots = resolveRoots(opts);
  return callAsync(() => binding.netConnections({ ...roots, kind }));
}

/**
 * psutil.net_if_addrs(): the addresses of each NIC (AF_INET, AF_INET6 and
 * AF_LINK = MAC), from getifaddrs(3), which only the live system answers: over
 * a captured tree (by option or PROCYON_PROCFS / PROCYON_SYSFS) it is `{}`,
 * never this machine's NICs mixed into the tree's data.
 */
export async function netIfAddrs(options?: Roots): Promise<Record<string, NicAddress[]>> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.netIfAddrs(roots));
}

/**
 * psutil.net_if_stats(): up/duplex/speed (Mbps, 0 if unknown)/mtu/flags per
 * NIC of <procfs>/net/dev. On the live /sys from ioctls, as psutil; under
 * another sysfs root from <sysfs>/class/net/<nic>/{flags,operstate,mtu,speed,duplex}.
 */
export async function netIfStats(options?: Roots): Promise<Record<string, NicStats>> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.netIfStats(roots));
}
