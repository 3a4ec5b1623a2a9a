// psutil.process_iter() and psutil.wait_procs().

import { InvalidArgument, NoSuchProcess, TimeoutExpired } from './errors';
import { describeValue, optionsObject, secondsOption } from './options';
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
  // As psutil: info only when attrs is given (an empty one means all attributes).
  const wantInfo = opts.attrs !== undefined && opts.attrs !== null;
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
        const asDictOptions: AsDictOptions = { adValue: opts.adValue, attrs: opts.attrs! };
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
 * seconds, and returns which are. Each gone process gets `returncode`, what
 * its wait() gave: the exit status of a child of this process, else null.
 */
export async function waitProcs(
  procs: Iterable<Process>,
  options?: WaitProcsOptions,
): Promise<{ gone: Process[]; alive: Process[] }> {
  if (procs === null || procs === undefined || typeof (procs as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new InvalidArgument(`procs must be an iterable of Process instances, got ${describeValue(procs)}`);
  }
  const opts = optionsObject(options);
  const timeout = secondsOption(opts.timeout, 'timeout', true);
  const callback = opts.callback;
  if (callback !== undefined && typeof callback !== 'function') throw new InvalidArgument('callback is not a callable');
  const all = [...procs];
  for (const p of all) if (!(p instanceof Process)) throw new InvalidArgument(`${String(p)} is not a Process instance`);
  const gone: Process[] = [];
  const alive: Process[] = [];
  // One wait() per process, together: each is gone as soon as its own wait() answers.
  await Promise.all(
    all.map(async (p) => {
      let returncode: number | null;
      try {
        returncode = await p.wait({ timeout });
      } catch (err) {
        if (err instanceof TimeoutExpired) {
          alive.push(p);
          return;
        }
        throw err;
      }
      p.returncode = returncode;
      gone.push(p);
      if (callback) await callback(p);
    }),
  );
  // In the order given, as psutil's sets are not ordered and callers index by position.
  const order = (list: Process[]) => all.filter((p) => list.includes(p));
  return { gone: order(gone), alive: order(alive) };
}
