import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Process } from '@procyon/collector';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../test/support/until.mjs';
import { ProcessController } from './control';

// Real process trees that try to get away. Each tree runs in a process group
// of its own (detached), so whatever escapes the tree by re-parenting is still
// found, counted, and cleaned up through its group.

const groups: number[] = [];
afterEach(() => {
  for (const pgid of groups.splice(0)) {
    for (const sig of ['SIGKILL', 'SIGCONT'] as const) {
      try {
        process.kill(-pgid, sig);
      } catch {
        // the group is empty already
      }
    }
  }
});

/** Starts `script` under sh as the leader of a new process group. */
function tree(script: string): ChildProcess {
  const c = spawn('sh', ['-c', script], { stdio: 'ignore', detached: true });
  groups.push(c.pid!);
  return c;
}

function statOf(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Pids of the group's members that still run (zombies have exited: init may never reap them here). */
function runningIn(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statOf(name);
    if (f && Number(f[2]) === pgid && f[0] !== 'Z' && f[0] !== 'X') pids.push(Number(name));
  }
  return pids;
}

const alive = (pid: number) => {
  const f = statOf(pid);
  return f !== null && f[0] !== 'Z' && f[0] !== 'X';
};


async function refOf(c: ChildProcess) {
  return { pid: c.pid!, createTime: (await Process.create(c.pid!)).knownCreateTime };
}

/** SigIgn of `pid` shows SIGTERM ignored (the shell has run its trap ''). */
const ignoresTerm = (pid: number) => {
  const mask = /^SigIgn:\s*([0-9a-f]+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
  return ((BigInt(`0x${mask}`) >> 14n) & 1n) === 1n;
};

const TREES: [string, string, (c: ChildProcess) => boolean][] = [
  ['a root that keeps forking', 'while :; do sleep 30 & sleep 0.05; done', (c) => runningIn(c.pid!).length >= 4],
  ['a root that ignores SIGTERM and keeps forking', "trap '' TERM; while :; do sleep 30 & sleep 0.05; done", (c) => ignoresTerm(c.pid!) && runningIn(c.pid!).length >= 4],
  [
    'children that start a replacement and exit on SIGTERM',
    `for i in 1 2 3 4; do sh -c 'trap "sleep 30 & exit" TERM; while :; do sleep 30 & wait; done' & done; wait`,
    (c) => runningIn(c.pid!).length >= 9,
  ],
  [
    'a middle process that exits on SIGTERM, re-parenting a grandchild that ignores it',
    `sh -c 'trap "exit 0" TERM; sh -c "trap \\"\\" TERM; while :; do sleep 30; done" & wait' & wait`,
    (c) => runningIn(c.pid!).length >= 4,
  ],
];

describe('kill tree', () => {
  const control = new ProcessController();

  it.each(TREES)('SIGKILL: %s: nobody survives, and the report says killed', async (_name, script, grown) => {
    const c = tree(script);
    await until(() => grown(c), { what: 'the tree to grow', timeout: 20_000 });
    const outcomes = await control.killTree(await refOf(c), 1, false, 'SIGKILL');
    await until(() => runningIn(c.pid!).length === 0, { what: 'the whole group to exit', timeout: 20_000 });
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
    expect(outcomes.every((o) => o.result === 'killed' || o.result === 'gone')).toBe(true);
    expect(outcomes.at(-1)).toEqual({ pid: c.pid, result: 'killed' });
  });

  it.each(TREES.filter(([name]) => !name.startsWith('children that start')))(
    'SIGTERM, then SIGKILL (the default): %s: nobody survives',
    async (_name, script, grown) => {
      const c = tree(script);
      await until(() => grown(c), { what: 'the tree to grow', timeout: 20_000 });
      const outcomes = await control.killTree(await refOf(c), 0.5);
      await until(() => runningIn(c.pid!).length === 0, { what: 'the whole group to exit', timeout: 20_000 });
      expect(outcomes.every((o) => ['terminated', 'killed', 'gone'].includes(o.result))).toBe(true);
    },
  );

  it('SIGTERM only: whoever ignores it is reported as survived, and really is running', async () => {
    // The inner loop starts before the trap, so it (and its sleeps) still die on SIGTERM.
    const c = tree("sh -c 'while :; do sleep 1; done' & trap '' TERM; sleep 30 & sleep 30 & wait");
    await until(() => ignoresTerm(c.pid!) && runningIn(c.pid!).length >= 4, { what: 'the tree to start', timeout: 20_000 });
    const outcomes = await control.killTree(await refOf(c), 0.5, false, 'SIGTERM');
    const survived = outcomes.filter((o) => o.result === 'survived').map((o) => o.pid);
    const terminated = outcomes.filter((o) => o.result === 'terminated').map((o) => o.pid);
    // The root and its two sleeps ignore SIGTERM (an ignored signal stays ignored across fork and exec); the loop exits on it.
    expect(survived).toContain(c.pid);
    expect(survived.length).toBeGreaterThanOrEqual(3);
    expect(terminated.length).toBeGreaterThanOrEqual(1);
    expect(outcomes.some((o) => o.result === 'killed')).toBe(false);
    for (const pid of survived) expect(alive(pid), `survivor ${pid}`).toBe(true);
    for (const pid of terminated) expect(alive(pid), `terminated ${pid}`).toBe(false);
    // Continued after the signal: no survivor is left stopped.
    for (const pid of survived) expect(statOf(pid)?.[0]).not.toBe('T');
  });

  it('under a captured tree: refused with NOT_LIVE before anything is touched', async () => {
    const c = tree('exec sleep 30');
    await until(() => readFileSync(`/proc/${c.pid}/comm`, 'utf8') === 'sleep\n', { what: 'sleep to start', timeout: 20_000 });
    // A tree whose <pid> has the live process's very identity.
    const procfs = mkdtempSync(path.join(tmpdir(), 'procyon-capture-'));
    try {
      writeFileSync(path.join(procfs, 'stat'), readFileSync('/proc/stat'));
      mkdirSync(path.join(procfs, String(c.pid)));
      for (const f of ['stat', 'status', 'comm']) writeFileSync(path.join(procfs, String(c.pid), f), readFileSync(`/proc/${c.pid}/${f}`));
      const captured = new ProcessController({ procfs });
      await expect(captured.killTree(await refOf(c), 0.5)).rejects.toMatchObject({ code: 'NOT_LIVE' });
      expect(statOf(c.pid!)?.[0]).toBe('S');
    } finally {
      rmSync(procfs, { recursive: true, force: true });
    }
  });

  it('Terminate on a stopped process: it is continued after SIGTERM and exits', async () => {
    const c = tree('exec sleep 30');
    await until(() => readFileSync(`/proc/${c.pid}/comm`, 'utf8') === 'sleep\n', { what: 'sleep to start', timeout: 20_000 });
    const ref = await refOf(c);
    await control.act(ref, { kind: 'suspend' });
    await until(() => statOf(c.pid!)?.[0] === 'T', { what: 'the process to stop', timeout: 20_000 });
    await control.act(ref, { kind: 'terminate' });
    await until(() => c.signalCode !== null, { what: 'the stopped process to exit', timeout: 10_000 });
    expect(c.signalCode).toBe('SIGTERM');
  });
});
