import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { ApiError } from '../../shared';
import { NotRegularFileError, readRegularFile } from './regular-file';

// A lock file beside a file that several processes write (two hosts sharing
// one settings file): created with O_EXCL, it holds who took it, so a lock
// left by a process that died can be told from one held by a live process.

interface LockOwner {
  pid: number;
  /** The owner's start time (clock ticks since boot, /proc/PID/stat field 22): a pid alone can be reused. Null where there is no /proc. */
  start: string | null;
  host: string;
  /** Tells two locks taken by one process apart. */
  nonce: string;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up with UNAVAILABLE. A holder keeps the lock for one read and one write. */
  waitMs?: number;
}

const DEFAULT_WAIT_MS = 10_000;
const MAX_LOCK_BYTES = 4096;
/** A lock file still empty or unreadable this long after it was made: its maker died between creating and filling it. */
const UNFILLED_STALE_MS = 5_000;
/** A holder on another machine (a shared home over NFS) cannot be asked whether it lives; past this age its lock is stale. */
const FOREIGN_STALE_MS = 60_000;

async function startTimeOf(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0 || typeof o.host !== 'string' || typeof o.nonce !== 'string') return null;
    return { pid: o.pid as number, start: typeof o.start === 'string' ? o.start : null, host: o.host, nonce: o.nonce };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Seen {
  ino: number;
  ageMs: number;
  owner: LockOwner | null;
}

async function look(lockPath: string): Promise<Seen | null> {
  try {
    const st = await stat(lockPath);
    if (!st.isFile()) throw new NotRegularFileError('lock file', lockPath, st);
    const text = await readRegularFile(lockPath, MAX_LOCK_BYTES, 'lock file');
    return text === null ? null : { ino: st.ino, ageMs: Date.now() - st.mtimeMs, owner: parseOwner(text) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function stale(seen: Seen): Promise<boolean> {
  const o = seen.owner;
  if (o === null) return seen.ageMs > UNFILLED_STALE_MS;
  if (o.host !== os.hostname()) return seen.ageMs > FOREIGN_STALE_MS;
  if (!alive(o.pid)) return true;
  if (o.start === null) return false;
  const now = await startTimeOf(o.pid);
  return now !== null && now !== o.start;
}

/**
 * Removes the stale lock `seen`, and only it: it is moved aside first and
 * checked to be the same file, since another waiter may have broken it and
 * taken a fresh lock in between. (Left open: a third process taking the lock
 * in the instant a wrongly moved fresh lock is put back.)
 */
async function breakLock(lockPath: string, seen: Seen): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if ((await stat(aside)).ino !== seen.ino) await link(aside, lockPath).catch(() => undefined);
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

function busy(lockPath: string, owner: LockOwner | null): ApiError {
  const who = owner ? `pid ${owner.pid}${owner.host === os.hostname() ? '' : ` on ${owner.host}`}` : 'a process that has not said who it is';
  return new ApiError({ code: 'UNAVAILABLE', message: `${lockPath} is held by ${who}; if no Procyon is writing these settings, remove it` });
}

/** Takes the lock at `lockPath` (waiting for a live holder, breaking a dead one's); resolves to its release. */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const me: LockOwner = { pid: process.pid, start: await startTimeOf(process.pid), host: os.hostname(), nonce: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (;;) {
    let created = false;
    try {
      const fh = await open(lockPath, 'wx', 0o600);
      created = true;
      try {
        await fh.writeFile(JSON.stringify(me));
      } finally {
        await fh.close();
      }
      return async () => {
        // Only our own lock: had it been broken as stale, it may be someone else's now.
        const now = await look(lockPath).catch(() => null);
        if (now?.owner?.nonce === me.nonce) await unlink(lockPath).catch(() => undefined);
      };
    } catch (err) {
      if (created) {
        await unlink(lockPath).catch(() => undefined);
        throw err;
      }
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const seen = await look(lockPath);
    if (seen === null) continue;
    if (await stale(seen)) {
      await breakLock(lockPath, seen);
      continue;
    }
    if (Date.now() >= deadline) throw busy(lockPath, seen.owner);
    // Jittered, so two waiters do not retry in step.
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  }
}
