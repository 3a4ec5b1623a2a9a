import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from './file-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function lockPath(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-lock-'));
  dirs.push(dir);
  return path.join(dir, 'settings.json.lock');
}

const ownStart = () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

/** A pid that was a process a moment ago and is none now. */
function deadPid(): number {
  const r = spawnSync('sh', ['-c', 'echo $$']);
  return Number(r.stdout.toString().trim());
}

const owner = (o: Record<string, unknown>) => JSON.stringify({ host: os.hostname(), nonce: 'n', start: null, ...o });

describe('the settings lock file', () => {
  it('holds who took it (pid and start time), mode 0600, and is gone after release', async () => {
    const p = lockPath();
    const release = await acquireLock(p);
    expect(JSON.parse(readFileSync(p, 'utf8'))).toMatchObject({ pid: process.pid, start: ownStart(), host: os.hostname() });
    await release();
    expect(existsSync(p)).toBe(false);
  });

  it('a live holder is waited for, up to the bound, then UNAVAILABLE naming it', async () => {
    const p = lockPath();
    writeFileSync(p, owner({ pid: process.pid, start: ownStart() }));
    await expect(acquireLock(p, { waitMs: 100 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: `${p} is held by pid ${process.pid}; if no Procyon is writing these settings, remove it` });
    expect(existsSync(p)).toBe(true);
  });

  it('a second taker waits until the first releases', async () => {
    const p = lockPath();
    const release = await acquireLock(p);
    let second = false;
    const next = acquireLock(p).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(second).toBe(false);
    await release();
    await (await next)();
  });

  it.each([
    ['a dead pid', () => owner({ pid: deadPid() })],
    ['a live pid that has started since (reused)', () => owner({ pid: process.pid, start: '1' })],
  ])('a lock left by %s is stale: taken at once', async (_, content) => {
    const p = lockPath();
    writeFileSync(p, content());
    const release = await acquireLock(p, { waitMs: 0 });
    expect(JSON.parse(readFileSync(p, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it('an empty lock file is waited on while fresh, stale once old (its maker died before filling it)', async () => {
    const p = lockPath();
    writeFileSync(p, '');
    await expect(acquireLock(p, { waitMs: 0 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(p, old, old);
    await (await acquireLock(p, { waitMs: 0 }))();
  });

  it('a holder on another machine is trusted until its lock is a minute old', async () => {
    const p = lockPath();
    writeFileSync(p, owner({ pid: 1, host: 'elsewhere.example' }));
    await expect(acquireLock(p, { waitMs: 0 })).rejects.toMatchObject({ message: expect.stringContaining('pid 1 on elsewhere.example') });
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(p, old, old);
    await (await acquireLock(p, { waitMs: 0 }))();
  });

  it('a FIFO in the lock\'s place is refused, not read', async () => {
    const p = lockPath();
    expect(spawnSync('mkfifo', [p]).status).toBe(0);
    await expect(acquireLock(p, { waitMs: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: `lock file ${p} is a FIFO, not a regular file` });
  });
});
