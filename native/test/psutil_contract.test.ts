// psutil's contract where the collector used to differ (issue 18): as_dict's
// attrs, Process(None), wait()'s exit status, zombies, ppid()'s pid-reuse
// check, the words of invalid arguments, rlimit refusals, and the first
// non-blocking cpu_percent(). The reference is psutil 6.1.0's documentation
// (../shared/reference/psutil-doc-current.rst); Debian's python3-psutil is
// the live oracle where its release (5.9.x) agrees with 6.1.0.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../../test/support/until.mjs';

import { PACKAGE_DIR, collector, makeTree, settle } from './helpers';

const { Process, InvalidArgument, NoSuchProcess, ZombieProcess, AccessDenied, RLIMIT_NOFILE, PROCESS_ATTRS } = collector;

const PYTHON = '/usr/bin/python3';
const havePsutil = spawnSync(PYTHON, ['-c', 'import psutil'], { encoding: 'utf8' }).status === 0;
const children: ChildProcess[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-contract-'));

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

function python(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(PYTHON, ['-W', 'ignore', '-c', script], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout.trim();
}


/** The state letter of /proc/<pid>/stat, or null once the pid is gone. */
function stateOf(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Blocks this thread until <pid> is a zombie: the event loop does not run, so
 * libuv cannot reap it meanwhile. A condition, polled, with a deadline.
 */
function blockUntilZombie(pid: number): void {
  const stopAt = Date.now() + 20_000;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (stateOf(pid) !== 'Z') {
    if (Date.now() > stopAt) throw new Error(`pid ${pid} never became a zombie`);
    Atomics.wait(nap, 0, 0, 2);
  }
}

function exitOf(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve([child.exitCode, child.signalCode]);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
}

// PIDFD_INFO_EXIT (Linux 6.15): the status of a child libuv reaped before wait() looked.
const kernelKeepsExitStatus = (() => {
  const [major = 0, minor = 0] = release().split('.').map(Number);
  return major > 6 || (major === 6 && minor >= 15);
})();

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('asDict / processIter attrs and Process(None)', () => {
  it('an empty attrs list means every attribute, the same set as psutil as_dict()', async () => {
    const me = await Process.create();
    const all = Object.keys(await me.asDict({ attrs: [] })).sort();
    expect(all).toEqual([...PROCESS_ATTRS].sort());
    expect(all).toEqual(Object.keys(await me.asDict()).sort());
    if (havePsutil) {
      // 5.9's 'connections' is 6.0's 'net_connections'; names are camelCase here.
      const keys = JSON.parse(python('import json, psutil; print(json.dumps(list(psutil.Process().as_dict().keys())))')) as string[];
      const theirs = keys.map((k) => (k === 'connections' ? 'netConnections' : camel(k))).sort();
      expect(all).toEqual([...new Set(theirs)].sort());
    }
  });

  it('processIter({attrs: []}) gives each process every attribute', async () => {
    // The first 20 processes it yields (it reads each as it goes, so stopping
    // there bounds the work on a machine with thousands of processes).
    // A container may run fewer than 20: then the walk ends by itself and must
    // have yielded this test's own process.
    const seen: string[][] = [];
    const pids: number[] = [];
    let stopped = false;
    for await (const p of collector.processIter({ attrs: [] })) {
      seen.push(Object.keys(p.info!).sort());
      pids.push(p.pid);
      if (seen.length === 20) { stopped = true; break; }
    }
    if (!stopped) expect(pids).toContain(process.pid);
    expect(seen.length).toBeGreaterThan(0);
    for (const keys of seen) expect(keys).toEqual([...PROCESS_ATTRS].sort());
  });

  it('attrs may be any iterable (a Set), duplicates once; a string is refused', async () => {
    const me = await Process.create();
    expect(await me.asDict({ attrs: new Set(['pid', 'name'] as const) })).toEqual({ pid: process.pid, name: await me.name() });
    expect(Object.keys(await me.asDict({ attrs: ['pid', 'pid'] }))).toEqual(['pid']);
    const refused = await settle(me.asDict({ attrs: 'pid' as never }));
    expect(refused.error).toBeInstanceOf(InvalidArgument);
  });

  it('Process.create(null) and Process.create(undefined) are this process, as Process(None)', async () => {
    expect((await Process.create(null)).pid).toBe(process.pid);
    expect((await Process.create(undefined)).pid).toBe(process.pid);
  });
});

describe('wait() and waitProcs(): the exit status of a child of this process', () => {
  it('a child that exits 7 (read while it is a zombie): 7, and Node still sees its exit', async () => {
    const flag = path.join(scratch, 'go7');
    const child = track(spawn('sh', ['-c', `while [ ! -e '${flag}' ]; do sleep 0.01; done; exit 7`], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    writeFileSync(flag, '');
    blockUntilZombie(child.pid!);
    expect(await p.wait({ timeout: 20 })).toBe(7);
    // Not reaped by wait(): libuv still reaps it and reports the same code.
    expect(await exitOf(child)).toEqual([7, null]);
    expect(await p.wait()).toBe(7); // remembered, as psutil's _exitcode
  });

  it('a child killed by SIGKILL: -9 (Popen.returncode), and Node still sees the signal', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    process.kill(child.pid!, 'SIGKILL');
    blockUntilZombie(child.pid!);
    expect(await p.wait({ timeout: 20 })).toBe(-9);
    expect(await exitOf(child)).toEqual([null, 'SIGKILL']);
  });

  it('a child that libuv reaps before wait() looks: the status the kernel kept for the pidfd', async () => {
    const child = track(spawn('sh', ['-c', 'read x; exit 3'], { stdio: ['pipe', 'ignore', 'ignore'] }));
    const p = await Process.create(child.pid!);
    const waiting = p.wait({ timeout: 30 });
    child.stdin!.end('go\n');
    const [code] = await exitOf(child);
    expect(code).toBe(3);
    const returncode = await waiting;
    // Linux < 6.15 keeps no status once reaped: psutil's "unknown" (null) is all there is then.
    if (kernelKeepsExitStatus) expect(returncode).toBe(3);
    else expect([3, null]).toContain(returncode);
  });

  it('waitProcs() sets returncode from wait(); a process that is not our child gets null', async () => {
    // sh's child (a grandchild of ours) prints its pid and is killed by us.
    const sh = track(spawn('sh', ['-c', 'sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const grandchildPid = Number(await new Promise<string>((resolve) => sh.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))));
    const grandchild = await Process.create(grandchildPid);
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const mine = await Process.create(child.pid!);
    process.kill(child.pid!, 'SIGTERM');
    process.kill(grandchildPid, 'SIGKILL');
    const { gone, alive } = await collector.waitProcs([mine, grandchild], { timeout: 20 });
    expect(alive).toEqual([]);
    expect(gone.map((p) => p.pid)).toEqual([child.pid, grandchildPid]);
    expect(grandchild.returncode).toBeNull();
    if (kernelKeepsExitStatus) expect(mine.returncode).toBe(-15);
    await exitOf(sh);
  });

  it('waitProcs(null) and a non-iterable are INVALID_ARGUMENT, not a TypeError', async () => {
    for (const bad of [null, undefined, 42]) {
      const { error } = await settle(collector.waitProcs(bad as never));
      expect(error).toBeInstanceOf(InvalidArgument);
      expect((error as Error).message).toMatch(/procs must be an iterable of Process instances/);
    }
  });
});

describe('zombies, as psutil 6.1.0', () => {
  // Debian's psutil 5.9 returns '' / [] / {} here and raises for memory_full_info;
  // 6.0 changed all of these (psutil #2288, #2284), so no live comparison for them.
  it('exe, cmdline, memoryMaps, environ and cwd raise ZombieProcess; memory figures are zeros; name stays', async () => {
    const py = track(
      spawn(PYTHON, ['-c', 'import os,time\npid=os.fork()\nif pid==0: os._exit(3)\nprint(pid, flush=True)\ntime.sleep(60)'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const zpid = Number(await new Promise<string>((resolve) => py.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))));
    await until(() => stateOf(zpid) === 'Z', { what: 'the zombie', timeout: 20_000 });
    const z = await Process.create(zpid);
    for (const read of [() => z.exe(), () => z.cmdline(), () => z.memoryMaps(), () => z.environ(), () => z.cwd()]) {
      const { error } = await settle(read());
      expect(error).toBeInstanceOf(ZombieProcess);
      expect((error as InstanceType<typeof ZombieProcess>).ppid).toBe(py.pid);
    }
    const full = await z.memoryFullInfo();
    expect(Object.values(full).every((v) => v === 0)).toBe(true);
    for (const memtype of ['rss', 'uss', 'pss', 'swap'] as const) expect(await z.memoryPercent({ memtype })).toBe(0);
    expect(await z.name()).toBe('python3');
    // asDict turns them into adValue, as psutil's as_dict(ad_value=...).
    expect(await z.asDict({ attrs: ['cmdline', 'exe', 'status'], adValue: 'Z' })).toEqual({ cmdline: 'Z', exe: 'Z', status: 'zombie' });
    if (havePsutil) expect(python(`import psutil; print(psutil.Process(${zpid}).name())`)).toBe('python3');
    py.kill('SIGKILL');
  });
});

describe('ppid() is checked for pid reuse', () => {
  const statLine = (pid: number, ppid: number, starttime: number) => {
    const fields: (string | number)[] = [pid, '(prog)', 'S', ppid, pid, pid, 0, -1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 20, 0, 1, 0, starttime, 1000, 10];
    while (fields.length < 52) fields.push(0);
    return `${fields.join(' ')}\n`;
  };

  it('a pid that now names a younger process is NoSuchProcess, not that process\'s parent', async () => {
    const tree = makeTree({ stat: 'cpu  1 2 3 4\nbtime 1000000\n', '4242/stat': statLine(4242, 1, 4200) });
    try {
      const p = await Process.create(4242, { procfs: tree.dir });
      expect(await p.ppid()).toBe(1);
      writeFileSync(path.join(tree.dir, '4242/stat'), statLine(4242, 77, 9900));
      const { error } = await settle(p.ppid());
      expect(error).toBeInstanceOf(NoSuchProcess);
      expect((error as Error).message).toMatch(/PID has been reused/);
    } finally {
      tree.cleanup();
    }
  });
});

describe('invalid arguments, worded for what was given', () => {
  it('cpuPercent({interval: "1"}) names the string, system-wide and per process alike', async () => {
    const me = await Process.create();
    for (const call of [() => collector.cpuPercent({ interval: '1' as never }), () => me.cpuPercent({ interval: '1' as never })]) {
      const { error } = await settle(call());
      expect(error).toBeInstanceOf(InvalidArgument);
      expect((error as Error).message).toBe('interval must be a finite number of seconds, got a string ("1")');
    }
    // A negative number keeps psutil's own words.
    expect(((await settle(me.cpuPercent({ interval: -1 }))).error as Error).message).toBe('interval is not positive (got -1)');
  });

  it('netConnections and Process#netConnections word a bad kind the same way (psutil\'s)', async () => {
    const me = await Process.create();
    const a = (await settle(collector.netConnections({ kind: 'bogus' as never }))).error as Error;
    const b = (await settle(me.netConnections({ kind: 'bogus' as never }))).error as Error;
    expect(a).toBeInstanceOf(InvalidArgument);
    expect(b).toBeInstanceOf(InvalidArgument);
    expect(b.message).toBe(a.message);
    expect(a.message).toMatch(/^invalid 'bogus' kind argument; choose between 'all', /);
  });

  it('an RLIMIT_NOFILE above fs.nr_open is refused with the kernel\'s reason; soft above hard is INVALID_ARGUMENT', async () => {
    const child = track(spawn('sleep', ['30'], { stdio: 'ignore' }));
    const p = await Process.create(child.pid!);
    const nrOpen = Number(readFileSync('/proc/sys/fs/nr_open', 'utf8'));
    const over = (await settle(p.rlimit(RLIMIT_NOFILE, [nrOpen + 1, nrOpen + 1]))).error as InstanceType<typeof AccessDenied>;
    // psutil maps the kernel's EPERM to AccessDenied; the words say it is not about privileges.
    expect(over).toBeInstanceOf(AccessDenied);
    expect(over.errno).toBe(1);
    expect(over.message).toContain(`is above fs.nr_open (${nrOpen})`);
    const [, hard] = (await p.rlimit(RLIMIT_NOFILE))!;
    const inverted = (await settle(p.rlimit(RLIMIT_NOFILE, [hard, 1]))).error as Error;
    expect(inverted).toBeInstanceOf(InvalidArgument);
    expect(inverted.message).toContain('current limit exceeds maximum limit');
    child.kill('SIGKILL');
  });
});

describe('the first non-blocking cpuPercent()', () => {
  const script = (expr: string) => `
const c = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))});
const fs = require('node:fs');
const ticks = () => { const s = fs.readFileSync('/proc/self/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); };
(async () => {
  // Let the load-time reading land, then burn CPU until the kernel has counted some.
  await new Promise((r) => setTimeout(r, 0));
  const start = ticks();
  while (ticks() - start < 20) for (let i = 0; i < 1e5; i++);
  console.log(JSON.stringify(await ${expr}));
})();`;

  it('compares with the reading taken at load (as psutil\'s import does), not 0', () => {
    for (const expr of ['c.cpuPercent()', 'c.cpuPercent({ percpu: true })', 'c.cpuTimesPercent()']) {
      const r = spawnSync(process.execPath, ['-e', script(expr)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const value = JSON.parse(r.stdout) as number | number[] | Record<string, number>;
      const numbers = typeof value === 'number' ? [value] : Object.values(value);
      expect(numbers.some((n) => n > 0)).toBe(true);
    }
  });

  it('a tracker of one\'s own still starts at 0, as a new psutil thread does', async () => {
    expect(await collector.createCpuPercentTracker().cpuPercent()).toBe(0);
  });

  it.skipIf(!havePsutil)('psutil itself: the first cpu_percent() after import is not 0 after burning CPU', () => {
    const out = python('import psutil, time\nt=time.process_time()\nwhile time.process_time()-t < 0.2: pass\nprint(psutil.cpu_percent())');
    expect(Number(out)).toBeGreaterThan(0);
  });
});
