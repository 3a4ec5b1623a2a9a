// Network use per process (beyond psutil), without root and without packet
// capture: the addon dumps every inet socket through NETLINK_SOCK_DIAG with
// TCP's byte counters (tcp_info's tcpi_bytes_acked and tcpi_bytes_received)
// and attributes each to the lowest pid holding it (/proc/<pid>/fd); this
// file turns two dumps into per-process and per-socket rates.
//
// What it cannot see: UDP (and so QUIC) sockets carry no byte counters in
// sock_diag and are listed as not counted; the bytes of a socket opened and
// closed between two reads are lost; a socket no readable process holds
// (another user's process, as an unprivileged user) is summed under
// `otherUsers` rather than dropped. tcpi_bytes_acked counts a connection's
// SYN and FIN as one byte each, so a socket's sent bytes may read up to 2 more
// than its application wrote.

import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots, type ResolvedRoots } from './roots';
import type { InetAddr, Roots } from './types';

/** One inet socket as the addon dumps it; byte counts are cumulative (null: UDP, which has none). */
export interface SocketUse {
  inode: number;
  /** The lowest pid holding it; null where no process this user can read holds it. */
  pid: number | null;
  protocol: 'tcp' | 'udp';
  family: number;
  /** psutil's CONN_* name for TCP; NONE for UDP. */
  status: string;
  laddr: InetAddr | null;
  raddr: InetAddr | null;
  /** Bytes the peer acknowledged (tcpi_bytes_acked). */
  bytesSent: number | null;
  /** Bytes received (tcpi_bytes_received). */
  bytesReceived: number | null;
}

/** @internal The addon's processNet() answer; `timestamp` is monotonic seconds. */
export interface ProcessNetReading {
  timestamp: number;
  sockets: SocketUse[];
  /** Entries of the addon's kept inode → process map after this dump. */
  mapEntries: number;
}

declare module './native' {
  interface NativeBinding {
    processNet(options: ResolvedRoots & { pid?: number }): Promise<ProcessNetReading>;
  }
}

/** A process's TCP traffic: bytes since it was first watched, rates since the previous read. */
export interface ProcessNet {
  /** Bytes received since this reader first saw the process's sockets. */
  receiveBytes: number;
  /** Bytes sent (and acknowledged) since then. */
  transmitBytes: number;
  /** Bytes per second since the previous read; null on the first read. */
  receiveRate: number | null;
  transmitRate: number | null;
  /** TCP sockets counted. */
  sockets: number;
  /** UDP sockets: listed, not counted (sock_diag keeps no byte counters for UDP, so QUIC is not seen). */
  uncounted: number;
}

/** One socket of a process with its rates since the previous read of that process's sockets. */
export interface SocketNet extends SocketUse {
  receiveRate: number | null;
  transmitRate: number | null;
}

export interface NetUsage {
  /** Monotonic seconds of the dump. */
  timestamp: number;
  /** Every process holding an inet socket, by pid. */
  processes: Map<number, ProcessNet>;
  /** Sockets no process this user can read holds (other users' processes), summed. */
  otherUsers: ProcessNet;
  /** Entries of the addon's inode → process map (it holds only what exists now). */
  mapEntries: number;
}

interface Counters {
  sent: number;
  received: number;
}

const emptyNet = (): ProcessNet => ({ receiveBytes: 0, transmitBytes: 0, receiveRate: null, transmitRate: null, sockets: 0, uncounted: 0 });

/** What a socket added since `prev` (undefined: it is new since the previous dump, so all it carries; on a first dump: nothing). */
function deltaOf(prev: Counters | undefined, socket: SocketUse, first: boolean): Counters {
  if (first || socket.bytesSent === null || socket.bytesReceived === null) return { sent: 0, received: 0 };
  return {
    sent: Math.max(0, socket.bytesSent - (prev?.sent ?? 0)),
    received: Math.max(0, socket.bytesReceived - (prev?.received ?? 0)),
  };
}

const countersOf = (socket: SocketUse): Counters => ({ sent: socket.bytesSent ?? 0, received: socket.bytesReceived ?? 0 });

/**
 * Per-process network use from successive dumps. Each consumer (processTable's
 * module state, a ProcessTableReader, the exporter) keeps its own, as
 * psutil keeps cpu_percent's previous reading per Process.
 */
export class NetUsageTracker {
  #previous = new Map<number, Counters>();
  #totals = new Map<number, Counters>();
  #other: Counters = { sent: 0, received: 0 };
  #timestamp: number | null = null;

  constructor(private readonly roots: ResolvedRoots) {}

  async all(): Promise<NetUsage> {
    const reading = await callAsync(() => binding.processNet(this.roots));
    return this.advance(reading);
  }

  /** @internal One dump applied (exported for tests of the arithmetic). */
  advance(reading: ProcessNetReading): NetUsage {
    const first = this.#timestamp === null;
    const elapsed = first ? 0 : reading.timestamp - this.#timestamp!;
    const next = new Map<number, Counters>();
    const processes = new Map<number, ProcessNet>();
    const moved = new Map<number | null, Counters>();
    const totals = new Map<number, Counters>();
    const otherUsers = emptyNet();
    for (const socket of reading.sockets) {
      const net = socket.pid === null ? otherUsers : (processes.get(socket.pid) ?? processes.set(socket.pid, emptyNet()).get(socket.pid)!);
      if (socket.protocol === 'udp' || socket.bytesSent === null) {
        net.uncounted++;
        continue;
      }
      net.sockets++;
      const delta = deltaOf(this.#previous.get(socket.inode), socket, first);
      next.set(socket.inode, countersOf(socket));
      const sum = moved.get(socket.pid) ?? { sent: 0, received: 0 };
      sum.sent += delta.sent;
      sum.received += delta.received;
      moved.set(socket.pid, sum);
    }
    const finish = (net: ProcessNet, total: Counters, delta: Counters | undefined): void => {
      total.sent += delta?.sent ?? 0;
      total.received += delta?.received ?? 0;
      net.transmitBytes = total.sent;
      net.receiveBytes = total.received;
      net.transmitRate = first || elapsed <= 0 ? null : (delta?.sent ?? 0) / elapsed;
      net.receiveRate = first || elapsed <= 0 ? null : (delta?.received ?? 0) / elapsed;
    };
    for (const [pid, net] of processes) {
      // A process that holds no socket at this dump is forgotten (its bytes since watched start over).
      const total = this.#totals.get(pid) ?? { sent: 0, received: 0 };
      finish(net, total, moved.get(pid));
      totals.set(pid, total);
    }
    finish(otherUsers, this.#other, moved.get(null));
    this.#previous = next;
    this.#totals = totals;
    this.#timestamp = reading.timestamp;
    return { timestamp: reading.timestamp, processes, otherUsers, mapEntries: reading.mapEntries };
  }
}

/** @internal Each process's sockets with rates since the previous call for that pid (bounded: the last 64 pids asked). */
const socketHistory = new Map<number, { timestamp: number; counters: Map<number, Counters> }>();

/**
 * One process's inet sockets (TCP with its bytes, UDP listed as not counted)
 * and each one's rates since the previous call for the same pid (null on the
 * first). An empty list when the process holds none, has exited, or its fds
 * cannot be read (another user's).
 */
export async function processNetSockets(pid: number, options?: Roots): Promise<SocketNet[]> {
  if (!Number.isInteger(pid) || pid < 0) throw new InvalidArgument('pid must be a non-negative integer');
  const roots = resolveRoots(optionsObject(options));
  const reading = await callAsync(() => binding.processNet({ ...roots, pid }));
  const before = socketHistory.get(pid);
  const elapsed = before === undefined ? 0 : reading.timestamp - before.timestamp;
  const counters = new Map<number, Counters>();
  const out = reading.sockets.map((socket): SocketNet => {
    const counted = socket.bytesSent !== null;
    if (counted) counters.set(socket.inode, countersOf(socket));
    if (!counted || before === undefined || elapsed <= 0) return { ...socket, receiveRate: null, transmitRate: null };
    const delta = deltaOf(before.counters.get(socket.inode), socket, false);
    return { ...socket, receiveRate: delta.received / elapsed, transmitRate: delta.sent / elapsed };
  });
  socketHistory.delete(pid);
  if (socketHistory.size >= 64) socketHistory.delete(socketHistory.keys().next().value!);
  socketHistory.set(pid, { timestamp: reading.timestamp, counters });
  return out;
}
