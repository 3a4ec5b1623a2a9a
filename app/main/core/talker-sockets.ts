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

/**
 * Reads the sockets of each watched process (one socket dump each, on the
 * worker pool; the rates are since the previous read of that pid, which the
 * details' Network tab may also have made). Network use is Linux's socket
 * dump of the running machine: anywhere else, and for a process that exited
 * or whose fds cannot be read, nothing (never a failed tick). The caller
 * checks each answer's createTime against the tick's table: this read does
 * not know which process a pid names.
 */
export async function readTalkerSockets(watched: readonly SocketWatch[], roots: CollectorRoots): Promise<ProcessSockets[]> {
  if (watched.length === 0 || !native.isLive(roots) || native.describe().platform !== 'linux') return [];
  const read = await Promise.all(
    watched.map(async ({ pid, createTime }): Promise<ProcessSockets | null> => {
      try {
        const sockets = await native.processNetSockets(pid, roots);
        return { pid, createTime, total: sockets.length, sockets: busiestSockets(sockets) };
      } catch {
        return null;
      }
    }),
  );
  return read.filter((p): p is ProcessSockets => p !== null);
}
