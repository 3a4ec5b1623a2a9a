// psutil.users(), psutil.pids() and psutil.pid_exists().

import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots } from './types';

/** psutil.users() entry. */
export interface User {
  name: string;
  /** The tty or pseudo-tty, or null (always null on Windows). */
  terminal: string | null;
  /** The remote host; on Windows the client's IPv4 address, null for a local session. */
  host: string | null;
  /** Login time, seconds since the epoch. */
  started: number;
  /** PID of the login process; null on Windows, as psutil's None. */
  pid: number | null;
}

export interface UsersOptions {
  /** The utmp file to read (default /var/run/utmp, what getutent(3) reads). */
  utmp?: string;
}

/**
 * psutil.users(): the USER_PROCESS entries of utmp, none when the file is
 * absent; on Windows the terminal server's sessions that have a user.
 */
export async function users(options?: UsersOptions): Promise<User[]> {
  const opts = optionsObject(options);
  if (opts.utmp !== undefined && (typeof opts.utmp !== 'string' || opts.utmp === '')) {
    throw new InvalidArgument('utmp must be a non-empty string');
  }
  const args = opts.utmp === undefined ? {} : { utmp: opts.utmp };
  return callAsync(() => binding.users(args));
}

/** psutil.pids(): the numeric entries of the procfs root, sorted. */
export async function pids(options?: Roots): Promise<number[]> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.pids(roots));
}

/**
 * psutil.pid_exists(pid): negative → false; 0 → whether the root lists it;
 * otherwise kill(pid, 0) (live /proc only) and a Tgid check so thread ids
 * are not reported as processes.
 */
export async function pidExists(pid: number, options?: Roots): Promise<boolean> {
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid)) {
    throw new InvalidArgument(`pid must be an integer, got ${typeof pid === 'number' ? pid : typeof pid}`);
  }
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.pidExists({ ...roots, pid }));
}
