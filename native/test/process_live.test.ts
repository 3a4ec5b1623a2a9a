// Process against real processes this test spawns, and against psutil
// (python3-psutil) reading the same pids.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

import { until } from '../../test/support/until.mjs';
import { PACKAGE_DIR, collector, settled } from './helpers';

const { Process, NoSuchProcess, ZombieProcess, TimeoutExpired, InvalidArgument } = collector;
type Proc = InstanceType<typeof Process>;

const PYTHON = '/usr/bin/python3';
const havePsutil = spawnSync(PYTHON, ['-c', 'import psutil'], { encoding: 'utf8' }).status === 0;
const children: ChildProcess[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-proc-'));

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Spawns and waits for the first stdout line (the helper says it is ready). */
async function spawnReady(cmd: string, args: string[], options: Parameters<typeof spawn>[2] = {}): Promise<{ child: ChildProcess; line: string }> {
  const child = track(spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options }));
  const lines = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${cmd} exited (${code}) before it was ready`)));
  });
  return { child, line };
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

function psutil(pid: number, expr = 'p.as_dict()'): Record<string, unknown> {
  const script = `
import json, psutil, sys
p = psutil.Process(${pid})
def conv(o):
    if hasattr(o, '_asdict'): return o._asdict()
    return str(o)
print(json.dumps(${expr}, default=conv))
`;
  const r = spawnSync(PYTHON, ['-W', 'ignore', '-c', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psutil failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Where our descriptors on /proc/<pid>/… files point (not the one readdir holds on our own fd/ listing). */
function procFilesHeld(): string[] {
  const listing = `/proc/${process.pid}/fd`;
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed meanwhile (the listing's own fd)
      }
    })
    .filter((target) => /^\/proc\/\d+\//.test(target) && target !== listing)
    .sort();
}


describe('capabilities', () => {
  it('reports the process API on Linux', () => {
    expect(collector.capabilities()).toMatchObject({
      pids: true,
      pidExists: true,
      Process: true,
      processIter: true,
      waitProcs: true,
      processTable: true,
    });
  });
});

describe('spawned processes', () => {
  it('a name with spaces and parentheses (comm and argv[0])', async () => {
    const link = path.join(scratch, 'a) (b');
    symlinkSync('/bin/sleep', link);
    const child = track(spawn('bash', ['-c', `exec -a 'a) (b' '${link}' 30`], { stdio: 'ignore' }));
    await settled(child.pid, 'a) (b');
    const p = await Process.create(child.pid!);
    expect(await p.name()).toBe('a) (b');
    expect(await p.cmdline()).toEqual(['a) (b', '30']);
    expect(await p.status()).toBe('sleeping');
    expect(await p.ppid()).toBe(process.pid);
    if (havePsutil) {
      const ps = psutil(child.pid!);
      expect(await p.name()).toBe(ps.name);
      expect(await p.cmdline()).toEqual(ps.cmdline);
      expect(Math.abs((await p.createTime()) - (ps.create_time as number))).toBeLessThan(0.02);
    }
  });

  it('many threads: numThreads and threads() match psutil', async () => {
    const { child } = await spawnReady(PYTHON, [
      '-c',
      'import threading,time\nfor _ in range(10): threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\nprint("ready", flush=True)\ntime.sleep(30)',
    ]);
    const p = await Process.create(child.pid!);
    expect(await p.numThreads()).toBe(11);
    const threads = await p.threads();
    expect(threads).toHaveLength(11);
    expect(threads[0]!.id).toBe(child.pid);
    if (havePsutil) {
      const ps = psutil(child.pid!, '[t.id for t in p.threads()]') as unknown as number[];
      expect(threads.map((t) => t.id).sort()).toEqual([...ps].sort());
    }
  });

  it('a zombie: status, ZombieProcess on exe/cwd, [] cmdline, still running', async () => {
    const { line } = await spawnReady(PYTHON, [
      '-c',
      'import os,time\npid=os.fork()\nif pid==0: os._exit(3)\nprint(pid, flush=True)\ntime.sleep(30)',
    ]);
    const zpid = Number(line);
    await settled(zpid, 'python3', 'Z');
    const z = await Process.create(zpid);
    expect(await z.status()).toBe('zombie');
    await expect(z.exe()).rejects.toBeInstanceOf(ZombieProcess);
    await expect(z.cwd()).rejects.toBeInstanceOf(ZombieProcess);
    // psutil 6: cmdline() of a zombie raises ZombieProcess (it gave [] before 6.0).
    await expect(z.cmdline()).rejects.toBeInstanceOf(ZombieProcess);
    expect(await z.isRunning()).toBe(true);
    const d = await z.asDict({ attrs: ['pid', 'status', 'exe', 'cwd'], adValue: 'AD' });
    expect(d).toEqual({ pid: zpid, status: 'zombie', exe: 'AD', cwd: 'AD' });
    if (havePsutil) expect(psutil(zpid, 'p.status()')).toBe('zombie');
    await expect(z.wait({ timeout: 0.05 })).rejects.toBeInstanceOf(TimeoutExpired);
  });

  it('stopped and resumed through suspend()/resume()', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    await p.suspend();
    // SIGSTOP takes effect when the child is next scheduled.
    await expect.poll(() => p.status(), { timeout: 15_000 }).toBe('stopped');
    if (havePsutil) expect(psutil(child.pid!, 'p.status()')).toBe('stopped');
    await p.resume();
    await expect.poll(() => p.status(), { timeout: 15_000 }).toBe('sleeping');
  });

  it('open files and sockets, as psutil sees them', async () => {
    const file = path.join(scratch, 'data.log');
    writeFileSync(file, 'x'.repeat(10));
    const sock = path.join(scratch, 'u.sock');
    const { child } = await spawnReady(PYTHON, [
      '-c',
      `import socket,time
f=open(${JSON.stringify(file)},'a'); f.write('abc'); f.flush()
g=open(${JSON.stringify(file)},'r+'); g.seek(5)
t=socket.socket(); t.bind(('127.0.0.1',0)); t.listen()
u=socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.bind(('::1',0))
x=socket.socket(socket.AF_UNIX); x.bind(${JSON.stringify(sock)}); x.listen()
print('ready', flush=True)
time.sleep(30)`,
    ]);
    const p = await Process.create(child.pid!);
    const files = await p.openFiles();
    const mine = files.filter((f) => f.path === file);
    expect(mine.map((f) => [f.mode, f.position])).toEqual([
      ['a', 13],
      ['r+', 5],
    ]);
    const conns = await p.netConnections({ kind: 'all' });
    const tcp = conns.find((c) => c.family === collector.AF_INET && c.type === collector.SOCK_STREAM)!;
    expect(tcp.status).toBe('LISTEN');
    expect(tcp.laddr).toMatchObject({ ip: '127.0.0.1' });
    expect(tcp.raddr).toBeNull();
    const udp6 = conns.find((c) => c.family === collector.AF_INET6)!;
    expect(udp6).toMatchObject({ type: collector.SOCK_DGRAM, status: 'NONE', laddr: { ip: '::1' } });
    // fd 1 is a unix socket too (node's stdout pipe is a socketpair): look for ours by path.
    expect(conns.find((c) => c.family === collector.AF_UNIX && c.laddr === sock)).toMatchObject({ type: collector.SOCK_STREAM, raddr: '', status: 'NONE' });
    expect(await p.netConnections()).toHaveLength(2); // inet: tcp + udp6
    expect(await p.netConnections({ kind: 'tcp4' })).toHaveLength(1);
    await expect(p.netConnections({ kind: 'bogus' as 'all' })).rejects.toBeInstanceOf(InvalidArgument);
    if (havePsutil) {
      const ps = psutil(child.pid!, '{"files": [f._asdict() for f in p.open_files()], "conns": [[c.fd, int(c.family), int(c.type), list(c.laddr) if isinstance(c.laddr, tuple) else c.laddr, c.status] for c in p.connections("all")]}') as {
        files: { path: string; fd: number; position: number; mode: string; flags: number }[];
        conns: [number, number, number, unknown, string][];
      };
      expect(files.map((f) => [f.path, f.fd, f.position, f.mode, f.flags])).toEqual(
        ps.files.map((f) => [f.path, f.fd, f.position, f.mode, f.flags]).sort((a, b) => (a[1] as number) - (b[1] as number)),
      );
      const ours = conns.map((c) => [
        c.fd,
        c.family,
        c.type,
        typeof c.laddr === 'string' || c.laddr === null ? (c.laddr ?? []) : [c.laddr.ip, c.laddr.port],
        c.status,
      ]);
      expect(ours.sort()).toEqual([...ps.conns].sort());
    }
  });

  it('nice and rlimits set by the child (renice/ulimit), then by us', async () => {
    const child = track(spawn('bash', ['-c', 'ulimit -n 123; exec nice -n 5 sleep 30'], { stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const p = await Process.create(child.pid!);
    // nice(1) adds to the nice it inherits (this suite may itself run niced), up to 19.
    expect(await p.nice()).toBe(Math.min(getPriority() + 5, 19));
    expect(await p.rlimit(collector.RLIMIT_NOFILE)).toEqual([123, 123]);
    await p.nice(10);
    expect(await p.nice()).toBe(10);
    await p.rlimit(collector.RLIMIT_NOFILE, [100, 120]);
    expect(await p.rlimit(collector.RLIMIT_NOFILE)).toEqual([100, 120]);
    await p.rlimit(collector.RLIMIT_CORE, [collector.RLIM_INFINITY, collector.RLIM_INFINITY]);
    expect(await p.rlimit(collector.RLIMIT_CORE)).toEqual([-1, -1]);
    await p.ionice(collector.IOPRIO_CLASS_BE, 6);
    expect(await p.ionice()).toEqual({ ioclass: 2, value: 6 });
    await expect(p.ionice(collector.IOPRIO_CLASS_IDLE, 3)).rejects.toBeInstanceOf(InvalidArgument);
    await expect(p.ionice(collector.IOPRIO_CLASS_BE, 8)).rejects.toBeInstanceOf(InvalidArgument);
    await expect(p.ionice(undefined, 3)).rejects.toBeInstanceOf(InvalidArgument);
    await p.cpuAffinity([0]);
    expect(await p.cpuAffinity()).toEqual([0]);
    await p.cpuAffinity([]);
    expect((await p.cpuAffinity())!.length).toBe((await collector.cpuCount())!);
    await expect(p.cpuAffinity([99])).rejects.toBeInstanceOf(InvalidArgument);
    if (havePsutil) {
      const ps = psutil(child.pid!, '[p.nice(), list(p.rlimit(psutil.RLIMIT_NOFILE)), list(p.ionice())]');
      expect(ps).toEqual([10, [100, 120], [2, 6]]);
    }
  });

  it('environ with "=", newlines and unicode', async () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', EQ: 'a=b=c', NL: 'one\ntwo', UNI: 'ünïcødé ✓ 日本' };
    const child = track(spawn('sleep', ['30'], { env, stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const p = await Process.create(child.pid!);
    expect(await p.environ()).toEqual(env);
    if (havePsutil) expect(psutil(child.pid!, 'p.environ()')).toEqual(env);
  });

  it.skipIf(!havePsutil)('asDict() of a sleeping process agrees with psutil', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore', cwd: scratch }));
    await settled(child.pid, 'sleep');
    const p = await Process.create(child.pid!);
    const d = await p.asDict();
    const ps = psutil(child.pid!);
    for (const [ours, theirs] of [
      ['pid', 'pid'],
      ['ppid', 'ppid'],
      ['name', 'name'],
      ['exe', 'exe'],
      ['cmdline', 'cmdline'],
      ['status', 'status'],
      ['username', 'username'],
      ['cwd', 'cwd'],
      ['nice', 'nice'],
      ['numThreads', 'num_threads'],
      ['numFds', 'num_fds'],
      ['terminal', 'terminal'],
      ['cpuAffinity', 'cpu_affinity'],
    ] as const) {
      expect(d[ours], ours).toEqual(ps[theirs]);
    }
    expect(Object.values(d.uids as object)).toEqual(ps.uids);
    expect(Object.values(d.gids as object)).toEqual(ps.gids);
    expect(Object.values(d.ionice as object)).toEqual(ps.ionice);
    expect(Math.abs((d.createTime as number) - (ps.create_time as number))).toBeLessThan(0.02);
    expect((d.memoryInfo as { vms: number }).vms).toBe((ps.memory_info as number[])[1]);
    expect((d.memoryFullInfo as { uss: number }).uss).toBeGreaterThan(0);
    expect(Object.keys(d).sort()).toEqual([...collector.PROCESS_ATTRS].sort());
  });
});

describe('identity and errors', () => {
  it('an exited pid → NoSuchProcess, for reads and actions', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    child.kill('SIGKILL');
    await exited(child);
    await expect(p.status()).rejects.toBeInstanceOf(NoSuchProcess);
    await expect(p.kill()).rejects.toBeInstanceOf(NoSuchProcess);
    await expect(Process.create(child.pid!)).rejects.toBeInstanceOf(NoSuchProcess);
    expect(await p.isRunning()).toBe(false);
    expect(await p.wait()).toBeNull();
  });

  it('actions on a stale instance touch nothing: old exits, new one lives', async () => {
    const first = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const old = await Process.create(first.pid!);
    first.kill('SIGKILL');
    await exited(first);
    const second = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const fresh = await Process.create(second.pid!);
    for (const act of [() => old.kill(), () => old.terminate(), () => old.suspend(), () => old.nice(3), () => old.children(), () => old.parent()]) {
      await expect(act()).rejects.toBeInstanceOf(NoSuchProcess);
    }
    // A sleep just spawned may still be 'running' through exec; had the old
    // instance's suspend reached it, it would stay 'stopped' and this would time out.
    await expect.poll(() => fresh.status()).toBe('sleeping');
    expect(await fresh.nice()).toBe(getPriority());
  });

  it('the identity check itself: the same pid with a different createTime is refused', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const real = await Process.create(child.pid!);
    // What a reused pid looks like from the old instance: same pid, another createTime.
    const impostor = new Process(child.pid!, (await real.createTime()) - 1000, real.roots);
    await expect(impostor.kill()).rejects.toThrow(/PID has been reused/);
    await expect(impostor.sendSignal('SIGSTOP')).rejects.toBeInstanceOf(NoSuchProcess);
    await expect(impostor.nice(7)).rejects.toBeInstanceOf(NoSuchProcess);
    await expect(impostor.rlimit(collector.RLIMIT_NOFILE, [10, 10])).rejects.toBeInstanceOf(NoSuchProcess);
    await expect(impostor.cpuAffinity([0])).rejects.toBeInstanceOf(NoSuchProcess);
    // Had the impostor's SIGSTOP reached it, it would stay 'stopped' and this would time out.
    await expect.poll(() => real.status()).toBe('sleeping');
    expect(await real.nice()).toBe(getPriority());
    expect(await real.rlimit(collector.RLIMIT_NOFILE)).not.toEqual([10, 10]);
    expect(child.exitCode).toBeNull();
    // Our own child: its exit status, as Popen.returncode gives it (-SIGTERM); the wait's watch taken before the signal (see wait() above).
    const exit = real.wait({ timeout: 5 });
    await real.terminate();
    expect(await exit).toBe(-15);
    expect(child.signalCode === 'SIGTERM' || (await new Promise((r) => child.once('exit', (_c, s) => r(s)))) === 'SIGTERM').toBe(true);
  });

  it('AccessDenied as an unprivileged user (environ of pid 1, signalling root)', async () => {
    if (spawnSync('id', ['procyon-test']).status !== 0) {
      const made = spawnSync('useradd', ['-M', '-s', '/usr/sbin/nologin', 'procyon-test']);
      if (made.status !== 0 && spawnSync('id', ['procyon-test']).status !== 0) throw new Error(`useradd failed: ${made.stderr}`);
    }
    const target = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const script = `
const c = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))});
(async () => {
  const out = {};
  const name = (e) => (e && e.constructor ? e.constructor.name : String(e));
  try { await (await c.Process.create(1)).environ(); out.environ = 'ok'; } catch (e) { out.environ = name(e); out.pid = e.pid; }
  try { await (await c.Process.create(${target.pid})).kill(); out.kill = 'ok'; } catch (e) { out.kill = name(e); out.killPid = e.pid; out.killName = e.processName; }
  const d = await (await c.Process.create(1)).asDict({ attrs: ['pid', 'environ', 'name'], adValue: 'denied' });
  out.asDict = d.environ;
  console.log(JSON.stringify(out));
})();`;
    const r = spawnSync('runuser', ['-u', 'procyon-test', '--', process.execPath, '-e', script], { encoding: 'utf8', cwd: '/' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ environ: 'AccessDenied', pid: 1, kill: 'AccessDenied', killPid: target.pid, killName: 'sleep', asDict: 'denied' });
    expect(target.exitCode).toBeNull();
  });
});

describe('oneshot, processIter, waitProcs, wait', () => {
  it('asDict and oneshot read in one trip to the worker', async () => {
    const binding = createRequire(import.meta.url)(path.join(PACKAGE_DIR, 'dist', 'native.js')).binding as { processRead: (o: unknown) => Promise<unknown> };
    const original = binding.processRead;
    let calls = 0;
    binding.processRead = (o: unknown) => {
      calls += 1;
      return original.call(binding, o);
    };
    try {
      const p = await Process.create();
      calls = 0;
      await p.asDict({ attrs: ['name', 'ppid', 'status', 'uids', 'gids', 'memoryInfo', 'numThreads', 'cpuTimes', 'username', 'cmdline'] });
      expect(calls).toBe(1);
      calls = 0;
      const got = await p.oneshot(async () => [await p.name(), await p.ppid(), await p.uids(), await p.numCtxSwitches(), await p.cpuTimes()]);
      // A comm of 15 characters may be cut short, so name() reads cmdline too, as
      // psutil's does (Node 26 names its main thread "node-MainThread").
      const commFull = readFileSync('/proc/self/comm', 'utf8').trimEnd().length >= 15;
      expect(calls).toBe(commFull ? 2 : 1);
      expect(got[1]).toBe(process.ppid);
      calls = 0;
      await p.ppid();
      await p.ppid();
      expect(calls).toBe(2); // outside oneshot nothing is cached
    } finally {
      binding.processRead = original;
    }
  });

  it('processIter caches instances while (pid, createTime) lives, with info from attrs', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const first: Proc[] = [];
    for await (const p of collector.processIter({ attrs: ['name', 'ppid'] })) first.push(p);
    const mine = first.find((p) => p.pid === child.pid)!;
    expect(mine.info).toEqual({ name: 'sleep', ppid: process.pid });
    const again: Proc[] = [];
    for await (const p of collector.processIter()) again.push(p);
    expect(again.find((p) => p.pid === child.pid)).toBe(mine);
    expect(again.map((p) => p.pid)).toEqual([...again.map((p) => p.pid)].sort((a, b) => a - b));
    collector.processIter.cacheClear();
    const third: Proc[] = [];
    for await (const p of collector.processIter()) third.push(p);
    expect(third.find((p) => p.pid === child.pid)).not.toBe(mine);
    expect(await collector.pids()).toContain(child.pid);
    expect(await collector.pidExists(child.pid!)).toBe(true);
    expect(await collector.pidExists(2 ** 22 + 1)).toBe(false);
  });

  it('children() and parent(); waitProcs() returns gone and alive', async () => {
    const a = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const b = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const me = await Process.create();
    const kids = await me.children();
    expect(kids.map((k) => k.pid)).toEqual(expect.arrayContaining([a.pid, b.pid]));
    const pa = await Process.create(a.pid!);
    expect((await pa.parent())!.pid).toBe(process.pid);
    const pb = await Process.create(b.pid!);
    // b ends when we say so, not after a time that a loaded machine may overrun.
    b.kill('SIGKILL');
    const seen: number[] = [];
    const { gone, alive } = await collector.waitProcs([pa, pb], { timeout: 3, callback: (p) => void seen.push(p.pid) });
    expect(gone.map((p) => p.pid)).toEqual([b.pid]);
    expect(alive.map((p) => p.pid)).toEqual([a.pid]);
    expect(seen).toEqual([b.pid]);
    // Our own child, killed: its status as Popen.returncode gives it (-SIGKILL).
    expect(gone[0]!.returncode).toBe(-9);
  });

  it('wait(): TimeoutExpired while alive, -SIGTERM once terminated (our child)', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    await expect(p.wait({ timeout: 0.2 })).rejects.toBeInstanceOf(TimeoutExpired);
    expect(await p.isRunning()).toBe(true);
    expect(child.exitCode).toBeNull();
    // wait() takes its watch (a pidfd) when called: taken after terminate() has awaited, libuv may already have
    // reaped the child on a slow machine, and then the status is gone (null, as psutil's for a process it cannot reap).
    const exit = p.wait({ timeout: 5 });
    await p.terminate();
    expect(await exit).toBe(-15);
    await expect(p.wait({ timeout: -1 })).rejects.toBeInstanceOf(InvalidArgument);
  });

  it('cpuPercent: blocking measures a busy child, non-blocking starts at 0', async () => {
    // How much of a core the child gets depends on the machine's load, so only
    // relations that hold under any load are checked here; the bench measures shares.
    const child = track(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    expect(await p.cpuPercent()).toBe(0);
    // No ceiling either: node's startup threads, and reads delayed on a loaded
    // machine against a short interval, can both go past 100 % of a core.
    expect(await until(() => p.cpuPercent({ interval: 0.1 }), { what: 'a blocking cpuPercent above 0' })).toBeGreaterThan(0);
    expect(await until(() => p.cpuPercent(), { what: 'a non-blocking cpuPercent above 0' })).toBeGreaterThan(0);
    await expect(p.cpuPercent({ interval: -1 })).rejects.toBeInstanceOf(InvalidArgument);
    await p.kill();
  });

  it('memoryPercent and its memtype validation', async () => {
    const p = await Process.create();
    const pct = await p.memoryPercent();
    expect(pct).toBeGreaterThan(0);
    expect(pct).toBeLessThan(100);
    expect(await p.memoryPercent({ memtype: 'uss' })).toBeLessThanOrEqual(pct + 1);
    await expect(p.memoryPercent({ memtype: 'nope' as 'rss' })).rejects.toBeInstanceOf(InvalidArgument);
  });
});

describe('processTable', () => {
  it('rows for spawned processes with the right name, ppid and cmdline', async () => {
    const child = track(spawn('sleep', ['31.5'], { stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const table = await collector.processTable();
    const row = table.rows.find((r) => r.pid === child.pid)!;
    expect(row).toMatchObject({ name: 'sleep', ppid: process.pid, cmdline: ['sleep', '31.5'], status: 'sleeping', username: 'root', exe: '/usr/bin/sleep' });
    const self = table.rows.find((r) => r.pid === process.pid)!;
    const p = await Process.create();
    expect(self.createTime).toBe(await p.createTime());
    expect(self.rss).toBeGreaterThan(0);
    expect(self.readBytes).not.toBeNull();
    const narrow = await collector.processTable({ fields: ['name'] });
    expect(Object.keys(narrow.rows[0]!).sort()).toEqual(['createTime', 'name', 'pid']);
    await expect(collector.processTable({ fields: ['bogus' as 'name'] })).rejects.toBeInstanceOf(InvalidArgument);
  });

  it('the optional columns (fds, context switches, uss) agree with psutil', async () => {
    // A sleeping child with two extra descriptors: nothing moves while we compare.
    const child = track(spawn('bash', ['-c', 'exec 3</etc/hostname 4</etc/hostname; exec sleep 30'], { stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const read = async () => (await collector.processTable({ fields: ['numFds', 'numCtxSwitches', 'uss'] })).rows;
    const rows = await read();
    const row = rows.find((r) => r.pid === child.pid)!;
    expect(Object.keys(row).sort()).toEqual(['createTime', 'numCtxSwitches', 'numFds', 'pid', 'uss']);
    expect(row.numFds).toBe(readdirSync(`/proc/${child.pid}/fd`).length);
    // 0-2 and the two above are there whatever else the runner leaks to children.
    const fds = readdirSync(`/proc/${child.pid}/fd`).map(Number);
    expect(fds).toEqual(expect.arrayContaining([0, 1, 2, 3, 4]));
    expect(readlinkSync(`/proc/${child.pid}/fd/3`)).toBe(readlinkSync(`/proc/${child.pid}/fd/4`));
    expect(row.uss).toBeGreaterThan(0);
    const kthreadd = rows.find((r) => r.pid === 2);
    // A kernel thread has no memory map: smaps_rollup says ESRCH and psutil raises; the table shows "—".
    if (kthreadd) expect(kthreadd.uss).toBeNull();
    if (havePsutil) {
      // USS moves when another process maps or drops the same pages (a sleep
      // started by a parallel test shares them): compare psutil's reading with
      // ours taken just before and just after, once the two of ours agree.
      const agreed = await until(async () => {
        const before = (await read()).find((r) => r.pid === child.pid)!;
        const ps = psutil(child.pid!, '{"fds": p.num_fds(), "ctx": p.num_ctx_switches()._asdict(), "uss": p.memory_full_info().uss}');
        const after = (await read()).find((r) => r.pid === child.pid)!;
        return before.uss === after.uss && after.uss === ps.uss && { row: after, ps };
      }, { what: 'a USS that holds still across our two reads and psutil\'s' });
      expect(agreed.row.numFds).toBe(agreed.ps.fds);
      expect(agreed.row.numCtxSwitches).toEqual(agreed.ps.ctx);
      expect(agreed.row.uss).toBe(agreed.ps.uss);
    }
  });

  it('processTableRates: cpuPercent of a busy child and null for new rows', async () => {
    const child = track(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const mine = (t: Awaited<ReturnType<typeof collector.processTable>>) => t.rows.find((r) => r.pid === child.pid);
    const a = await collector.processTable({ fields: ['cpuTimes', 'io'] });
    // The share a busy child gets depends on the load (the bench measures it);
    // what holds always: its CPU time grows, and the rate is that growth over the scans' interval.
    const b = await until(async () => {
      const next = await collector.processTable({ fields: ['cpuTimes', 'io'] });
      return mine(next)!.cpuTimes! > mine(a)!.cpuTimes! && next;
    }, { what: 'CPU time of the busy child to grow' });
    const busy = collector.processTableRates(a, b).find((r) => r.pid === child.pid)!;
    // Over the time that covers both reads of the child's CPU clock: from the first scan's start to the end of the second's CPU reads.
    const expected = (100 * (mine(b)!.cpuTimes! - mine(a)!.cpuTimes!)) / ((b.cpuTimesUntil ?? b.timestamp) - a.timestamp);
    expect(busy.cpuPercent).toBeGreaterThan(0);
    expect(busy.cpuPercent).toBeCloseTo(expected, 1);
    child.kill('SIGKILL');
    expect(collector.processTableRates({ timestamp: 0, rows: [] }, b)[0]!.cpuPercent).toBeNull();
  });

  it('churn: 200 short processes while calling processTable 50 times → no error, no fd leak', async () => {
    // processTable keeps each live process's stat/io open between calls: the
    // cache is cleared at both ends so only a leak would change the count.
    collector.processTable.cacheClear();
    const before = procFilesHeld();
    let spawned = 0;
    let running = 0;
    const spawner = (async () => {
      while (spawned < 200) {
        if (running >= 8) {
          await new Promise((r) => setTimeout(r, 2));
          continue;
        }
        spawned += 1;
        running += 1;
        const c = spawn('true', [], { stdio: 'ignore' });
        c.once('exit', () => (running -= 1));
        c.once('error', () => (running -= 1));
      }
      while (running > 0) await new Promise((r) => setTimeout(r, 5));
    })();
    for (let i = 0; i < 50; i++) {
      const table = await collector.processTable({ fields: ['ppid', 'name', 'cmdline', 'exe', 'username', 'memory', 'io', 'terminal'] });
      expect(table.rows.length).toBeGreaterThan(0);
    }
    await spawner;
    expect(spawned).toBe(200);
    collector.processTable.cacheClear();
    // Only our descriptors on /proc files: others come and go with the runner.
    expect(procFilesHeld()).toEqual(before);
  });

  it('a process that execs shows its new command line at once, not after the cache refresh', async () => {
    // The shell execs when we write a line, so both readings are taken in the state they expect.
    const child = track(spawn('sh', ['-c', 'read go; exec sleep 30'], { stdio: ['pipe', 'ignore', 'ignore'] }));
    await settled(child.pid, 'sh');
    const before = (await collector.processTable({ fields: ['name', 'cmdline', 'exe'] })).rows.find((r) => r.pid === child.pid)!;
    expect(before).toMatchObject({ name: 'sh', cmdline: ['sh', '-c', 'read go; exec sleep 30'] });
    child.stdin!.end('go\n');
    await settled(child.pid, 'sleep');
    const after = (await collector.processTable({ fields: ['name', 'cmdline', 'exe'] })).rows.find((r) => r.pid === child.pid)!;
    expect(after).toMatchObject({ name: 'sleep', cmdline: ['sleep', '30'] });
    expect(after.exe).toMatch(/sleep$/);
    child.kill('SIGKILL');
  });

  it('finds every process /proc lists while children start and die (the pid list is reused only while no pid is allocated)', async () => {
    const listed = () => new Set(readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number));
    const kids: ChildProcess[] = [];
    const problems: string[] = [];
    try {
      for (let i = 0; i < 60; i++) {
        if (i % 3 === 0) kids.push(track(spawn('sleep', ['10'], { stdio: 'ignore' })));
        if (i % 5 === 4) kids.shift()!.kill('SIGKILL');
        // Every other round nothing is spawned: the scan may reuse its list then.
        if (i % 2) await new Promise((r) => setTimeout(r, 20));
        const before = listed();
        const listedAt = Date.now() / 1000;
        const table = await collector.processTable({ fields: ['name'] });
        const after = listed();
        const got = new Set(table.rows.map((r) => r.pid));
        for (const pid of before) if (after.has(pid) && !got.has(pid)) problems.push(`round ${i}: ${pid} missing`);
        // A row in neither listing is a process someone started after the first
        // and that ended before the second (other tests run meanwhile), unless
        // it started before the first listing: then the scan used a stale list.
        // (createTime counts from the boot time, whole seconds: hence the slack.)
        for (const row of table.rows) {
          if (!before.has(row.pid) && !after.has(row.pid) && row.createTime < listedAt - 2) problems.push(`round ${i}: ${row.pid} is not in /proc`);
        }
      }
    } finally {
      for (const k of kids) k.kill('SIGKILL');
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('holds stat/io open only for live processes: a reaped child is dropped and its files closed', async () => {
    const fields = ['name', 'cpuTimes', 'io'] as const;
    // Only the descriptors on this child's files are compared: the table holds
    // files for every process, and parallel tests start and end processes meanwhile.
    const heldFor = (pid: number) => procFilesHeld().filter((target) => target.startsWith(`/proc/${pid}/`));
    // At most half the soft fd limit is held: on a machine with more processes than that covers, a new child may not get any.
    const softLimit = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 1024);
    const roomForAll = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).length * 2 < Math.min(softLimit / 2, 32768) - 64;
    collector.processTable.cacheClear();
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    await settled(child.pid, 'sleep');
    const base = procFilesHeld();
    const first = await collector.processTable({ fields: [...fields] });
    expect(first.rows.find((r) => r.pid === child.pid)?.name).toBe('sleep');
    // Read again from the held files: the same row, and no descriptor opened per call.
    const held = heldFor(child.pid!);
    if (roomForAll) expect(held).toEqual([`/proc/${child.pid}/io`, `/proc/${child.pid}/stat`]);
    const again = await collector.processTable({ fields: [...fields] });
    expect(again.rows.find((r) => r.pid === child.pid)?.createTime).toBe(first.rows.find((r) => r.pid === child.pid)?.createTime);
    expect(heldFor(child.pid!)).toEqual(held);
    child.kill('SIGKILL');
    await exited(child); // 'exit' comes once node has reaped it
    const after = await collector.processTable({ fields: [...fields] });
    expect(after.rows.find((r) => r.pid === child.pid)).toBeUndefined();
    expect(heldFor(child.pid!)).toEqual([]);
    collector.processTable.cacheClear();
    expect(procFilesHeld()).toEqual(base);
  });
});
