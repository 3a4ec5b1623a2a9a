import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cannotMakeGroups, TestGroups } from '../../../test/support/cgroups.mjs';
import { until } from '../../../test/support/until.mjs';
import { group } from '../../shared/metrics/cgroup-fixture.test-util';
import { sampleCgroups } from '../../shared/metrics/cgroups';
import { parseCommand, UsageError } from './args';
import { arrangeApps, formatApps, resolveGroup, type AppsRow } from './apps';
import { main } from './main';

// procyon apps / freeze / thaw / kill-group: their arguments, how GROUP is
// found, the table, and (as root) the JSON against the group's own files.

const rows = (...groups: ReturnType<typeof group>[]): AppsRow[] => sampleCgroups({ mount: '/', groups }, undefined, 1).groups.map(({ cpuHistory: _h, ...r }) => r);

describe('arguments', () => {
  it('apps takes --json; freeze, thaw and kill-group take GROUP and --yes', () => {
    expect(parseCommand(['apps', '--json'])).toEqual({ kind: 'apps', json: true });
    expect(parseCommand(['freeze', 'firefox'])).toEqual({ kind: 'group', action: 'freeze', group: 'firefox', yes: false });
    expect(parseCommand(['kill-group', '/system.slice/a.service', '--yes'])).toEqual({ kind: 'group', action: 'kill-group', group: '/system.slice/a.service', yes: true });
    expect(() => parseCommand(['thaw'])).toThrow(UsageError);
    expect(() => parseCommand(['thaw', 'a', 'b'])).toThrow(UsageError);
    expect(() => parseCommand(['apps', '--yes'])).toThrow(UsageError);
    expect(() => parseCommand(['freeze', 'a', '--json'])).toThrow(UsageError);
  });
});

describe('GROUP', () => {
  const list = [
    group('/user.slice/app.slice/app-gnome-firefox-12.scope', { name: 'Firefox', id: 'firefox' }),
    group('/system.slice/sshd.service', { name: 'sshd.service', id: 'sshd.service' }),
    group('/system.slice/docker-0123456789abcdef.scope', { name: 'web', id: '0123456789abcdef' }),
    group('/system.slice/docker-0123fedcba987654.scope', { name: 'db', id: '0123fedcba987654' }),
  ];

  it('is a path as given, or the one group with that name, id, unit or id prefix', () => {
    expect(resolveGroup(list, '/any/path.scope')).toBe('/any/path.scope');
    expect(resolveGroup(list, 'Firefox')).toBe(list[0]!.path);
    expect(resolveGroup(list, 'app-gnome-firefox-12.scope')).toBe(list[0]!.path);
    expect(resolveGroup(list, 'sshd.service')).toBe(list[1]!.path);
    expect(resolveGroup(list, '0123456')).toBe(list[2]!.path);
  });

  it('refuses a bad path, a name no group has and one that names several', () => {
    expect(() => resolveGroup(list, '/a/../b')).toThrow(/not a group path/);
    expect(() => resolveGroup(list, 'nothing')).toThrow(/no group is named/);
    expect(() => resolveGroup(list, '0123')).toThrow(/names 2 groups/);
  });

  it('prints a table busiest first, escaping names a group’s owner chose', () => {
    const t = arrangeApps([{ ...rows(group('/a', { name: 'quiet' }))[0]!, cpuPercent: 1 }, { ...rows(group('/b', { name: 'evil\u001b[2J' }))[0]!, cpuPercent: 50 }]);
    const text = formatApps(t);
    expect(text.split('\n')[0]).toMatch(/^KIND\s+NAME\s+%CPU/);
    expect(text.split('\n')[1]).toMatch(/50\.0/);
    expect(text).not.toContain('\u001b');
  });
});

const why = cannotMakeGroups();
describe.skipIf(why !== null)(`procyon apps --json on a group this test makes (${why ?? 'as root'})`, () => {
  let groups: TestGroups;
  beforeAll(() => {
    groups = new TestGroups('procyon-test-cli');
  });
  afterAll(async () => {
    await groups?.removeAll();
  });

  async function run(argv: string[]): Promise<{ code: number; out: string }> {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    try {
      return { code: await main(argv), out: out.join('\n') };
    } finally {
      log.mockRestore();
    }
  }

  it('agrees with cgroup.procs and cpu.stat, and freeze / thaw / kill-group act on it by name', async () => {
    const leaf = 'procyon-test-cli-busy.service';
    const path = groups.make(leaf);
    // A busy member (CPU to see) and an idle one.
    await groups.start(leaf, 'sleep 600 & while :; do :; done');
    await until(() => groups.procs(leaf).length === 2);
    const before = groups.field(leaf, 'cpu.stat', 'usage_usec')!;
    const { code, out } = await run(['apps', '--json']);
    const after = groups.field(leaf, 'cpu.stat', 'usage_usec')!;
    expect(code).toBe(0);
    const mine = (JSON.parse(out) as AppsRow[]).find((g) => g.path === path)!;
    expect(mine).toMatchObject({ kind: 'service', name: 'procyon-test-cli-busy', pids: groups.procs(leaf), pidsTotal: 2 });
    expect(mine.cpu.usageUsec).toBeGreaterThanOrEqual(before);
    expect(mine.cpu.usageUsec).toBeLessThanOrEqual(after);
    // A busy loop over the CLI's 250 ms sample: well above nothing, at most a core and a little.
    expect(mine.cpuPercent).toBeGreaterThan(5);
    expect(mine.cpuPercent).toBeLessThan(110);

    expect((await run(['freeze', leaf])).code).toBe(0);
    expect(groups.field(leaf, 'cgroup.events', 'frozen')).toBe(1);
    expect((await run(['thaw', path])).code).toBe(0);
    expect(groups.field(leaf, 'cgroup.events', 'frozen')).toBe(0);
    const killed = await run(['kill-group', leaf]);
    expect(killed).toEqual({ code: 0, out: `killed: ${path} (no process left)` });
    expect(groups.procs(leaf)).toEqual([]);
  });
});
