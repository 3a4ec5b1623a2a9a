// Network use per process (beyond psutil), without root and without packet
// capture: the addon dumps every inet socket through NETLINK_SOCK_DIAG with
// TCP's byte counters (tcp_info's tcpi_bytes_acked and tcpi_bytes_received)
// and attributes each to the lowest pid holding it (/proc/<pid>/fd). A
// tracker's arithmetic (each socket's counters at its previous dump, each
// process's bytes since watched) is kept in the addon (src/common/net_usage.h),
// which hands back per-process sums only (and, asked, a few processes'
// sockets from the same dump with rates from its per-socket counters); this
// file adds per-socket rates for a listing read without a tracker.
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

/** @internal A tracker's native state (processNetTracker()); freed with the tracker. */
export type NetTrackerHandle = { readonly __brand: 'NetTrackerHandle' };

/** @internal The addon's processNetUsage() answer: `processes[i]` is `pids[i]`'s. */
export interface NetUsageReading {
  timestamp: number;
  pids: number[];
  processes: ProcessNet[];
  otherUsers: ProcessNet;
  mapEntries: number;
  trackerEntries: number;
  /** With `pids`: those processes' sockets from the same dump (each listed for every asked pid holding it). */
  sockets: SocketUse[];
  /** `sockets[i]`'s rates since the tracker's previous dump. */
  receiveRates: (number | null)[];
  transmitRates: (number | null)[];
}

declare module './native' {
  interface NativeBinding {
    processNet(options: ResolvedRoots & { pids?: number[] }): Promise<ProcessNetReading>;
    processNetTracker(): NetTrackerHandle;
    processNetUsage(options: ResolvedRoots & { tracker: NetTrackerHandle; pids?: number[] }): Promise<NetUsageReading>;
    processNetDumps(): number;
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

/**
 * One socket of a process with its rates since the previous read of that
 * process's sockets (from a tracker: since the tracker's previous dump).
 */
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
  /** The sockets and process totals this tracker keeps in the addon (only what the dump holds now). */
  trackerEntries: number;
  /** With `socketsOf`: each asked pid's sockets from the same dump, by pid (empty for one that holds none or cannot be read). */
  sockets?: Map<number, SocketNet[]>;
}

export interface NetUsageOptions {
  /**
   * Processes whose sockets this read also lists, from the same dump (no
   * second walk of the machine's sockets), each with its rates over the time
   * since this tracker's previous read: 1 to 4096 pids.
   */
  socketsOf?: readonly number[];
}

/** @internal The pids a socket listing asks for, checked (InvalidArgument), each once. */
export function checkedPids(pids: readonly number[]): number[] {
  if (!Array.isArray(pids) || pids.length === 0 || pids.length > 4096) throw new InvalidArgument('pids must be an array of 1 to 4096 pids');
  for (const pid of pids) if (!Number.isInteger(pid) || pid < 0) throw new InvalidArgument('pid must be a non-negative integer');
  return [...new Set(pids)];
}

/** @internal A tracker read's listing by the pid each socket was listed for, every asked pid present. */
function socketsByPid(asked: readonly number[], reading: NetUsageReading): Map<number, SocketNet[]> {
  const out = new Map<number, SocketNet[]>(asked.map((pid) => [pid, []]));
  reading.sockets.forEach((socket, i) => out.get(socket.pid!)?.push({ ...socket, receiveRate: reading.receiveRates[i] ?? null, transmitRate: reading.transmitRates[i] ?? null }));
  return out;
}

interface Counters {
  sent: number;
  received: number;
}

/** What a socket added since `prev` (undefined: it is new since the previous call, so all it carries). */
function deltaOf(prev: Counters | undefined, socket: SocketUse): Counters {
  if (socket.bytesSent === null || socket.bytesReceived === null) return { sent: 0, received: 0 };
  return {
    sent: Math.max(0, socket.bytesSent - (prev?.sent ?? 0)),
    received: Math.max(0, socket.bytesReceived - (prev?.received ?? 0)),
  };
}

const countersOf = (socket: SocketUse): Counters => ({ sent: socket.bytesSent ?? 0, received: socket.bytesReceived ?? 0 });

/**
 * Per-process network use from successive dumps. Each consumer (processTable's
 * module state, a ProcessTableReader, the exporter) keeps its own, as
 * psutil keeps cpu_percent's previous reading per Process; its counters live
 * in the addon, tied to this object (freed when it is collected).
 */
export class NetUsageTracker {
  readonly #handle = binding.processNetTracker();

  constructor(private readonly roots: ResolvedRoots) {}

  async all(options?: NetUsageOptions): Promise<NetUsage> {
    const asked = optionsObject(options).socketsOf;
    const pids = asked === undefined ? undefined : checkedPids(asked);
    const reading = await callAsync(() => binding.processNetUsage({ ...this.roots, tracker: this.#handle, ...(pids && { pids }) }));
    const processes = new Map<number, ProcessNet>();
    for (let i = 0; i < reading.pids.length; i++) processes.set(reading.pids[i]!, reading.processes[i]!);
    const usage: NetUsage = { timestamp: reading.timestamp, processes, otherUsers: reading.otherUsers, mapEntries: reading.mapEntries, trackerEntries: reading.trackerEntries };
    if (pids) usage.sockets = socketsByPid(pids, reading);
    return usage;
  }
}

/** @internal How many inet socket dumps this process has asked the kernel for (each walks every socket of the machine): for tests. */
export function processNetDumps(): number {
  return binding.processNetDumps();
}

/** @internal Each process's sockets with rates since the previous call for that pid (bounded: the last 64 pids asked). */
const socketHistory = new Map<number, { timestamp: number; counters: Map<number, Counters> }>();
const SOCKET_HISTORY = 64;

/**
 * Several processes' inet sockets from one socket dump (what each dump costs
 * is the kernel's, per socket of the machine): as processNetSockets() for
 * each pid, by pid. A pid asked twice is answered once.
 */
export async function processNetSocketsOf(pids: readonly number[], options?: Roots): Promise<Map<number, SocketNet[]>> {
  const asked = checkedPids(pids);
  const roots = resolveRoots(optionsObject(options));
  const reading = await callAsync(() => binding.processNet({ ...roots, pids: asked }));
  const out = new Map<number, SocketNet[]>(asked.map((pid) => [pid, []]));
  const counters = new Map<number, Map<number, Counters>>(asked.map((pid) => [pid, new Map()]));
  for (const socket of reading.sockets) {
    const pid = socket.pid!;
    const before = socketHistory.get(pid);
    const elapsed = before === undefined ? 0 : reading.timestamp - before.timestamp;
    const counted = socket.bytesSent !== null;
    if (counted) counters.get(pid)!.set(socket.inode, countersOf(socket));
    if (!counted || before === undefined || elapsed <= 0) {
      out.get(pid)!.push({ ...socket, receiveRate: null, transmitRate: null });
      continue;
    }
    const delta = deltaOf(before.counters.get(socket.inode), socket);
    out.get(pid)!.push({ ...socket, receiveRate: delta.received / elapsed, transmitRate: delta.sent / elapsed });
  }
  for (const pid of asked) {
    socketHistory.delete(pid);
    if (socketHistory.size >= SOCKET_HISTORY) socketHistory.delete(socketHistory.keys().next().value!);
    socketHistory.set(pid, { timestamp: reading.timestamp, counters: counters.get(pid)! });
  }
  return out;
}

/**
 * One process's inet sockets (TCP with its bytes, UDP listed as not counted)
 * and each one's rates since the previous call for the same pid (null on the
 * first). An empty list when the process holds none, has exited, or its fds
 * cannot be read (another user's).
 */
export async function processNetSockets(pid: number, options?: Roots): Promise<SocketNet[]> {
  if (!Number.isInteger(pid) || pid < 0) throw new InvalidArgument('pid must be a non-negative integer');
  return (await processNetSocketsOf([pid], options)).get(pid)!;
}
