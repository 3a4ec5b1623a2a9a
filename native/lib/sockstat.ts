// Socket counts by protocol (Linux's /proc/net/sockstat and sockstat6, what
// `ss -s` summarises; beyond psutil). The whole TS side of the area: the
// types, and the function with (by declaration merging into Metrics) its
// export, snapshot topic and capability name.

import { metric } from './metric';

/** One protocol's line; a count the kernel's line lacks is null (UDP has no tw, RAW only inuse). */
export interface SockstatProtocol {
  /** Sockets of this protocol and family in use. */
  inuse: number | null;
  /** TCP sockets no process holds any more, still closing (IPv4 and IPv6 together). */
  orphan: number | null;
  /** TCP connections in TIME_WAIT (IPv4 and IPv6 together). */
  tw: number | null;
  /** TCP sockets allocated, in any state (IPv4 and IPv6 together). */
  alloc: number | null;
  /** Buffer memory the protocol holds, in pages, as the kernel counts it. */
  mem: number | null;
  /** `mem` in bytes (pages × this machine's page size). */
  memBytes: number | null;
  /** IP fragment reassembly memory, in bytes (the FRAG lines). */
  memory: number | null;
}

/** /proc/net/sockstat and sockstat6; a protocol whose line is absent is null (the IPv6 ones where IPv6 is off). */
export interface NetSocketStats {
  /** Sockets of every family in use. */
  used: number | null;
  tcp: SockstatProtocol | null;
  udp: SockstatProtocol | null;
  udplite: SockstatProtocol | null;
  raw: SockstatProtocol | null;
  frag: SockstatProtocol | null;
  tcp6: SockstatProtocol | null;
  udp6: SockstatProtocol | null;
  udplite6: SockstatProtocol | null;
  raw6: SockstatProtocol | null;
  frag6: SockstatProtocol | null;
}

declare module './metric' {
  interface Metrics {
    /** netSocketStats(); as a snapshot topic, {error: NOT_FOUND} where there is no /proc/net/sockstat. */
    netSocketStats: NetSocketStats;
  }
}

/**
 * Socket counts per protocol from `<procfs>/net/sockstat` (and sockstat6 where
 * IPv6 is on), for the network namespace of the reader. Rejects with NotFound
 * where there is no net/sockstat; Unsupported on a platform without its reader.
 */
export const netSocketStats = metric('netSocketStats');
