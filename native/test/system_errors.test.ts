// Failures of the cpu/disk/other-system functions: typed, coded, never a crash.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { PACKAGE_DIR, collector, settle, treeFactory } from './helpers';

const { NotFound, InvalidArgument, ParseError, ProcyonError } = collector;
const tree = treeFactory(afterAll);

const missing = { procfs: '/nonexistent/procyon/proc', sysfs: '/nonexistent/procyon/sys' };

describe('diskUsage errors', () => {
  it('a missing path → NotFound naming the path', async () => {
    const { error } = await settle(collector.diskUsage('/does/not/exist'));
    expect(error).toBeInstanceOf(NotFound);
    expect((error as InstanceType<typeof NotFound>).path).toBe('/does/not/exist');
    expect((error as InstanceType<typeof NotFound>).errno).toBe(2);
  });

  it('a non-string path → InvalidArgument (from lib/ and from the addon)', async () => {
    await expect(collector.diskUsage(42 as unknown as string)).rejects.toBeInstanceOf(InvalidArgument);
    const require = createRequire(import.meta.url);
    const binding = require(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node'));
    await expect(binding.diskUsage({ path: 42 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(binding.pidExists({ pid: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(binding.systemSnapshot({ topics: ['nope'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(collector.pidExists('1' as unknown as number)).rejects.toBeInstanceOf(InvalidArgument);
  });
});

describe('missing root', () => {
  const calls: [string, () => Promise<unknown>, string][] = [
    ['diskIoCounters', () => collector.diskIoCounters(missing), 'diskstats'],
    ['diskIoCounters perdisk', () => collector.diskIoCounters({ ...missing, perdisk: true }), 'diskstats'],
    ['cpuStats', () => collector.cpuStats(missing), 'stat'],
    ['getloadavg', () => collector.getloadavg(missing), 'loadavg'],
    ['cpuFreq (cpuinfo fallback)', () => collector.cpuFreq(missing), 'cpuinfo'],
    ['diskPartitions', () => collector.diskPartitions(missing), 'filesystems'],
  ];
  for (const [name, call, file] of calls) {
    it(`${name} → NotFound with the path`, async () => {
      const { error } = await settle(call());
      expect(error).toBeInstanceOf(NotFound);
      expect((error as InstanceType<typeof NotFound>).path).toBe(`${missing.procfs}/${file}`);
    });
  }

  it('pids → NotFound for the root itself; pidExists falls back to it', async () => {
    const { error } = await settle(collector.pids(missing));
    expect(error).toBeInstanceOf(NotFound);
    expect((error as InstanceType<typeof NotFound>).path).toBe(missing.procfs);
  });

  it('systemSnapshot never rejects for a read failure: every topic carries its error', async () => {
    const snap = await collector.systemSnapshot({ ...missing, topics: [...collector.SNAPSHOT_TOPICS] });
    for (const topic of collector.SNAPSHOT_TOPICS) {
      if (topic === 'diskUsage') continue; // a real path, not under the root
      // A machine without hwmon or power_supply has no sensors, as in psutil, and one without DRM no GPUs: empty, not an error.
      if (topic === 'sensorsTemperatures' || topic === 'sensorsFans' || topic === 'sensorsBattery' || topic === 'hwmonChips' || topic === 'powerSupplies' || topic === 'gpus') continue;
      expect(collector.isSnapshotError(snap[topic]), topic).toBe(true);
    }
    expect(snap.sensorsTemperatures).toEqual({});
    expect(snap.sensorsFans).toEqual({});
    expect(snap.sensorsBattery).toBeNull();
    expect([snap.hwmonChips, snap.powerSupplies, snap.gpus]).toEqual([[], [], []]);
    expect(snap.cpuStats).toMatchObject({ error: { code: 'NOT_FOUND', path: `${missing.procfs}/stat` } });
    expect(snap.diskUsage).toMatchObject({ '/': { total: expect.any(Number) } });
  });
});

describe('garbled files', () => {
  it('garbled diskstats → ParseError naming the file', async () => {
    const roots = tree({ 'proc/diskstats': '   8 0 sda 1 2 3\n' });
    const { error } = await settle(collector.diskIoCounters({ ...roots, perdisk: true }));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as InstanceType<typeof ParseError>).path).toBe(`${roots.procfs}/diskstats`);
    const nonNumeric = tree({ 'proc/diskstats': `   8 0 sda ${'x '.repeat(11)}\n` });
    expect((await settle(collector.diskIoCounters(nonNumeric))).error).toBeInstanceOf(ParseError);
  });

  it('garbled loadavg → ParseError; garbled stat → ParseError for cpuStats', async () => {
    const roots = tree({ 'proc/loadavg': 'high medium low\n', 'proc/stat': 'ctxt lots\nintr 1\n' });
    expect((await settle(collector.getloadavg(roots))).error).toBeInstanceOf(ParseError);
    expect((await settle(collector.cpuStats(roots))).error).toBeInstanceOf(ParseError);
    const noSoftirq = tree({ 'proc/stat': 'intr 5 1 2\nctxt 9\n' });
    expect(await collector.cpuStats(noSoftirq)).toEqual({ ctxSwitches: 9, interrupts: 5, softInterrupts: 0, syscalls: 0 });
  });

  it('random bytes in every file: a defined result or a ProcyonError, never a crash', async () => {
    for (let i = 0; i < 10; i++) {
      const junk = () => randomBytes(512 + i * 100);
      const roots = tree({
        'proc/diskstats': junk(),
        'proc/loadavg': junk(),
        'proc/stat': junk(),
        'proc/cpuinfo': junk(),
        'proc/filesystems': junk(),
        'proc/self/mounts': junk(),
        'sys/devices/system/cpu/cpufreq/policy0/scaling_cur_freq': junk(),
        'sys/devices/system/cpu/cpufreq/policy0/scaling_max_freq': junk(),
        'sys/devices/system/cpu/cpufreq/policy0/scaling_min_freq': junk(),
        'proc/1/status': junk(),
      });
      const calls = [
        collector.diskIoCounters(roots),
        collector.diskIoCounters({ ...roots, perdisk: true }),
        collector.getloadavg(roots),
        collector.cpuStats(roots),
        collector.cpuFreq(roots),
        collector.cpuFreq({ ...roots, percpu: true }),
        collector.diskPartitions({ ...roots, all: true }),
        collector.pids(roots),
        collector.pidExists(1, roots),
        collector.systemSnapshot({ ...roots, topics: ['diskIoCounters', 'perDiskIoCounters', 'cpuFreq', 'loadavg', 'diskPartitions'] }),
      ];
      for (const outcome of await Promise.all(calls.map(settle))) {
        if (outcome.error !== undefined) expect(outcome.error).toBeInstanceOf(ProcyonError);
      }
    }
  });
});
