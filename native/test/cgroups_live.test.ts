// cgroups() and the group actions on this machine's own hierarchy: as root,
// the test makes groups named as systemd and the engines name theirs inside a
// slice of its own, moves children it starts into them, and checks the
// collector against the kernel's files and /proc. Skipped (with the reason
// printed) where not root or no writable cgroup2 mount.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Cgroup } from '../lib/cgroups';
import { until } from '../../test/support/until.mjs';
import { CgroupSandbox, cgroupMount, liveSkipReason, processCpuSeconds, readMembers } from './cgroup_sandbox';
import { CLOCK_TICKS, collector, FIXTURE_ROOTS, PACKAGE_DIR, procState, settle } from './helpers';

const skip = liveSkipReason();
if (skip) console.log(`cgroups_live: skipped: ${skip}`);

async function groupAt(groupPath: string): Promise<Cgroup | undefined> {
  return (await collector.cgroups()).groups.find((g) => g.path === groupPath);
}

function eventsFrozen(dir: string): string | undefined {
  return /^frozen (\d)$/m.exec(readFileSync(path.join(dir, 'cgroup.events'), 'utf8'))?.[1];
}

describe.skipIf(skip !== null)('cgroups on the live hierarchy', () => {
  let sandbox: CgroupSandbox;
  let dataDirs: string;
  const savedEnv = { XDG_DATA_HOME: process.env.XDG_DATA_HOME, XDG_DATA_DIRS: process.env.XDG_DATA_DIRS };
  const appId = `org.procyon.Test${randomBytes(3).toString('hex')}`;

  beforeAll(() => {
    // The data dirs the collector reads .desktop files from, as the Base Directory spec lets a session set them.
    dataDirs = mkdtempSync(path.join(tmpdir(), 'procyon-xdg-'));
    mkdirSync(path.join(dataDirs, 'home'));
    mkdirSync(path.join(dataDirs, 'share', 'applications'), { recursive: true });
    writeFileSync(
      path.join(dataDirs, 'share', 'applications', `${appId}.desktop`),
      '[Desktop Entry]\nType=Application\nName[fr]=Appli de test\nName=Procyon Test App\nExec=sleep\n',
    );
    process.env.XDG_DATA_HOME = path.join(dataDirs, 'home');
    process.env.XDG_DATA_DIRS = path.join(dataDirs, 'share');
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dataDirs, { recursive: true, force: true });
  });

  beforeEach(() => {
    sandbox = new CgroupSandbox();
  });
  afterEach(async () => {
    await sandbox.cleanup();
  });

  it('lists the groups it made with their kind, name, id, owner and members, and the mount from mountinfo', async () => {
    const app = sandbox.group(`app-gnome-${appId.replace(/-/g, '\\x2d')}-1234.scope`);
    const service = sandbox.group('procyon-test-x.service');
    const containerId = randomBytes(32).toString('hex');
    const container = sandbox.group(`docker-${containerId}.scope`);
    const pidIn = async (group: string) => (await sandbox.start('exec sleep 1000', [group])).pid!;
    const appPids = [await pidIn(app), await pidIn(app)].sort((a, b) => a - b);
    const servicePid = await pidIn(service);
    const containerPid = await pidIn(container);
    const list = await collector.cgroups();
    expect(list.mount).toBe(cgroupMount());
    const byPath = new Map(list.groups.map((g) => [g.path, g]));
    expect(byPath.get(app)).toMatchObject({
      kind: 'app', name: 'Procyon Test App', id: appId, engine: null, uid: 0,
      pids: appPids, frozen: false,
    });
    expect(byPath.get(service)).toMatchObject({ kind: 'service', name: 'procyon-test-x', id: 'procyon-test-x.service', pids: [servicePid] });
    // No engine state for a container this test invented: its short id.
    expect(byPath.get(container)).toMatchObject({ kind: 'container', engine: 'docker', id: containerId, name: containerId.slice(0, 12), pids: [containerPid] });
    // The slice holds no process itself: not listed.
    expect(byPath.has(sandbox.slice)).toBe(false);
    // Every listed group's members are what its cgroup.procs says (read again: the list is a moment ago).
    for (const g of [app, service, container]) expect(byPath.get(g)!.pids).toEqual(readMembers(sandbox.dir(g)).sort((a, b) => a - b));
  });

  it('a busy group’s CPU is the CPU time its processes used (each read while the group is frozen)', async () => {
    const group = sandbox.group('procyon-busy.service');
    const busy = [await sandbox.start('while :; do :; done', [group]), await sandbox.start('while :; do :; done', [group])];
    const sample = async () => {
      await collector.cgroupFreeze(group);
      const usage = (await groupAt(group))!.cpu.usageUsec / 1e6;
      const processes = busy.reduce((sum, child) => sum + processCpuSeconds(child.pid!, CLOCK_TICKS), 0);
      await collector.cgroupThaw(group);
      return { usage, processes };
    };
    const before = await sample();
    await until(() => busy.reduce((sum, child) => sum + processCpuSeconds(child.pid!, CLOCK_TICKS), 0) - before.processes >= 1, {
      timeout: 60_000,
      what: 'the busy children used a second of CPU',
    });
    const after = await sample();
    const usage = after.usage - before.usage;
    const processes = after.processes - before.processes;
    expect(processes).toBeGreaterThanOrEqual(1);
    // /proc's ticks are 1/CLK_TCK s and scaled from the same runtime the group counts.
    expect(Math.abs(usage - processes)).toBeLessThanOrEqual(0.05 * processes + 4 / CLOCK_TICKS);
  });

  it('freezes every member (cgroup.events frozen 1, a busy member stops running) and thaws them', async () => {
    const group = sandbox.group(`app-gnome-${appId}-99.scope`);
    const busy = await sandbox.start('while :; do :; done', [group]);
    const sleeper = await sandbox.start('exec sleep 1000', [group]);
    await until(() => procState(busy.pid!)?.state === 'R', { what: 'the busy member running' });
    await collector.cgroupFreeze(group);
    expect(eventsFrozen(sandbox.dir(group))).toBe('1');
    expect((await groupAt(group))!.frozen).toBe(true);
    // A frozen task sleeps in the freezer's trap: a busy loop that is not frozen is always R.
    for (const pid of [busy.pid!, sleeper.pid!]) expect(procState(pid)?.state, `pid ${pid}`).not.toBe('R');
    const frozenCpu = processCpuSeconds(busy.pid!, CLOCK_TICKS);

    await collector.cgroupThaw(group);
    expect(eventsFrozen(sandbox.dir(group))).toBe('0');
    expect((await groupAt(group))!.frozen).toBe(false);
    await until(() => processCpuSeconds(busy.pid!, CLOCK_TICKS) > frozenCpu, { what: 'the busy member running again' });
  });

  for (const fallback of [false, true]) {
    it(`kills a group whose members keep forking, leaving no survivor (${fallback ? 'freeze + pidfd SIGKILL + thaw' : 'cgroup.kill'})`, async () => {
      const group = sandbox.group(fallback ? 'procyon-forker-fallback.service' : 'procyon-forker.service');
      const forkers = [
        await sandbox.start('while :; do sleep 1000 & sleep 0.02; done', [group]),
        await sandbox.start('while :; do sh -c "sleep 1000 & sleep 1000" & sleep 0.03; done', [group]),
      ];
      await until(() => readMembers(sandbox.dir(group)).length >= 12, { what: 'the forkers to have forked' });
      const outcome = await collector.cgroupKill(group, { fallback });
      expect(outcome).toEqual({ method: fallback ? 'freeze-and-signal' : 'cgroup.kill', survivors: [] });
      expect(readMembers(sandbox.dir(group))).toEqual([]);
      for (const child of forkers) {
        if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
        expect(child.signalCode).toBe('SIGKILL');
      }
      // The fallback thaws what it froze.
      expect(eventsFrozen(sandbox.dir(group))).toBe('0');
    });
  }

  it('sets a memory limit the kernel enforces (memory.max, or the v1 group of the same path on hybrid hosts) and clears it', async (context) => {
    const group = sandbox.group('procyon-hog.service');
    const hasV2Memory = existsSync(path.join(sandbox.dir(group), 'memory.max'));
    if (!hasV2Memory && !cgroupMount('memory')) {
      console.log('cgroups_live: memory limit skipped: no memory controller in either hierarchy');
      context.skip();
    }
    const memberOf = [group];
    let limitFile = path.join(sandbox.dir(group), 'memory.max');
    // Swap would let the member outlive the limit: the group gets none.
    if (hasV2Memory && existsSync(path.join(sandbox.dir(group), 'memory.swap.max'))) writeFileSync(path.join(sandbox.dir(group), 'memory.swap.max'), '0');
    if (!hasV2Memory) {
      // As systemd does on hybrid hosts: the same path in the v1 memory hierarchy, the member in both.
      const v1 = sandbox.v1Group('memory', group);
      writeFileSync(path.join(v1, 'memory.swappiness'), '0');
      memberOf.push(v1);
      limitFile = path.join(v1, 'memory.limit_in_bytes');
    }
    const MiB = 1 << 20;
    const hog = await sandbox.start(
      `exec ${JSON.stringify(process.execPath)} -e ${JSON.stringify(
        "const held=[];for(let i=0;i<12;i++)held.push(Buffer.alloc(4<<20,1));console.log('held');" +
          "process.stdin.once('data',()=>{for(let i=0;i<256;i++)held.push(Buffer.alloc(4<<20,1));console.log('all allocated')})",
      )}`,
      memberOf,
    );
    let output = '';
    hog.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(() => output.includes('held'), { timeout: 60_000 });

    // Memory against what the member allocated (48 MiB, every page written).
    const held = (await groupAt(group))!.memory!;
    expect(held.source).toBe(hasV2Memory ? 'v2' : 'v1');
    expect(held.current).toBeGreaterThanOrEqual(48 * MiB);
    expect(held.anon).toBeGreaterThanOrEqual(48 * MiB);
    expect(held.max).toBeNull();

    const limit = held.current + 64 * MiB;
    const rounded = Math.floor(limit / 4096) * 4096;
    await collector.cgroupSetMemoryMax(group, rounded);
    expect(Number(readFileSync(limitFile, 'utf8'))).toBe(rounded);
    expect((await groupAt(group))!.memory!.max).toBe(rounded);

    // Past the limit the kernel's OOM killer ends the member: it never finishes allocating 1 GiB.
    hog.stdin!.write('more\n');
    if (hog.exitCode === null && hog.signalCode === null) await once(hog, 'exit');
    expect(hog.signalCode).toBe('SIGKILL');
    expect(output).not.toContain('all allocated');

    await collector.cgroupSetMemoryMax(group, null);
    expect(readFileSync(limitFile, 'utf8').trim()).toMatch(hasV2Memory ? /^max$/ : /^\d{19}$/);
  });

  it('refuses what is not a group of the hierarchy, a group gone, and a captured tree; acts on nothing else', async () => {
    const group = sandbox.group('procyon-target.service');
    const member = await sandbox.start('exec sleep 1000', [group]);
    const reject = async (call: Promise<unknown>) => ((await settle(call)).error as { code: string }).code;
    for (const bad of ['', 'relative', `${group}/..`, `${sandbox.slice}/../${group}`, `${group}/`, `${group}\n`, `/${'x'.repeat(5000)}`, '/']) {
      expect(await reject(collector.cgroupFreeze(bad)), JSON.stringify(bad)).toBe('INVALID_ARGUMENT');
    }
    // A file of the group, not a group.
    expect(await reject(collector.cgroupKill(`${group}/cgroup.procs`))).toBe('INVALID_ARGUMENT');
    expect(await reject(collector.cgroupThaw(`${sandbox.slice}/procyon-never-made.service`))).toBe('NO_SUCH_PROCESS');
    expect(await reject(collector.cgroupKill(group, { ...FIXTURE_ROOTS }))).toBe('NOT_LIVE');
    expect(await reject(collector.cgroupSetMemoryMax(group, -1))).toBe('INVALID_ARGUMENT');
    expect(await reject(collector.cgroupSetMemoryMax(group, 1.5))).toBe('INVALID_ARGUMENT');
    // Another user (nobody) may not write root's group: AccessDenied, nothing done.
    const asNobody = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))}).cgroupFreeze(${JSON.stringify(group)}).then(() => console.log('done'), (e) => console.log(e.code))`],
      { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 60_000 },
    );
    expect(asNobody.stdout.trim()).toBe('ACCESS_DENIED');
    // None of it touched the member.
    expect(procState(member.pid!)?.state).toBe('S');
    expect(eventsFrozen(sandbox.dir(group))).toBe('0');
  });
});
