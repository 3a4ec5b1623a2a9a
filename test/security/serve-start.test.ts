import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, REPO } from './cli-build';

// Issue 17, items 6 and 16, through the real `procyon serve`: the printed URL
// carries a token that survives a restart, and a second serve on a taken port
// says so (and whether a Procyon holds it) instead of a stack trace.

const CLI = path.join(REPO, 'bin', 'procyon.js');
let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-serve-start-'));
}, 180_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts serve and resolves with the URL it prints (with #token=). */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--no-metrics', '--interval', '5000', ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+#token=\S+)/.exec(out);
      if (m) resolve({ child, url: new URL(m[1]!) });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** Runs serve to its exit and returns what it said. */
function serveExpectingExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--no-metrics', '--no-settings', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('item 6: the token outlives a restart', () => {
  it('two starts with the same settings print the same token; --new-token prints another', async () => {
    const settings = ['--settings', path.join(dir, 'settings.json'), '--port', '0'];
    const a = await serve(settings);
    await stop(a.child);
    const b = await serve(settings);
    await stop(b.child);
    expect(b.url.hash).toBe(a.url.hash);
    expect(a.url.search).toBe('');
    const c = await serve([...settings, '--new-token']);
    await stop(c.child);
    expect(c.url.hash).not.toBe(a.url.hash);
  }, 60_000);
});

describe('item 16: a second serve on a taken port', () => {
  it('held by a Procyon: says so with its URL (no token), suggests --port, exits 1 without a stack trace', async () => {
    const first = await serve(['--no-settings', '--port', '0']);
    try {
      const port = first.url.port;
      const r = await serveExpectingExit(['--port', port]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} is in use by a Procyon`);
      expect(r.stderr).toContain(`http://127.0.0.1:${port}/ `);
      expect(r.stderr).toContain('--port');
      expect(r.stderr).not.toContain(first.url.hash.slice(1));
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).not.toContain('INTERNAL');
    } finally {
      await stop(first.child);
    }
  }, 60_000);

  it('held by another program: says so and suggests --port', async () => {
    const other: Server = createServer((s) => s.end('SSH-2.0-not-procyon\r\n'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const port = (other.address() as { port: number }).port;
      const r = await serveExpectingExit(['--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is in use by another program`);
      expect(r.stderr).toContain('--port');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    } finally {
      other.close();
    }
  }, 60_000);
});
