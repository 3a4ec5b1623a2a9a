// Exact values from the captured tree (test/fixtures/prometheus-procfs),
// worked out by hand from its files (numbers copied, not parsed, here).

import { describe, expect, it } from 'vitest';

import { CLOCK_TICKS, FIXTURE_ROOTS, PAGE_SIZE, collector, expectedCpuTimes } from './helpers';

const KiB = 1024;

describe('fixture: proc/stat', () => {
  it('cpuTimes() is the "cpu" line divided by CLK_TCK', async () => {
    const times = await collector.cpuTimes(FIXTURE_ROOTS);
    expect(times).toEqual(expectedCpuTimes([301854, 612, 111922, 8979004, 3552, 2, 3944, 0, 0, 0]));
    if (CLOCK_TICKS === 100) {
      expect(times.user).toBe(3018.54);
      expect(times.idle).toBe(89790.04);
      expect(times.irq).toBe(0.02);
    }
  });

  it('cpuTimes({percpu: true}) is the cpu0..cpu7 lines in order', async () => {
    const times = await collector.cpuTimes({ ...FIXTURE_ROOTS, percpu: true });
    expect(times).toHaveLength(8);
    expect(times[0]).toEqual(expectedCpuTimes([44490, 19, 21045, 1087069, 220, 1, 3410, 0, 0, 0]));
    expect(times[3]).toEqual(expectedCpuTimes([47054, 102, 15683, 1113230, 533, 0, 60, 0, 0, 0]));
    expect(times[7]).toEqual(expectedCpuTimes([29098, 268, 10164, 1139282, 555, 0, 31, 0, 0, 0]));
  });

  it('bootTime() is btime', async () => {
    expect(await collector.bootTime(FIXTURE_ROOTS)).toBe(1418183276);
    expect(collector.bootTimeSync(FIXTURE_ROOTS)).toBe(1418183276);
  });
});

describe('fixture: cpu counts', () => {
  it('logical: 8 "processor" entries in proc/cpuinfo (sysconf is only for the live /proc)', async () => {
    expect(await collector.cpuCount(FIXTURE_ROOTS)).toBe(8);
    expect(collector.cpuCountSync({ ...FIXTURE_ROOTS, logical: true })).toBe(8);
  });

  it('physical: 2 distinct thread_siblings_list values ("0,4", "1,5") in the captured sys tree', async () => {
    expect(await collector.cpuCount({ ...FIXTURE_ROOTS, logical: false })).toBe(2);
    expect(collector.cpuCountSync({ ...FIXTURE_ROOTS, logical: false })).toBe(2);
  });

  it('physical without sysfs topology: physical id 0 has "cpu cores: 4" in cpuinfo', async () => {
    const count = await collector.cpuCount({ procfs: FIXTURE_ROOTS.procfs, sysfs: '/nonexistent-sysfs', logical: false });
    expect(count).toBe(4);
  });
});

describe('fixture: memory', () => {
  it('virtualMemory() follows psutil, estimating available from zoneinfo (no MemAvailable)', async () => {
    const total = 15666184 * KiB;
    const free = 440324 * KiB;
    const buffers = 1020128 * KiB;
    const cached = (12007640 + 1738124) * KiB; // Cached + SReclaimable
    // psutil's calculate_avail_vmem: zoneinfo low watermarks 41 + 21059 + 13842 + 0 + 0 pages.
    const watermarkLow = (41 + 21059 + 13842) * PAGE_SIZE;
    let pagecache = (6494020 + 6532440) * KiB; // Active(file) + Inactive(file)
    pagecache -= Math.min(pagecache / 2, watermarkLow);
    const slabReclaimable = 1738124 * KiB;
    const available = Math.trunc(free - watermarkLow + pagecache + slabReclaimable - Math.min(slabReclaimable / 2, watermarkLow));

    const vm = await collector.virtualMemory(FIXTURE_ROOTS);
    expect(vm).toEqual({
      total: 16042172416,
      available,
      percent: Number((((total - available) / total) * 100).toFixed(1)),
      used: total - free - cached - buffers,
      free: 450891776,
      active: 6761276 * KiB,
      inactive: 6532708 * KiB,
      buffers: 1044611072,
      cached: 14075662336,
      shared: 1308 * KiB,
      slab: 1807264 * KiB,
    });
    expect(vm.used).toBe(471007232);
    if (PAGE_SIZE === 4096) {
      // The value psutil 5.9.4 prints for this tree on a 4 KiB-page machine.
      expect(vm.available).toBe(15140458496);
      expect(vm.percent).toBe(5.6);
    }
  });

  it('swapMemory(): SwapTotal and SwapFree are 0, no vmstat → sin/sout 0', async () => {
    expect(await collector.swapMemory(FIXTURE_ROOTS)).toEqual({ total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0 });
  });
});
