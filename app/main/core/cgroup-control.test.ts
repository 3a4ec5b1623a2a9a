import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotMakeGroups, TestGroups } from '../../../test/support/cgroups.mjs';
import { until } from '../../../test/support/until.mjs';
import { ApiError } from '../../shared';
import { createMonitorApi } from './api';
import { CgroupController, CgroupLookup, confirmationReason, groupsHolding, reaches } from './cgroup-control';
import { Collector } from './collector';
import { dispatch } from './dispatch';
import { FIXTURE_PROC, FIXTURE_SYS } from './fixture-root.test-util';
import { Sampler } from './sampler';
import { TopicRegistry } from './topics';

// Group actions: the request validated by its schema (through dispatch, as
// every transport calls it), read-only and captured trees refused, and the
// host's own rule: the group holding Procyon or PID 1 (or one above it) is
// acted on only with confirm. Live, as root: groups this test makes.

function fixtureApi() {
  const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
  const sampler = new Sampler(new Collector(roots));
  const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
  return createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'websocket', facts, roots, topics: new TopicRegistry() });
}

describe('the confirmation rule', () => {
  it('reaches the group itself and every group below it, never a sibling or one that only shares a prefix', () => {
    expect(reaches('/a/b', '/a/b')).toBe(true);
    expect(reaches('/a', '/a/b/c')).toBe(true);
    expect(reaches('/', '/a')).toBe(true);
    expect(reaches('/a/b', '/a')).toBe(false);
    expect(reaches('/a/b', '/a/bc')).toBe(false);
    expect(reaches('/a/c', '/a/b')).toBe(false);
  });

  it('asks for confirmation on the group holding Procyon or PID 1, or a group above either', () => {
    const holders = new Map([
      [4242, '/user.slice/app.slice/procyon.scope'],
      [1, '/init.scope'],
    ]);
    expect(confirmationReason('/user.slice/app.slice/procyon.scope', holders, 4242)).toMatch(/holds Procyon itself/);
    expect(confirmationReason('/user.slice', holders, 4242)).toMatch(/above the group that holds Procyon/);
    expect(confirmationReason('/init.scope', holders, 4242)).toMatch(/PID 1/);
    expect(confirmationReason('/', holders, 4242)).not.toBeNull();
    expect(confirmationReason('/system.slice/sshd.service', holders, 4242)).toBeNull();
    expect(confirmationReason('/user.slice/app.slice/other.scope', holders, 4242)).toBeNull();
  });

  it('finds each pid in the group whose cgroup.procs lists it', () => {
    const list = { mount: '/sys/fs/cgroup', groups: [{ path: '/a', pids: [5, 6] }, { path: '/b', pids: [1] }] } as unknown as Parameters<typeof groupsHolding>[0];
    expect(groupsHolding(list, [6, 1, 99])).toEqual(new Map([[6, '/a'], [1, '/b']]));
  });
});

describe('cgroupAction through dispatch', () => {
  it.each([
    [undefined],
    [{}],
    [{ path: '/system.slice/a.service' }],
    [{ path: '/system.slice/a.service', action: 'restart' }],
    [{ path: 'system.slice/a.service', action: 'freeze' }],
    [{ path: '', action: 'freeze' }],
    [{ path: `/${'x'.repeat(1024)}`, action: 'freeze' }],
    [{ path: '/system.slice/../etc', action: 'kill' }],
    [{ path: '/system.slice/./a', action: 'kill' }],
    [{ path: '/a//b', action: 'kill' }],
    [{ path: '/a/', action: 'kill' }],
    [{ path: '/a\u0000b', action: 'thaw' }],
    [{ path: '/a\nb', action: 'thaw' }],
    [{ path: 42, action: 'freeze' }],
    [{ path: '/a', action: 'setMemoryMax' }],
    [{ path: '/a', action: 'setMemoryMax', bytes: -1 }],
    [{ path: '/a', action: 'setMemoryMax', bytes: 1.5 }],
    [{ path: '/a', action: 'setMemoryMax', bytes: 2 ** 60 }],
    [{ path: '/a', action: 'freeze', bytes: 5 }],
    [{ path: '/a', action: 'freeze', confirm: 'yes' }],
    [{ path: '/a', action: 'freeze', extra: 1 }],
  ])('refuses %j as INVALID_ARGUMENT', async (arg) => {
    const r = await dispatch(fixtureApi(), { readOnly: false }, 'cgroupAction', arg);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('is refused on a read-only host, and under a captured tree acts on nothing (NOT_LIVE)', async () => {
    const api = fixtureApi();
    expect(await dispatch(api, { readOnly: true }, 'cgroupAction', { path: '/a', action: 'kill' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await dispatch(api, { readOnly: false }, 'cgroupAction', { path: '/a', action: 'kill', confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_LIVE' } });
  });
});

const why = cannotMakeGroups();
describe.skipIf(why !== null)(`acting on groups this test makes (${why ?? 'as root'})`, () => {
  let groups: TestGroups;
  beforeAll(() => {
    groups = new TestGroups('procyon-test-control');
  });
  afterAll(async () => {
    await groups?.removeAll();
  });

  it('refuses the group holding "Procyon" without confirm, and freezes and thaws it with', async () => {
    const path = groups.make('app-procyon-guarded-1.scope');
    const child = await groups.start('app-procyon-guarded-1.scope', 'exec sleep 600');
    // The controller takes the child for Procyon: its group and every group above are guarded.
    const control = new CgroupController({}, child.pid!);
    for (const target of [path, `/${groups.base}`, '/']) {
      const refused = await control.act({ path: target, action: 'freeze' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('CONFIRMATION_REQUIRED');
    }
    expect(groups.field('app-procyon-guarded-1.scope', 'cgroup.events', 'frozen')).toBe(0);
    await expect(control.act({ path, action: 'freeze', confirm: true })).resolves.toEqual({ ok: true, frozen: true });
    expect(groups.field('app-procyon-guarded-1.scope', 'cgroup.events', 'frozen')).toBe(1);
    await expect(control.act({ path, action: 'thaw', confirm: true })).resolves.toEqual({ ok: true, frozen: false });
    expect(groups.field('app-procyon-guarded-1.scope', 'cgroup.events', 'frozen')).toBe(0);
  });

  it('kills a group whose members keep forking, leaving none', async () => {
    const leaf = 'procyon-test-forker.service';
    const path = groups.make(leaf);
    await groups.start(leaf, 'while :; do sleep 5 & sleep 0.02; done');
    await until(() => groups.procs(leaf).length >= 5);
    const out = await new CgroupController().act({ path, action: 'kill' });
    expect(out).toMatchObject({ ok: true, survivors: [] });
    await until(() => groups.procs(leaf).length === 0);
    expect(groups.field(leaf, 'cgroup.events', 'populated')).toBe(0);
  });

  it('tells the process details which group a process runs in (none for the root group)', async () => {
    const leaf = 'app-procyon-lookup-1.scope';
    const path = groups.make(leaf);
    const child = await groups.start(leaf, 'exec sleep 600');
    expect(await new CgroupLookup().groupOf(child.pid!)).toEqual({ path, kind: 'app', name: 'lookup' });
    const init = await new CgroupLookup().groupOf(1);
    if (init !== null) expect(init.path).not.toBe('/');
  });

  it('answers NO_SUCH_PROCESS for a group that is not there', async () => {
    const err = await new CgroupController().act({ path: groups.pathOf('never-made.scope'), action: 'freeze' }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('NO_SUCH_PROCESS');
  });
});
