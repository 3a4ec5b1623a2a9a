import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawControls } from '../../app/main/cli/terminal-text.test-util';
import { untilSleeping } from '../../app/main/core/child.test-util';
import { ensureCliBuilt, REPO } from './cli-build';

// A process names itself: its argv and its executable's file name are its
// own choice. Here both hold ESC, a newline and a bidi override, and the real
// CLI must print them as escapes: one row per process, no colour, no forged
// row. As root the process and the CLI run as nobody, so that an action the
// kernel refuses (an error message that names the process) can be tried too.

const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const MARK = randomBytes(4).toString('hex');
/** At most 15 bytes: the kernel keeps that much of the file name as the process's name (comm). */
const COMM = '\u001b[31mFAKE\nroot';
const ARGV0 = `\u001b[31mFAKE\nroot 1 fake-line-${MARK}\u202e\u0085`;

let dir: string;
let target: ChildProcess;

function procyon(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000, ...asNobody });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-hostile-'));
  chmodSync(dir, 0o755); // nobody runs what is in it
  const exe = path.join(dir, COMM);
  symlinkSync(spawnSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).stdout.trim(), exe);
  target = spawn(exe, ['60'], { argv0: ARGV0, stdio: 'ignore', ...asNobody });
  await untilSleeping(target.pid!, COMM);
}, 150_000);

afterAll(() => {
  target?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a process with terminal controls in its name and argv', () => {
  it('procyon ps: one row per process, the hostile one escaped, nothing raw', () => {
    const r = procyon(['ps', '--sort', 'pid']);
    expect(r.status).toBe(0);
    expect(rawControls(r.stdout)).toEqual([]);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ *PID +PPID +USER/);
    // Every row is a process's: it starts with a pid and a ppid. A forged row would not.
    for (const row of rows) expect(row).toMatch(/^ *\d+ +\d+ /);
    const ours = rows.filter((row) => row.includes(MARK));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(new RegExp(`^ *${target.pid} .*\\\\e\\[31mFAKE\\\\nroot 1 fake-line-${MARK}\\\\u202e\\\\u0085 60$`));
  });

  it('procyon ps --json keeps the exact argv', () => {
    const r = procyon(['ps', '--json']);
    expect(rawControls(r.stdout)).toEqual([]);
    const row = (JSON.parse(r.stdout) as { pid: number; cmdline: string[]; name: string }[]).find((p) => p.pid === target.pid);
    expect(row).toMatchObject({ cmdline: [ARGV0, '60'], name: COMM });
  });

  it('procyon proc: one line per attribute, name and command line escaped', () => {
    const r = procyon(['proc', String(target.pid)]);
    expect(r.status).toBe(0);
    expect(rawControls(r.stdout)).toEqual([]);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^[a-zA-Z]+ +/);
    const attributes = Object.keys(JSON.parse(procyon(['proc', String(target.pid), '--json']).stdout) as object);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(attributes);
    expect(lines.find((l) => l.startsWith('name '))).toMatch(/^name +\\e\[31mFAKE\\nroot$/);
    expect(lines.find((l) => l.startsWith('cmdline '))).toContain(`fake-line-${MARK}\\u202e\\u0085`);
  });

  it('an error that names the process (the kernel refuses a lower nice value) is escaped', () => {
    const r = procyon(['renice', String(target.pid), '--', '-5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`procyon: ACCESS_DENIED: access denied (pid=${target.pid}, name='\\e[31mFAKE\\nroot')\n`);
  });

  it('the action confirmation names the process escaped, on one line', () => {
    const r = procyon(['terminate', String(target.pid)]);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(`terminate: ${target.pid} (\\e[31mFAKE\\nroot)\n`);
  });
});
