import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Process } from '@procyon/collector';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessController } from './control';

// Real processes, real signals: each test spawns what it acts on.

const spawned: ChildProcess[] = [];
afterEach(() => {
  for (const c of spawned.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(cmd: string, args: string[]): ChildProcess {
  const c = spawn(cmd, args, { stdio: 'ignore' });
  spawned.push(c);
  return c;
}

function exited(c: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve(c.signalCode ?? c.exitCode);
    c.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

async function refOf(c: ChildProcess) {
  const p = await Process.create(c.pid!);
  return { pid: c.pid!, createTime: p.knownCreateTime };
}

describe('ProcessController', () => {
  const control = new ProcessController();

  it('terminates the process named by pid and createTime', async () => {
    const c = start('sleep', ['30']);
    await control.act(await refOf(c), { kind: 'terminate' });
    expect(await exited(c)).toBe('SIGTERM');
  });

  it('a stale createTime is NoSuchProcess and touches nothing', async () => {
    const c = start('sleep', ['30']);
    const ref = await refOf(c);
    await expect(control.act({ ...ref, createTime: ref.createTime - 5 }, { kind: 'kill' })).rejects.toMatchObject({ code: 'NO_SUCH_PROCESS' });
    expect(await (await Process.create(c.pid!)).status()).not.toBe('zombie');
    expect(c.exitCode).toBeNull();
    expect(c.signalCode).toBeNull();
  });

  it('an exited process is NoSuchProcess', async () => {
    const c = start('true', []);
    const ref = await refOf(c).catch(() => ({ pid: c.pid!, createTime: 0 }));
    await exited(c);
    await expect(control.act(ref, { kind: 'terminate' })).rejects.toMatchObject({ code: 'NO_SUCH_PROCESS' });
  });

  it('suspend and resume, renice', async () => {
    const c = start('sleep', ['30']);
    const ref = await refOf(c);
    await control.act(ref, { kind: 'suspend' });
    const p = await Process.create(c.pid!);
    await expect.poll(() => p.status()).toBe('stopped');
    await control.act(ref, { kind: 'resume' });
    await expect.poll(() => p.status()).toBe('sleeping');
    await control.act(ref, { kind: 'renice', value: 7 });
    expect(await p.nice()).toBe(7);
  });

  it('PID 1 and Procyon itself need confirmation', async () => {
    const init = await Process.create(1);
    await expect(control.act({ pid: 1, createTime: init.knownCreateTime }, { kind: 'signal', signal: 'SIGCONT' })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    const self = await Process.create(process.pid);
    await expect(control.act({ pid: process.pid, createTime: self.knownCreateTime }, { kind: 'signal', signal: 'SIGCONT' })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    // Confirmed, a harmless signal goes through.
    await expect(control.act({ pid: process.pid, createTime: self.knownCreateTime }, { kind: 'signal', signal: 'SIGCONT' }, true)).resolves.toEqual({ ok: true });
  });

  it('killTree: children first, then the parent; SIGKILL for what ignores SIGTERM', async () => {
    // A parent that ignores TERM (set after forking, so its two children do not);
    // it never reaps them, so they linger as zombies, which count as terminated.
    const c = start('/usr/bin/python3', [
      '-c',
      "import signal,subprocess,time; ps=[subprocess.Popen(['sleep','30']) for _ in range(2)]; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(30)",
    ]);
    const ref = await refOf(c);
    const root = await Process.create(c.pid!);
    await expect.poll(async () => (await root.children()).length).toBe(2);
    // Wait until the kernel shows SIGTERM (bit 15) ignored, or the test would race the parent.
    const sigIgn = () => BigInt('0x' + (/^SigIgn:\s*([0-9a-f]+)/m.exec(readFileSync(`/proc/${c.pid}/status`, 'utf8'))?.[1] ?? '0'));
    await expect.poll(() => (sigIgn() >> 14n) & 1n).toBe(1n);
    const outcomes = await control.killTree(ref, 0.5);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[2]).toEqual({ pid: c.pid, result: 'killed' });
    expect(outcomes.slice(0, 2).every((o) => o.result === 'terminated')).toBe(true);
    expect(await exited(c)).toBe('SIGKILL');
  });
});
