import * as native from '@procyon/collector';
import { TALKER_PROCESSES, TALKER_SOCKETS } from '../../shared/limits';
import type { ProcessSockets, ProcessSocketSample } from '../../shared/payloads';
import type { CollectorRoots } from './collector';

// The sockets of the processes the clients list with their connections (the
// Network page's expanded top talkers), read each tick for those processes
// only: what is on screen, never every socket of the machine. Each process's
// list is cut to its busiest TALKER_SOCKETS, so one holding thousands costs a
// tick's message no more than one holding ten.

/** A process as a client names it: a pid alone may be reused. */
export interface SocketWatch {
  pid: number;
  createTime: number;
}

const busy = (s: ProcessSocketSample): number => (s.receiveRate ?? 0) + (s.transmitRate ?? 0);
const bytes = (s: ProcessSocketSample): number => (s.bytesReceived ?? 0) + (s.bytesSent ?? 0);
const counted = (s: ProcessSocketSample): number => (s.bytesReceived === null ? 1 : 0);

/** Pure: the `n` sockets a person looks for first: by current rate, then bytes, counted (TCP) before not counted (UDP), then by inode (a stable order tick to tick). */
export function busiestSockets(sockets: readonly ProcessSocketSample[], n = TALKER_SOCKETS): ProcessSocketSample[] {
  return [...sockets].sort((a, b) => counted(a) - counted(b) || busy(b) - busy(a) || bytes(b) - bytes(a) || a.inode - b.inode).slice(0, n);
}

/** Pure: the processes every client asks for, each once, at most `limit` (each client may ask for TALKER_PROCESSES). */
export function watchUnion(lists: Iterable<readonly SocketWatch[]>, limit = TALKER_PROCESSES * 4): SocketWatch[] {
  const out = new Map<string, SocketWatch>();
  for (const list of lists) {
    for (const w of list) {
      if (out.size >= limit) return [...out.values()];
      out.set(`${w.pid}:${w.createTime}`, { pid: w.pid, createTime: w.createTime });
    }
  }
  return [...out.values()];
}

/** Pure: what one client gets of a tick's sockets: only the processes it asked for (the same array when that is all of them). */
export function socketsFor(all: readonly ProcessSockets[], wanted: readonly SocketWatch[]): ProcessSockets[] {
  const keys = new Set(wanted.map((w) => `${w.pid}:${w.createTime}`));
  const mine = all.filter((p) => keys.has(`${p.pid}:${p.createTime}`));
  return mine.length === all.length ? (all as ProcessSockets[]) : mine;
}

/** Pure: each watched process's answer from one socket listing (by pid), cut to its busiest; a pid the listing lacks gets none. */
export function talkersOf(watched: readonly SocketWatch[], byPid: ReadonlyMap<number, readonly ProcessSocketSample[]>): ProcessSockets[] {
  return watched.flatMap(({ pid, createTime }) => {
    const sockets = byPid.get(pid);
    return sockets === undefined ? [] : [{ pid, createTime, total: sockets.length, sockets: busiestSockets(sockets) }];
  });
}

/** The pids a socket listing asks for: each watched pid once. */
export const watchedPids = (watched: readonly SocketWatch[]): number[] => [...new Set(watched.map((w) => w.pid))];

/**
 * Reads the sockets of every watched process from one socket dump, on the
 * worker pool, for a tick whose table does not read the network column (that
 * one's dump serves them: Collector.readTick). The rates are since the
 * previous read of each pid, which the details' Network tab may also have
 * made. Network use is Linux's socket dump of the running machine: anywhere
 * else, or if the read fails, nothing (never a failed tick); a process that
 * exited or whose fds cannot be read has no sockets. The caller checks each
 * answer's createTime against the tick's table: this read does not know which
 * process a pid names.
 */
export async function readTalkerSockets(watched: readonly SocketWatch[], roots: CollectorRoots): Promise<ProcessSockets[]> {
  if (watched.length === 0 || !native.isLive(roots) || native.describe().platform !== 'linux') return [];
  try {
    return talkersOf(watched, await native.processNetSocketsOf(watchedPids(watched), roots));
  } catch {
    return [];
  }
}
