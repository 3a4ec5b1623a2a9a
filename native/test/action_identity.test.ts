// Actions hit only the process meant: never a live process named by a
// captured tree's pid (NOT_LIVE), and a setter whose target changed between
// the check and the syscall says so (NO_SUCH_PROCESS) instead of OK.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { PACKAGE_DIR, collector, settled } from './helpers';

const { Process, NotLive } = collector;
type Proc = InstanceType<typeof Process>;

const children: ChildProcess[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-identity-'));

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A `sleep` that has finished exec'ing (its identity no longer changes). */
async function sleeper(): Promise<ChildProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  await settled(child.pid, 'sleep');
  return child;
}

function state(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0]!;
}

/** A captured tree whose <pid> has the live process's very identity (same stat, same boot time). */
function captureOf(pid: number): string {
  const procfs = mkdtempSync(path.join(scratch, 'proc-'));
  // procfs files report size 0: read them, do not copy them.
  writeFileSync(path.join(procfs, 'stat'), readFileSync('/proc/stat'));
  mkdirSync(path.join(procfs, String(pid)));
  for (const file of ['stat', 'status', 'comm', 'cmdline']) writeFileSync(path.join(procfs, String(pid), file), readFileSync(`/proc/${pid}/${file}`));
  return procfs;
}

const ACTIONS: [string, (p: Proc) => Promise<unknown>][] = [
  ['kill', (p) => p.kill()],
  ['terminate', (p) => p.terminate()],
  ['suspend', (p) => p.suspend()],
  ['signal SIGUSR1', (p) => p.sendSignal('SIGUSR1')],
  ['nice', (p) => p.nice(5)],
  ['ionice', (p) => p.ionice(2, 5)],
  ['cpuAffinity', (p) => p.cpuAffinity([0])],
  ['rlimit', (p) => p.rlimit(7, [100, 200])],
];

describe('actions under a captured tree', () => {
  it.each(ACTIONS)('%s is refused with NOT_LIVE and the live process with that identity is untouched', async (_name, act) => {
    const child = await sleeper();
    const procfs = captureOf(child.pid!);
    const proc = await Process.create(child.pid!, { procfs });
    // The tree really does name the live process: same pid, same create time.
    expect(proc.knownCreateTime).toBe((await Process.create(child.pid!)).knownCreateTime);
    const err = await act(proc).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotLive);
    expect(err).toMatchObject({ code: 'NOT_LIVE', path: procfs });
    // Not stopped, not dead: sleeping, or running for a moment on a loaded machine (R), never T or Z.
    expect(state(child.pid!)).toMatch(/^[SRD]$/);
    expect(await (await Process.create(child.pid!)).nice()).toBe(getPriority());
    expect(child.exitCode).toBeNull();
  });

  it('reads still work on the tree; a symlink to /proc is the live machine and acts', async () => {
    const child = await sleeper();
    const procfs = captureOf(child.pid!);
    const proc = await Process.create(child.pid!, { procfs });
    await expect(proc.children()).resolves.toEqual([]);
    const live = path.join(scratch, 'live-proc');
    symlinkSync('/proc', live);
    await (await Process.create(child.pid!, { procfs: live })).terminate();
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM');
  });
});

/**
 * Runs `act` held by the test hook between its identity check and its
 * syscall, runs `inWindow` there, then lets it go; answers 'ok' or the error code.
 */
async function actWithWindow(act: () => Promise<unknown>, inWindow: () => Promise<void>): Promise<string> {
  const gate = mkdtempSync(path.join(scratch, 'gate-'));
  process.env.PROCYON_TEST_ACTION_GATE = gate;
  let settled = false;
  const answer = act().then(
    () => 'ok',
    (e: { code: string }) => e.code,
  ).finally(() => (settled = true));
  try {
    const deadline = Date.now() + 20_000;
    while (!settled && !existsSync(path.join(gate, 'checked')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (settled) return `${await answer} (it never stopped between check and act)`;
    await inWindow();
    writeFileSync(path.join(gate, 'go'), '');
    return await answer;
  } finally {
    delete process.env.PROCYON_TEST_ACTION_GATE;
  }
}

describe('setters are checked after the fact', () => {
  it.each(ACTIONS.filter(([n]) => ['nice', 'ionice', 'cpuAffinity', 'rlimit'].includes(n)))(
    '%s: the target exits between check and act: NO_SUCH_PROCESS, not OK',
    async (_name, act) => {
      const child = await sleeper();
      const proc = await Process.create(child.pid!);
      const answer = await actWithWindow(
        () => act(proc),
        async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
      );
      expect(answer).toBe('NO_SUCH_PROCESS');
    },
  );

  // A real pid reuse: in a user + pid namespace of our own, ns_last_pid hands
  // the pid to a new process inside the widened window.
  const canUnshare = spawnSync('unshare', ['-Urpf', '--mount-proc', 'sh', '-c', 'echo 1 > /proc/sys/kernel/ns_last_pid'], { timeout: 10_000 }).status === 0;

  it.skipIf(!canUnshare)('the pid is reused in the window: setters answer NO_SUCH_PROCESS naming the successor; a signal (pidfd) never reaches it', () => {
    const r = spawnSync('unshare', ['-Urpf', '--mount-proc', process.execPath, path.join(PACKAGE_DIR, 'test', 'pid_reuse.child.mjs'), path.join(PACKAGE_DIR, 'dist', 'index.js')], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const reports = JSON.parse(r.stdout.trim().split('\n').pop()!) as { name: string; reused: boolean; ok: boolean; code?: string; message?: string; successorNice: number; successorState: string }[];
    expect(reports.map((x) => x.reused)).toEqual([true, true, true, true, true]);
    for (const report of reports.filter((x) => x.name !== 'signal')) {
      expect(report, report.name).toMatchObject({ ok: false, code: 'NO_SUCH_PROCESS' });
      expect(report.message).toMatch(/now names another process \('sleep'.*may have reached that process/);
    }
    // The successor really was changed by renice: the warning is not a guess.
    expect(reports.find((x) => x.name === 'nice')).toMatchObject({ successorNice: Math.min(19, getPriority() + 7) });
    // pidfd_send_signal: the process we meant is gone, and its successor is left alone.
    expect(reports.find((x) => x.name === 'signal')).toMatchObject({ ok: false, code: 'NO_SUCH_PROCESS', successorState: expect.stringMatching(/^[SRD]$/) });
  }, 120_000);
});
