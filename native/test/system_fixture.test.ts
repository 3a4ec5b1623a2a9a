// cpu_stats, cpu_freq, getloadavg, disk_io_counters, pids and the snapshot
// over the captured tree (test/fixtures/prometheus-procfs), with values copied by hand from
// its files (proc/stat, proc/loadavg, proc/diskstats, sys/block,
// sys/devices/system/cpu/cpufreq/policy0).

import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { FIXTURE, FIXTURE_ROOTS, collector, makeTree } from './helpers';

// The capture's sys/devices/system/cpu has policy0 and an empty policy1 (and no
// cpu1/online): psutil raises "can't find current frequency file" on it as it is.
// Copies of that folder with policy1 removed, or with cpu1 marked offline.
const cpuTrees = makeTree({});
afterAll(() => cpuTrees.cleanup());
const made = new Map<string, { procfs: string; sysfs: string }>();
function cpuTree(variant: 'policy0 only' | 'cpu1 offline'): { procfs: string; sysfs: string } {
  const known = made.get(variant);
  if (known) return known;
  const sysfs = path.join(cpuTrees.dir, variant.replace(' ', '-'), 'sys');
  const cpu = path.join(sysfs, 'devices/system/cpu');
  cpSync(path.join(FIXTURE, 'sys/devices/system/cpu'), cpu, { recursive: true, verbatimSymlinks: true });
  if (variant === 'policy0 only') rmSync(path.join(cpu, 'cpufreq/policy1'), { recursive: true });
  else writeFileSync(path.join(cpu, 'cpu1/online'), '0\n');
  const roots = { procfs: FIXTURE_ROOTS.procfs, sysfs };
  made.set(variant, roots);
  return roots;
}

const SECTOR = 512;

// Whole disks: the diskstats names that have an entry in sys/block
// (sda, dm-0, dm-1, dm-2, sdb, sdc; md* are in sys/block but not in diskstats).
const SDA = {
  readCount: 25354637,
  writeCount: 28444756,
  readBytes: 1003346126 * SECTOR,
  writeBytes: 505697032 * SECTOR,
  readTime: 18492372,
  writeTime: 63877960,
  readMergedCount: 34367663,
  writeMergedCount: 11134226,
  busyTime: 9653880,
};
// 18 fields (kernel 4.18+ discard columns ignored).
const SDB = {
  readCount: 326552,
  writeCount: 41822,
  readBytes: 9657779 * SECTOR,
  writeBytes: 1972905 * SECTOR,
  readTime: 84,
  writeTime: 5007,
  readMergedCount: 841,
  writeMergedCount: 2895,
  busyTime: 60730,
};
// 20 fields (5.5+ flush columns ignored).
const SDC = {
  readCount: 14202,
  writeCount: 2995,
  readBytes: 579164 * SECTOR,
  writeBytes: 180500 * SECTOR,
  readTime: 21861,
  writeTime: 40875,
  readMergedCount: 71,
  writeMergedCount: 1589,
  busyTime: 11628,
};

describe('fixture: cpu', () => {
  it('cpuStats(): ctxt, first intr and first softirq number; syscalls 0', async () => {
    expect(await collector.cpuStats(FIXTURE_ROOTS)).toEqual({
      ctxSwitches: 38014093,
      interrupts: 73777505,
      softInterrupts: 5057579,
      syscalls: 0,
    });
  });

  it('cpuFreq() on the capture as it is: policy1 has no frequency file and cpu1 is not offline → NotFound, as psutil raises', async () => {
    await expect(collector.cpuFreq(FIXTURE_ROOTS)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/policy1\/scaling_cur_freq: can't find current frequency file$/) });
  });

  it('cpuFreq(): one policy (policy0), 8 cpuinfo MHz lines ≠ 1 → scaling_cur_freq; min/max from scaling_*', async () => {
    const roots = cpuTree('policy0 only');
    const expected = { current: 1219.917, min: 800, max: 2400 };
    expect(await collector.cpuFreq({ ...roots, percpu: true })).toEqual([expected]);
    // One CPU: psutil returns that entry itself.
    expect(await collector.cpuFreq(roots)).toEqual(expected);
  });

  it('cpuFreq(): a policy without frequency files whose CPU is offline counts as zeros', async () => {
    const roots = cpuTree('cpu1 offline');
    expect(await collector.cpuFreq({ ...roots, percpu: true })).toEqual([
      { current: 1219.917, min: 800, max: 2400 },
      { current: 0, min: 0, max: 0 },
    ]);
  });

  it('cpuFreq() without cpufreq in sysfs: cpuinfo "cpu MHz" lines, min/max 0, total is the mean', async () => {
    const roots = { procfs: FIXTURE_ROOTS.procfs, sysfs: '/nonexistent-sysfs' };
    const perCpu = await collector.cpuFreq({ ...roots, percpu: true });
    expect(perCpu.map((f) => f.current)).toEqual([799.998, 800.037, 800.01, 800.028, 799.989, 800.083, 800.017, 800.03]);
    expect(perCpu.every((f) => f.min === 0 && f.max === 0)).toBe(true);
    const total = await collector.cpuFreq(roots);
    const sum = 799.998 + 800.037 + 800.01 + 800.028 + 799.989 + 800.083 + 800.017 + 800.03;
    expect(total).toEqual({ current: sum / 8, min: 0, max: 0 });
  });

  it('getloadavg(): the first three numbers of proc/loadavg', async () => {
    expect(await collector.getloadavg(FIXTURE_ROOTS)).toEqual([0.02, 0.04, 0.05]);
  });
});

describe('fixture: disks', () => {
  it('diskIoCounters({perdisk: true}): every diskstats line, keyed by name, in order', async () => {
    const perdisk = await collector.diskIoCounters({ ...FIXTURE_ROOTS, perdisk: true, nowrap: false });
    const names = Object.keys(perdisk);
    expect(names).toHaveLength(52);
    expect(names.slice(0, 2)).toEqual(['ram0', 'ram1']);
    expect(names.slice(-3)).toEqual(['sdc', 'sdc1', 'sdc2']);
    expect(perdisk.sda).toEqual(SDA);
    expect(perdisk.sdb).toEqual(SDB);
    expect(perdisk.sdc).toEqual(SDC);
    expect(perdisk.sda1).toEqual({
      readCount: 250,
      writeCount: 0,
      readBytes: 2000 * SECTOR,
      writeBytes: 0,
      readTime: 36,
      writeTime: 0,
      readMergedCount: 0,
      writeMergedCount: 0,
      busyTime: 36,
    });
    expect(perdisk['nvme0n1p2']?.writeBytes).toBe(39451632 * SECTOR);
  });

  it('diskIoCounters(): the sum over whole disks only (names present in sys/block)', async () => {
    expect(await collector.diskIoCounters({ ...FIXTURE_ROOTS, nowrap: false })).toEqual({
      readCount: 25354637 + 59910002 + 388 + 11571 + 326552 + 14202,
      writeCount: 28444756 + 39231014 + 74 + 153522 + 41822 + 2995,
      readBytes: (1003346126 + 1003337218 + 3104 + 308350 + 9657779 + 579164) * SECTOR,
      writeBytes: (505697032 + 505696880 + 592 + 5093416 + 1972905 + 180500) * SECTOR,
      readTime: 18492372 + 46229572 + 84 + 6536 + 84 + 21861,
      writeTime: 63877960 + 1158557800 + 0 + 122884 + 5007 + 40875,
      readMergedCount: 34367663 + 0 + 0 + 0 + 841 + 71,
      writeMergedCount: 11134226 + 0 + 0 + 0 + 2895 + 1589,
      busyTime: 9653880 + 11325968 + 76 + 65400 + 60730 + 11628,
    });
  });
});

describe('fixture: processes', () => {
  it('pids(): the numeric entries of proc, sorted numerically', async () => {
    expect(await collector.pids(FIXTURE_ROOTS)).toEqual([584, 26231, 26232, 26233, 26234, 26235, 27079]);
  });

  it('pidExists(): Tgid == pid in status, else membership in pids()', async () => {
    expect(await collector.pidExists(26231, FIXTURE_ROOTS)).toBe(true); // status Tgid 26231
    expect(await collector.pidExists(584, FIXTURE_ROOTS)).toBe(true); // no status: listed
    expect(await collector.pidExists(1, FIXTURE_ROOTS)).toBe(false);
    expect(await collector.pidExists(0, FIXTURE_ROOTS)).toBe(false);
    expect(await collector.pidExists(-1, FIXTURE_ROOTS)).toBe(false);
  });
});

describe('fixture: systemSnapshot', () => {
  it('returns every requested topic from one call, with the same values as the single functions', async () => {
    const snap = await collector.systemSnapshot({
      ...FIXTURE_ROOTS,
      topics: ['cpuTimes', 'perCpuTimes', 'cpuStats', 'cpuFreq', 'loadavg', 'virtualMemory', 'swapMemory', 'diskIoCounters', 'perDiskIoCounters'],
    });
    expect(Object.keys(snap)).toEqual([
      'cpuTimes',
      'perCpuTimes',
      'cpuStats',
      'cpuFreq',
      'loadavg',
      'virtualMemory',
      'swapMemory',
      'diskIoCounters',
      'perDiskIoCounters',
    ]);
    expect(snap.cpuTimes).toEqual(await collector.cpuTimes(FIXTURE_ROOTS));
    expect(snap.perCpuTimes).toHaveLength(8);
    expect(snap.cpuStats).toEqual(await collector.cpuStats(FIXTURE_ROOTS));
    // The capture's empty policy1 fails cpuFreq (see above): the topic carries that error, the rest are values.
    expect(snap.cpuFreq).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(snap.loadavg).toEqual([0.02, 0.04, 0.05]);
    expect(snap.virtualMemory).toEqual(await collector.virtualMemory(FIXTURE_ROOTS));
    expect(snap.diskIoCounters).toEqual(await collector.diskIoCounters({ ...FIXTURE_ROOTS, nowrap: false }));
    expect(snap.perDiskIoCounters).toEqual(await collector.diskIoCounters({ ...FIXTURE_ROOTS, perdisk: true, nowrap: false }));
  });

  it('perCpuFreq is cpuFreq({percpu: true}), one entry per CPU', async () => {
    const roots = cpuTree('policy0 only');
    const snap = await collector.systemSnapshot({ ...roots, topics: ['perCpuFreq'] });
    const percpu = await collector.cpuFreq({ ...roots, percpu: true });
    expect(percpu.length).toBeGreaterThan(0);
    expect(snap.perCpuFreq).toEqual(percpu);
  });

  it('a failing topic reports {error} and does not sink the others', async () => {
    // The fixture has no proc/filesystems (nor readable mounts): diskPartitions cannot be read.
    const snap = await collector.systemSnapshot({
      ...FIXTURE_ROOTS,
      topics: ['diskPartitions', 'cpuStats', 'diskUsage'],
      diskUsagePaths: ['/', '/does/not/exist'],
    });
    expect(collector.isSnapshotError(snap.diskPartitions)).toBe(true);
    expect(snap.diskPartitions).toMatchObject({ error: { code: 'NOT_FOUND', path: `${FIXTURE_ROOTS.procfs}/filesystems` } });
    expect(snap.cpuStats).toMatchObject({ ctxSwitches: 38014093 });
    const usage = snap.diskUsage as Record<string, unknown>;
    expect(usage['/']).toMatchObject({ total: expect.any(Number) });
    expect(usage['/does/not/exist']).toMatchObject({ error: { code: 'NOT_FOUND', path: '/does/not/exist' } });
  });

  it('unknown topics are an InvalidArgument before any read', async () => {
    await expect(collector.systemSnapshot({ topics: ['cpuTimes', 'bogus' as 'cpuTimes'] })).rejects.toBeInstanceOf(
      collector.InvalidArgument,
    );
    await expect(collector.systemSnapshot({} as never)).rejects.toBeInstanceOf(collector.InvalidArgument);
  });
});
