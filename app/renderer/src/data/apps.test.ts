// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { group } from '../../../shared/metrics/cgroup-fixture.test-util';
import { sampleCgroups, type CgroupRow } from '../../../shared/metrics/cgroups';
import { appRows, DEFAULT_APP_SORT, kindCounts, matchesGroup, nextAppSort, outcomeReport, parseMemoryLimit, pressureOf, whyNoGroups } from './apps';

// The Apps page's table logic, on rows as a tick carries them.

const row = (...args: Parameters<typeof group>): CgroupRow => sampleCgroups({ mount: '/', groups: [group(...args)] }, undefined, 1).groups[0]!;
const withCpu = (r: CgroupRow, cpuPercent: number | null): CgroupRow => ({ ...r, cpuPercent });

const firefox = withCpu(row('/user.slice/app.slice/app-gnome-firefox-12.scope', { kind: 'app', name: 'Firefox', id: 'firefox', pids: [41, 42] }), 30);
const sshd = withCpu(row('/system.slice/sshd.service', { kind: 'service', name: 'sshd.service', id: 'sshd.service', pids: [7] }), 2);
const web = withCpu(row('/system.slice/docker-0123456789ab.scope', { kind: 'container', name: 'web', id: '0123456789abcdef', engine: 'docker' }), null);
const ALL = [sshd, web, firefox];

describe('appRows', () => {
  it('opens busiest first, a group without a rate (its first tick) last', () => {
    expect(appRows(ALL, '', new Set(), DEFAULT_APP_SORT).map((g) => g.name)).toEqual(['Firefox', 'sshd.service', 'web']);
  });

  it('sorts by name A to Z on a first click, and flips on a second', () => {
    const byName = nextAppSort(DEFAULT_APP_SORT, 'name');
    expect(appRows(ALL, '', new Set(), byName).map((g) => g.name)).toEqual(['Firefox', 'sshd.service', 'web']);
    expect(appRows(ALL, '', new Set(), nextAppSort(byName, 'name')).map((g) => g.name)).toEqual(['web', 'sshd.service', 'Firefox']);
  });

  it('filters by kind and searches name, id, path, engine and pids', () => {
    expect(appRows(ALL, '', new Set(['container'] as const), DEFAULT_APP_SORT).map((g) => g.name)).toEqual(['web']);
    expect(matchesGroup(web, 'docker 0123')).toBe(true);
    expect(matchesGroup(firefox, '42')).toBe(true);
    expect(matchesGroup(firefox, 'app.slice FIREFOX')).toBe(true);
    expect(matchesGroup(sshd, 'firefox')).toBe(false);
    expect(kindCounts(ALL)).toEqual(new Map([['service', 1], ['container', 1], ['app', 1]]));
  });

  it('shows the worst "some" pressure of a group, none where the kernel has none', () => {
    const line = (avg10: number) => ({ avg10, avg60: 0, avg300: 0, total: 0 });
    expect(pressureOf(sshd)).toBeNull();
    expect(pressureOf({ ...sshd, pressure: { cpu: { some: line(1.5), full: null }, memory: null, io: { some: line(4), full: line(3) } } })).toBe(4);
  });
});

describe('parseMemoryLimit', () => {
  it.each([
    ['512M', 512 * 2 ** 20],
    ['2 GiB', 2 * 2 ** 30],
    ['1.5g', 1.5 * 2 ** 30],
    ['8388608', 8388608],
  ])('reads %j', (text, bytes) => expect(parseMemoryLimit(text)).toEqual({ bytes }));

  it.each(['', 'lots', '-5M', '1K', '1e3G', '99999999999T'])('refuses %j', (text) => expect(parseMemoryLimit(text)).toHaveProperty('error'));
});

describe('outcomeReport', () => {
  it('names kill’s survivors by pid and name, and says so when none is left', () => {
    const names = new Map([[41, { name: 'firefox' }]]);
    const bad = outcomeReport({ path: firefox.path, action: 'kill' }, 'Firefox (app)', { ok: true, method: 'cgroup.kill', survivors: [41, 99] }, names);
    expect(bad.summary).toBe('Firefox (app): 2 processes still running after the kill');
    expect(bad.outcomes).toEqual([
      { kind: 'error', message: 'survived: 41 firefox' },
      { kind: 'error', message: 'survived: 99' },
    ]);
    const good = outcomeReport({ path: firefox.path, action: 'kill' }, 'Firefox (app)', { ok: true, method: 'cgroup.kill', survivors: [] }, names);
    expect(good.summary).toBe('Firefox (app): killed, no process left');
    expect(outcomeReport({ path: firefox.path, action: 'setMemoryMax', bytes: null }, 'F', { ok: true }, names).summary).toBe('F: memory limit cleared');
  });
});

describe('whyNoGroups', () => {
  it('says why the page has no table: another platform, no cgroup v2 mounted, a captured tree', () => {
    expect(whyNoGroups('platform', false)).toMatch(/This platform has no control groups/);
    expect(whyNoGroups('missing-file', false)).toMatch(/no cgroup v2 hierarchy mounted/);
    expect(whyNoGroups(undefined, false)).toMatch(/no cgroup v2 hierarchy mounted/);
    expect(whyNoGroups('missing-file', true)).toMatch(/captured tree/);
  });
});
