// cgroups() over captured trees (test/fixtures/cgroups, see its README): a v2
// host with the memory, io and pids controllers and groups named by systemd,
// its XDG app convention, Flatpak, Snap, Docker, Podman, CRI-O and kubepods; a
// hybrid host whose memory and I/O live in the v1 hierarchies; a host without
// cgroup v2. Then the typed errors, over trees written by each test.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import type { Cgroup } from '../lib/cgroups';
import { collector, PACKAGE_DIR, settle, treeFactory } from './helpers';

const FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'cgroups');
const roots = (machine: string) => ({ procfs: path.join(FIXTURES, machine, 'proc'), sysfs: path.join(FIXTURES, machine, 'sys') });
const tree = treeFactory(afterAll);

const DOCKER = 'f3b2c1d4e5a6978812345678abcdef0123456789abcdef0123456789abcdef01';
const PODMAN = '9a8b7c6d5e4f30211234567890abcdef1234567890abcdef1234567890abcdef';
const CRIO = '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f';
const CONTAINERD = 'abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789';
const POD = '/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod6f0e8a8c_1b2d_4c3e_9f4a_5b6c7d8e9f00.slice';
const USER = '/user.slice/user-1000.slice/user@1000.service';

function byPath(groups: Cgroup[]): Map<string, Cgroup> {
  return new Map(groups.map((g) => [g.path, g]));
}

describe('cgroups() on a v2 host (memory, io, pids controllers)', () => {
  it('lists every group holding processes, depth first by name, with its kind, name, id and engine', async () => {
    const list = await collector.cgroups(roots('v2'));
    expect(list.mount).toBe('/sys/fs/cgroup');
    expect(list.groups.map((g) => [g.path, g.kind, g.name, g.id, g.engine])).toEqual([
      ['/init.scope', 'other', 'init.scope', 'init.scope', null],
      [`${POD}/cri-containerd-${CONTAINERD}.scope`, 'container', CONTAINERD.slice(0, 12), CONTAINERD, 'kubepods'],
      // CRI-O keeps its names in containers/storage's containers.json.
      [`${POD}/crio-${CRIO}.scope`, 'container', 'k8s_api_api-7d9f_default_6f0e8a8c-1b2d-4c3e-9f4a-5b6c7d8e9f00_0', CRIO, 'cri-o'],
      [`/machine.slice/libpod-${PODMAN}.scope`, 'container', 'db', PODMAN, 'podman'],
      ['/system.slice/backup.service', 'service', 'backup', 'backup.service', null],
      // Docker's config.v2.json "Name" (not the label or the env var of the same word).
      [`/system.slice/docker-${DOCKER}.scope`, 'container', 'web-frontend', DOCKER, 'docker'],
      ['/system.slice/sshd.service', 'service', 'sshd', 'sshd.service', null],
      ['/user.slice/user-1000.slice/session-2.scope', 'session', 'session-2', 'session-2.scope', null],
      // Name= from the exports Flatpak adds to the data dirs.
      [`${USER}/app.slice/app-flatpak-org.mozilla.firefox-5151.scope`, 'flatpak', 'Firefox Web Browser', 'org.mozilla.firefox', null],
      // An app id's own dash is escaped by systemd; no .desktop file: the id.
      [`${USER}/app.slice/app-gnome-my\\x2dtool-77.scope`, 'app', 'my-tool', 'my-tool', null],
      // Name= of [Desktop Entry], not Name[de]= nor an action's Name=.
      [`${USER}/app.slice/app-gnome-org.gnome.Terminal-4242.scope`, 'app', 'Terminal', 'org.gnome.Terminal', null],
      // app-<id>@<random>.service without a launcher.
      [`${USER}/app.slice/app-org.kde.konsole@0f1e2d3c.service`, 'app', 'org.kde.konsole', 'org.kde.konsole', null],
      // snapd's <snap>_<app>.desktop in /var/lib/snapd/desktop.
      [`${USER}/app.slice/snap.spotify.spotify-1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b.scope`, 'snap', 'Spotify', 'spotify.spotify', null],
      [`${USER}/init.scope`, 'other', 'init.scope', 'init.scope', null],
      [`${USER}/session.slice/pipewire.service`, 'user-service', 'pipewire', 'pipewire.service', null],
    ]);
  });

  it('reads each figure from the group’s own files', async () => {
    const groups = byPath((await collector.cgroups(roots('v2'))).groups);
    const sshd = groups.get('/system.slice/sshd.service')!;
    expect(sshd).toMatchObject({ pids: [812, 1400], pidsCurrent: 2, frozen: false });
    expect(sshd.cpu).toEqual({ usageUsec: 8374128, userUsec: 5123456, systemUsec: 3250672, nrThrottled: 7, throttledUsec: 53012 });
    expect(sshd.memory).toEqual({ current: 44040192, max: 1073741824, anon: 20971520, file: 18874368, source: 'v2' });
    // io.stat summed over its two devices.
    expect(sshd.io).toEqual({ readBytes: 1048576 + 2097152, writeBytes: 4194304, readOps: 256 + 12, writeOps: 1024, source: 'v2' });
    // PSI totals stay in the file's microseconds.
    expect(sshd.pressure.cpu).toEqual({ some: { avg10: 0, avg60: 0.12, avg300: 0.05, total: 1234567 }, full: { avg10: 0, avg60: 0, avg300: 0, total: 2345 } });
    expect(sshd.pressure.memory!.some).toEqual({ avg10: 1.5, avg60: 0.12, avg300: 0.05, total: 4567 });
    expect(sshd.pressure.io!.full!.total).toBe(2345);
    // Without the cpu controller's throttling lines: null, not 0; memory.max "max": null.
    const init = groups.get('/init.scope')!;
    expect(init.cpu).toEqual({ usageUsec: 4200000, userUsec: 2100000, systemUsec: 2100000, nrThrottled: null, throttledUsec: null });
    expect(init.memory!.max).toBeNull();
    expect(groups.get('/system.slice/backup.service')!.frozen).toBe(true);
    // Slices, an emptied service and the root (kernel threads only) hold no process: not listed.
    for (const absent of ['/', '/system.slice', '/system.slice/idle.service', USER]) expect(groups.has(absent), absent).toBe(false);
  });

  it('reports the capability, and the actions as the live machine’s only', () => {
    const report = collector.capabilityReport(roots('v2'));
    expect(report.find((c) => c.name === 'cgroups')).toMatchObject({ available: true });
    for (const name of ['cgroupFreeze', 'cgroupThaw', 'cgroupKill', 'cgroupSetMemoryMax']) {
      expect(report.find((c) => c.name === name), name).toMatchObject({ available: false, reason: 'captured-tree' });
    }
  });
});

describe('cgroups() on a hybrid host (v2 without controllers, v1 memory and blkio)', () => {
  it('reads memory and I/O from the v1 groups of the same path that the members are in', async () => {
    const list = await collector.cgroups(roots('hybrid'));
    expect(list.mount).toBe('/sys/fs/cgroup/unified');
    const groups = byPath(list.groups);
    const nginx = groups.get('/system.slice/nginx.service')!;
    // memory.limit_in_bytes' "unlimited" (LONG_MAX rounded to a page) is no limit; total_* are the hierarchical figures.
    expect(nginx.memory).toEqual({ current: 52428800, max: null, anon: 41943040, file: 8192000, source: 'v1' });
    // The _recursive throttle files (as v2's io.stat counts descendants), Read and Write summed over devices.
    expect(nginx.io).toEqual({ readBytes: 4096000 + 4000, writeBytes: 1024000, readOps: 1000 + 1, writeOps: 250, source: 'v1' });
    expect(nginx.pidsCurrent).toBe(2);
    // cron's member is in another v1 memory group and the v1 blkio root: neither is cron's (nor is there a pids group).
    const cron = groups.get('/system.slice/cron.service')!;
    expect([cron.memory, cron.io, cron.pidsCurrent]).toEqual([null, null, null]);
  });
});

describe('cgroups() on a host without cgroup v2', () => {
  it('reports the capability false (the mountinfo that names no cgroup2) and rejects with NotFound', async () => {
    const r = roots('no-v2');
    const mountinfo = path.join(r.procfs, 'self', 'mountinfo');
    const report = collector.capabilityReport(r);
    expect(report.find((c) => c.name === 'cgroups')).toEqual({ name: 'cgroups', available: false, reason: 'missing-file', path: mountinfo });
    const { error } = await settle(collector.cgroups(r));
    expect(error).toBeInstanceOf(collector.NotFound);
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: mountinfo });
  });
});

// A minimal v2 tree: mountinfo naming `mountPoint`, groups (default one, /a.service) each with `files`.
function v2Tree(files: Record<string, string>, mountPoint = '/sys/fs/cgroup', escaped = mountPoint, groups = ['/a.service']) {
  const base = mountPoint.startsWith('/sys/') ? `sys${mountPoint.slice(4)}` : mountPoint.slice(1);
  const group: Record<string, string> = { 'cgroup.procs': '42\n', 'cpu.stat': 'usage_usec 10\nuser_usec 6\nsystem_usec 4\n', ...files };
  const entries = Object.fromEntries(
    groups.flatMap((g) => Object.entries(group).map(([name, text]) => [`${base}${g}/${name}`, text])),
  );
  return tree({
    'proc/self/mountinfo': `30 23 0:26 / ${escaped} rw,nosuid shared:4 - cgroup2 cgroup2 rw\n`,
    [`${base}/cgroup.procs`]: '',
    // The sysfs root itself, where the mount is elsewhere.
    'sys/kernel/uevent_seqnum': '1\n',
    ...entries,
  });
}

describe('cgroups() naming of other layouts', () => {
  it('names cgroupfs-driver containers, pods, conmon and escaped units', async () => {
    const id = 'c0ffee'.repeat(10) + 'c0ff';
    const paths = [
      `/docker/${id}`,
      `/kubepods/burstable/pod1a2b3c4d-0000-1111-2222-333344445555/${id}`,
      '/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1a2b3c4d_0000_1111_2222_333344445555.slice',
      `/libpod_parent/libpod-${id}`,
      `/machine.slice/libpod-conmon-${id}.scope`,
      '/system.slice/system-getty.slice/getty@tty1.service',
      '/system.slice/systemd-fsck@dev-disk-by\\x2duuid-1234.service',
      '/user.slice/user-1000.slice/user@1000.service/app.slice/dbus-:1.2-org.freedesktop.portal.IBus@0.service',
    ];
    const list = await collector.cgroups(v2Tree({}, '/sys/fs/cgroup', '/sys/fs/cgroup', paths));
    expect(new Map(list.groups.map((g) => [g.path, [g.kind, g.name, g.id, g.engine]]))).toEqual(
      new Map<string, unknown[]>([
        [paths[0], ['container', id.slice(0, 12), id, 'docker']],
        [paths[1], ['container', id.slice(0, 12), id, 'kubepods']],
        [paths[2], ['container', 'pod 1a2b3c4d', '1a2b3c4d-0000-1111-2222-333344445555', 'kubepods']],
        [paths[3], ['container', id.slice(0, 12), id, 'podman']],
        // conmon watches a container from outside it: not the container.
        [paths[4], ['other', `libpod-conmon-${id}.scope`, `libpod-conmon-${id}.scope`, null]],
        [paths[5], ['service', 'getty@tty1', 'getty@tty1.service', null]],
        [paths[6], ['service', 'systemd-fsck@dev-disk-by-uuid-1234', 'systemd-fsck@dev-disk-by\\x2duuid-1234.service', null]],
        [paths[7], ['user-service', 'dbus-:1.2-org.freedesktop.portal.IBus@0', 'dbus-:1.2-org.freedesktop.portal.IBus@0.service', null]],
      ]),
    );
  });
});

describe('cgroups() errors and bounds', () => {
  it('finds a mount point mountinfo escapes (\\040), and one outside /sys under the tree’s top', async () => {
    const spaced = await collector.cgroups(v2Tree({}, '/sys/fs/cgroup/uni fied', '/sys/fs/cgroup/uni\\040fied'));
    expect(spaced.mount).toBe('/sys/fs/cgroup/uni fied');
    expect(spaced.groups.map((g) => g.path)).toEqual(['/a.service']);
    const elsewhere = await collector.cgroups(v2Tree({}, '/run/cgroup2'));
    expect(elsewhere.groups.map((g) => [g.path, g.cpu.usageUsec])).toEqual([['/a.service', 10]]);
  });

  it('names the file a malformed figure came from (PARSE_ERROR); a missing optional file is a null figure', async () => {
    const cases: [string, Record<string, string>][] = [
      ['cpu.stat', { 'cpu.stat': 'usage_usec ten\nuser_usec 6\nsystem_usec 4\n' }],
      ['cpu.stat', { 'cpu.stat': 'user_usec 6\nsystem_usec 4\n' }],
      ['cgroup.procs', { 'cgroup.procs': '42\nnot-a-pid\n' }],
      ['memory.current', { 'memory.current': '12 MB\n' }],
      ['memory.max', { 'memory.current': '1\n', 'memory.max': 'unlimited\n' }],
      ['io.stat', { 'io.stat': '8:0 rbytes=x\n' }],
      ['io.stat', { 'io.stat': 'sda rbytes=1\n' }],
      ['cgroup.events', { 'cgroup.events': 'populated 1\nfrozen 2\n' }],
      ['cpu.pressure', { 'cpu.pressure': 'full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n' }],
      ['pids.current', { 'pids.current': '-1\n' }],
    ];
    for (const [file, files] of cases) {
      const { error } = await settle(collector.cgroups(v2Tree(files)));
      expect(error, file).toBeInstanceOf(collector.ParseError);
      expect((error as { path: string }).path, file).toMatch(new RegExp(`/a\\.service/${file.replace('.', '\\.')}$`));
    }
    const [bare] = (await collector.cgroups(v2Tree({}))).groups;
    expect(bare).toMatchObject({ pidsCurrent: null, memory: null, io: null, frozen: null, pressure: { cpu: null, memory: null, io: null } });
  });

  it('a name from state files that are too large or not JSON is the short id, never a failure', async () => {
    const id = 'ab'.repeat(32);
    const t = v2Tree({});
    const base = path.dirname(t.sysfs);
    renameSync(path.join(base, 'sys/fs/cgroup/a.service'), path.join(base, `sys/fs/cgroup/docker-${id}.scope`));
    mkdirSync(path.join(base, `var/lib/docker/containers/${id}`), { recursive: true });
    const config = path.join(base, `var/lib/docker/containers/${id}/config.v2.json`);
    for (const text of ['{"Name": "/x"', '{"Name": 7}', `{"Pad": "${'x'.repeat(5 << 20)}", "Name": "/big"}`, '['.repeat(100000)]) {
      writeFileSync(config, text);
      expect((await collector.cgroups(t)).groups.map((g) => g.name)).toEqual([id.slice(0, 12)]);
    }
    writeFileSync(config, '{"State":{"Pid":1},"Config":{"Labels":{"Name":"no"}},"Name":"/caf\\u00e9-\\ud83d\\ude00"}');
    expect((await collector.cgroups(t)).groups.map((g) => g.name)).toEqual(['café-😀']);
  });
});
