// psutil.process_iter() and psutil.wait_procs().

import { setTimeout as sleep } from 'node:timers/promises';

import { InvalidArgument, NoSuchProcess } from './errors';
import { optionsObject } from './options';
import { Process, type AsDictOptions } from './process';
import { tableOf } from './process_table';
import { resolveRoots } from './roots';
import type { Roots } from './types';

export interface ProcessIterOptions extends AsDictOptions, Roots {}

// Instances survive across calls while (pid, createTime) lives, as psutil's _pmap.
const cache = new Map<string, Map<number, Process>>();

/**
 * psutil.process_iter(): every running process, sorted by pid, as an async
 * iterable. One trip lists (pid, createTime) for all; cached Process objects
 * are reused while their identity holds. With `attrs`, each process gets
 * `info` = asDict({attrs, adValue}); processes that vanish are skipped.
 */
export async function* processIter(options?: ProcessIterOptions): AsyncGenerator<Process> {
  const opts = optionsObject(options);
  const roots = resolveRoots(opts);
  const wantInfo = opts.attrs !== undefined || opts.adValue !== undefined;
  const table = await tableOf(roots, 0);
  let known = cache.get(roots.procfs);
  if (!known) {
    known = new Map();
    cache.set(roots.procfs, known);
  }
  const alive = new Set<number>();
  const rows = [...table.rows].sort((a, b) => a.pid - b.pid);
  for (const row of rows) alive.add(row.pid);
  for (const pid of [...known.keys()]) if (!alive.has(pid)) known.delete(pid);
  for (const row of rows) {
    let proc = known.get(row.pid);
    if (!proc || proc.knownCreateTime !== row.createTime) {
      proc = new Process(row.pid, row.createTime, roots);
      known.set(row.pid, proc);
    }
    if (wantInfo) {
      try {
        const asDictOptions: AsDictOptions = { adValue: opts.adValue };
        if (opts.attrs !== undefined) asDictOptions.attrs = opts.attrs;
        proc.info = await proc.asDict(asDictOptions);
      } catch (err) {
        if (err instanceof NoSuchProcess) {
          known.delete(row.pid);
          continue;
        }
        throw err;
      }
    }
    yield proc;
  }
}

/** Forgets the instances processIter() keeps between calls (psutil's process_iter.cache_clear()). */
processIter.cacheClear = (): void => {
  cache.clear();
};

export interface WaitProcsOptions {
  /** Seconds; absent waits until every process is gone. */
  timeout?: number | null;
  /** Called once per process as soon as it is gone. */
  callback?: (proc: Process) => void | Promise<void>;
}

/**
 * psutil.wait_procs(): waits for the processes to be gone, at most `timeout`
 * seconds, and returns which are. Each gone process gets `returncode` (null:
 * Node cannot reap processes it did not spawn through waitpid).
 */
export async function waitProcs(
  procs: Iterable<Process>,
  options?: WaitProcsOptions,
): Promise<{ gone: Process[]; alive: Process[] }> {
  const opts = optionsObject(options);
  const timeout = opts.timeout ?? null;
  if (timeout !== null && (typeof timeout !== 'number' || !(timeout >= 0))) {
    throw new InvalidArgument(`timeout must be a positive integer, got ${String(timeout)}`);
  }
  const callback = opts.callback;
  if (callback !== undefined && typeof callback !== 'function') throw new InvalidArgument('callback is not a callable');
  let alive = [...procs];
  for (const p of alive) if (!(p instanceof Process)) throw new InvalidArgument(`${String(p)} is not a Process instance`);
  const gone: Process[] = [];
  const stopAt = timeout === null ? Infinity : performance.now() + timeout * 1000;
  let delay = 1;
  for (;;) {
    const states = await Promise.all(alive.map((p) => p.isRunning()));
    const still: Process[] = [];
    for (const [i, p] of alive.entries()) {
      if (states[i]) {
        still.push(p);
        continue;
      }
      p.returncode = null;
      gone.push(p);
      if (callback) await callback(p);
    }
    alive = still;
    if (!alive.length || performance.now() >= stopAt) break;
    await sleep(Math.min(delay, Math.max(0, stopAt - performance.now())));
    delay = Math.min(delay * 2, 40);
  }
  return { gone, alive };
}
