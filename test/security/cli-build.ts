import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'main', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const LOCK = path.join(REPO, 'dist', '.cli-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Several test files, in parallel workers, may find the bundle stale at once;
 * the build empties dist/main, so a second build would pull the CLI from under
 * a test already running it. One builds, under a lock; the others wait, then
 * find it fresh.
 */
function underBuildLock(build: () => void): void {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (const deadline = Date.now() + 150_000; ; ) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = 0;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    // An unfilled lock (its holder between open and write) names no pid yet: wait for it.
    if (holder > 0 && !alive(holder)) rmSync(LOCK, { force: true });
    else if (Date.now() > deadline) throw new Error(`${LOCK} held by pid ${holder} for 150 s`);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** The CLI bundle that bin/procyon.js runs, rebuilt when a main or shared source is newer (as test/integration does). */
export function ensureCliBuilt(): void {
  if (fresh()) return;
  underBuildLock(() => {
    if (fresh()) return; // another worker built it while this one waited
    const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.main.config.mts'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
  });
}

function fresh(): boolean {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    // not built yet
  }
  return built > Math.max(newestMtime(path.join(REPO, 'app/main')), newestMtime(path.join(REPO, 'app/shared')));
}
