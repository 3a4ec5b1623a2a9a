import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PROC } from '../../app/main/core/fixture-root.test-util';
import { ensureCliBuilt, REPO } from './cli-build';

// The command line under a captured tree (--procfs, PROCYON_PROCFS): files
// that are not what they seem never hang it, and no action reaches a live
// process through the tree's pids.

const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-cli-tree-'));
const children: ChildProcess[] = [];

beforeAll(() => ensureCliBuilt(), 150_000);
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A live snapshot lists every connection of the machine: megabytes on a host holding thousands of sockets, past spawnSync's 1 MiB default. */
const OUTPUT_BUFFER = 256 * 1024 * 1024;

function procyon(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000, maxBuffer: OUTPUT_BUFFER });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(file: string): void {
  rmSync(file, { force: true });
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${file}: ${r.stderr}`);
}

/** A copy of part of the fixture's /proc with FIFOs in place of `fifos`. */
function fifoTree(fifos: string[]): string {
  const procfs = mkdtempSync(path.join(scratch, 'fifo-'));
  for (const entry of ['stat', 'meminfo', 'cpuinfo', 'loadavg', '26231', '584']) {
    cpSync(path.join(FIXTURE_PROC, entry), path.join(procfs, entry), { recursive: true, verbatimSymlinks: true });
  }
  for (const fifo of fifos) mkfifo(path.join(procfs, fifo));
  return procfs;
}

async function until(predicate: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('files that are not what they seem', () => {
  it('procyon snapshot --procfs over FIFOs returns, saying INVALID_FILE, instead of hanging', () => {
    const r = procyon(['snapshot', '--json', '--procfs', fifoTree(['stat', 'meminfo', '26231/stat'])]);
    expect(r.signal).toBeNull(); // not killed by spawnSync's timeout
    expect(r.stdout).toContain('INVALID_FILE');
  });

  it('SIGTERM stops serve within the grace period even with a pool thread stuck for good', async () => {
    // The preload wedges one libuv pool thread in open() of a FIFO nobody writes:
    // a stuck worker, as a hung mount or driver makes one. process.exit() would wait for it forever.
    const fifo = path.join(scratch, 'never-written');
    mkfifo(fifo);
    const preload = path.join(scratch, 'stuck-worker.cjs');
    writeFileSync(preload, `require('node:fs').readFile(${JSON.stringify(fifo)}, () => {});\n`);
    const home = mkdtempSync(path.join(scratch, 'home-'));
    const child = spawn(process.execPath, ['--require', preload, path.join(REPO, 'bin', 'procyon.js'), 'serve', '--port', '0', '--settings', path.join(home, 'settings.json')], {
      cwd: REPO,
      // meminfo and a process's stat are FIFOs: every tick fails on them, and goes on (boot time, from stat, must be readable to start).
      env: { ...process.env, PROCYON_PROCFS: fifoTree(['meminfo', '26231/stat']), HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => /is serving/.test(out) || child.exitCode !== null, 'serve to listen', 30_000);
    expect(child.exitCode, out).toBeNull();
    const sent = Date.now();
    child.kill('SIGTERM');
    // Generous for a loaded machine; the host gives itself 1.5 s.
    await until(() => child.exitCode !== null || child.signalCode !== null, 'serve to exit after SIGTERM', 10_000);
    expect(child.signalCode ?? child.exitCode).toBe('SIGTERM');
    expect(Date.now() - sent).toBeLessThan(10_000);
  }, 60_000);
});

describe('actions refuse a captured tree', () => {
  /** A live `sleep`, and a captured tree whose <pid> has its very identity. */
  async function liveChildAndItsCapture(): Promise<{ child: ChildProcess; procfs: string }> {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(child);
    await until(() => readFileSync(`/proc/${child.pid}/comm`, 'utf8') === 'sleep\n', 'sleep to start', 10_000);
    const procfs = mkdtempSync(path.join(scratch, 'capture-'));
    // procfs files say size 0: read them rather than copy them.
    writeFileSync(path.join(procfs, 'stat'), readFileSync('/proc/stat'));
    mkdirSync(path.join(procfs, String(child.pid)));
    for (const f of ['stat', 'status', 'comm', 'cmdline']) writeFileSync(path.join(procfs, String(child.pid), f), readFileSync(`/proc/${child.pid}/${f}`));
    return { child, procfs };
  }

  const stateOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  };

  it.each([
    ['kill --procfs', (pid: number, procfs: string) => procyon(['kill', String(pid), '--procfs', procfs])],
    ['terminate with PROCYON_PROCFS', (pid: number, procfs: string) => procyon(['terminate', String(pid)], { PROCYON_PROCFS: procfs })],
    ['suspend --procfs', (pid: number, procfs: string) => procyon(['suspend', String(pid), '--procfs', procfs])],
    ['renice --procfs', (pid: number, procfs: string) => procyon(['renice', String(pid), '5', '--procfs', procfs])],
  ])('%s: refused with NOT_LIVE, and the real process is untouched', async (_name, run) => {
    const { child, procfs } = await liveChildAndItsCapture();
    const r = run(child.pid!, procfs);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^procyon: NOT_LIVE: refusing to .* not this machine's live \/proc/);
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(stateOf(child.pid!)).toBe('S');
    expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]).toBe(String(getPriority()));
  });
});

describe('a captured tree is one machine, however it is named', () => {
  // getifaddrs, utmp and statvfs ask this machine's kernel: under a captured tree they would mix its NICs,
  // users and mounts into the tree's data. PROCYON_PROCFS must count as captured as --procfs does.
  it.each([
    ['--procfs', (procfs: string) => procyon(['snapshot', '--json', '--procfs', procfs])],
    ['PROCYON_PROCFS', (procfs: string) => procyon(['snapshot', '--json'], { PROCYON_PROCFS: procfs })],
    ['PROCYON_SYSFS', () => procyon(['snapshot', '--json'], { PROCYON_SYSFS: path.join(scratch, 'no-sys') })],
  ])('snapshot --json with %s leaves out what only the live machine has', (_name, run) => {
    const r = run(FIXTURE_PROC);
    expect(r.status, r.stderr).toBe(0);
    const snap = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(snap).not.toHaveProperty('netIfAddrs');
    expect(snap).not.toHaveProperty('users');
    expect(snap.diskUsage).toEqual({});
  });

  it('snapshot --json of the live machine still has them', () => {
    const r = procyon(['snapshot', '--json'], { PROCYON_PROCFS: '', PROCYON_SYSFS: '' });
    expect(r.status, r.stderr).toBe(0);
    const snap = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(snap).toHaveProperty('netIfAddrs');
    expect(snap).toHaveProperty('users');
  });
});
