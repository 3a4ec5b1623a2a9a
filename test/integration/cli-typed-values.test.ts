import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilSleeping } from '../../app/main/core/child.test-util';
import { ensureCliBuilt, REPO } from '../security/cli-build';

// The real `procyon` command against a real child: a negative nice as
// written, and a user filter naming nobody.

function procyon(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const niceOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16];
};

let child: ChildProcess;
beforeAll(async () => {
  ensureCliBuilt();
  child = spawn('sleep', ['120'], { stdio: 'ignore' });
  await untilSleeping(child.pid!, 'sleep');
}, 150_000);
afterAll(() => {
  child?.kill('SIGKILL');
});

describe('procyon CLI, values as typed', () => {
  it.runIf(process.getuid?.() === 0)('`renice PID -5` applies nice -5 (root may lower it)', () => {
    const r = procyon(['renice', String(child.pid), '-5']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`reniced to -5: ${child.pid} (sleep)\n`);
    expect(r.status).toBe(0);
    expect(niceOf(child.pid!)).toBe('-5');
  });

  it('`ps --user` with a user that does not exist says so and fails', () => {
    const r = procyon(['ps', '--user', 'doesnotexist']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('procyon: there is no user "doesnotexist" on this machine\n');
  });

  it('`ps --user` with a real user still lists its processes', () => {
    const r = procyon(['ps', '--user', 'root', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { pid: number }[]).some((p) => p.pid === child.pid)).toBe(process.getuid?.() === 0);
  });
});
