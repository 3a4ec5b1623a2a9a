// Hostile or unusual trees: each call returns a defined result or rejects
// with a ProcyonError; the process never crashes.

import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

import { CLOCK_TICKS, collector, settle, treeFactory } from './helpers';

const { ParseError, ProcyonError } = collector;
const tree = treeFactory(afterAll);

const MEMINFO_OLD_KERNEL = ['MemTotal: 1000 kB', 'MemFree: 100 kB', 'Buffers: 50 kB', 'Cached: 300 kB', 'SwapTotal: 0 kB', 'SwapFree: 0 kB', ''].join('\n');

describe('garbage /proc/stat', () => {
  const roots = tree({ 'proc/stat': 'this is not\na stat file\n\0\x01\x02 cpu\n' });

  it('cpuTimes and bootTime reject with ParseError naming the file', async () => {
    // Each call is made only when it is awaited: a second promise created up
    // front would reject unobserved while the first is awaited.
    for (const call of [() => collector.cpuTimes(roots), () => collector.bootTime(roots)]) {
      const { error } = await settle(call());
      expect(error).toBeInstanceOf(ParseError);
      expect((error as InstanceType<typeof ParseError>).code).toBe('PARSE_ERROR');
      expect((error as InstanceType<typeof ParseError>).path).toBe(`${roots.procfs}/stat`);
    }
  });

  it('percpu finds no cpuN lines: an empty list', async () => {
    expect(await collector.cpuTimes({ ...roots, percpu: true })).toEqual([]);
  });

  it('logical count with no cpuinfo and no cpuN lines is null, like os.cpu_count()', async () => {
    expect(await collector.cpuCount(roots)).toBeNull();
  });

  it('a non-numeric column is a ParseError', async () => {
    const bad = tree({ 'proc/stat': 'cpu  1 2 x 4 5 6 7\nbtime soon\n' });
    expect((await settle(collector.cpuTimes(bad))).error).toBeInstanceOf(ParseError);
    expect((await settle(collector.bootTime(bad))).error).toBeInstanceOf(ParseError);
  });

  it('fewer than four columns is a ParseError; an old kernel line fills the missing fields with 0', async () => {
    expect((await settle(collector.cpuTimes(tree({ 'proc/stat': 'cpu 1 2 3\n' }))))).toMatchObject({ error: expect.any(ParseError) });
    const old = tree({ 'proc/stat': 'cpu 100 200 300 400\ncpu0 100 200 300 400 500\n' });
    expect(await collector.cpuTimes(old)).toEqual({
      user: 100 / CLOCK_TICKS,
      nice: 200 / CLOCK_TICKS,
      system: 300 / CLOCK_TICKS,
      idle: 400 / CLOCK_TICKS,
      iowait: 0,
      irq: 0,
      softirq: 0,
      steal: 0,
      guest: 0,
      guestNice: 0,
    });
    expect((await collector.cpuTimes({ ...old, percpu: true }))[0]?.iowait).toBe(500 / CLOCK_TICKS);
  });

  it('the cpuN fallback counts logical CPUs when cpuinfo has no "processor" lines', async () => {
    const roots2 = tree({ 'proc/stat': 'cpu 1 2 3 4\ncpu0 1 2 3 4\ncpu1 1 2 3 4\ncpu2 1 2 3 4\n', 'proc/cpuinfo': 'cpu model : sparc\n' });
    expect(await collector.cpuCount(roots2)).toBe(3);
  });
});

describe('garbage or old /proc/meminfo', () => {
  it('junk meminfo: virtualMemory is a ParseError (no MemTotal)', async () => {
    const roots = tree({ 'proc/meminfo': 'hello: world\n: 12 kB\nMemTotal: lots kB\n' });
    const { error } = await settle(collector.virtualMemory(roots));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toContain('MemTotal');
  });

  it('junk meminfo under another root: no swap, never this host\'s sysinfo(2) totals', async () => {
    const roots = tree({ 'proc/meminfo': 'garbage\n' });
    expect(await collector.swapMemory(roots)).toEqual({ total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0 });
  });

  it('no MemAvailable and no zoneinfo: available = MemFree + Cached', async () => {
    const roots = tree({ 'proc/meminfo': MEMINFO_OLD_KERNEL + 'Active(file): 10 kB\nInactive(file): 10 kB\nSReclaimable: 20 kB\n' });
    const vm = await collector.virtualMemory(roots);
    expect(vm.available).toBe((100 + 300) * 1024);
    expect(vm.cached).toBe((300 + 20) * 1024);
    expect(vm.used).toBe((1000 - 100 - 320 - 50) * 1024);
    expect(vm.percent).toBe(60);
    expect([vm.shared, vm.active, vm.inactive, vm.slab]).toEqual([0, 0, 0, 0]);
  });

  it('MemShared and Inact_* are the 2.4-kernel fallbacks; a negative used becomes total - free', async () => {
    const roots = tree({
      'proc/meminfo': 'MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 500 kB\nCached: 600 kB\nMemShared: 7 kB\nInact_dirty: 1 kB\nInact_clean: 2 kB\nInact_laundry: 3 kB\nMemAvailable: 900 kB\n',
    });
    const vm = await collector.virtualMemory(roots);
    expect(vm.shared).toBe(7 * 1024);
    expect(vm.inactive).toBe(6 * 1024);
    expect(vm.used).toBe(900 * 1024);
    expect(vm.available).toBe(900 * 1024);
  });

  it('MemAvailable above total is container-skew: available = free', async () => {
    const roots = tree({ 'proc/meminfo': 'MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 5000 kB\n' });
    expect((await collector.virtualMemory(roots)).available).toBe(100 * 1024);
  });

  it('a malformed zoneinfo "low" line is a ParseError naming zoneinfo', async () => {
    const roots = tree({
      'proc/meminfo': MEMINFO_OLD_KERNEL + 'Active(file): 10 kB\nInactive(file): 10 kB\nSReclaimable: 20 kB\n',
      'proc/zoneinfo': 'Node 0, zone DMA\n  pages free 1\n        low      many\n',
    });
    const { error } = await settle(collector.virtualMemory(roots));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as InstanceType<typeof ParseError>).path).toBe(`${roots.procfs}/zoneinfo`);
  });
});

describe('swap counters', () => {
  it('sin/sout are pswpin/pswpout × 4096; both 0 unless both are present', async () => {
    const meminfo = 'MemTotal: 1000 kB\nMemFree: 100 kB\nSwapTotal: 2000 kB\nSwapFree: 500 kB\n';
    const both = tree({ 'proc/meminfo': meminfo, 'proc/vmstat': 'nr_free_pages 5\npswpin 3\npswpout 7\n' });
    expect(await collector.swapMemory(both)).toEqual({
      total: 2000 * 1024,
      used: 1500 * 1024,
      free: 500 * 1024,
      percent: 75,
      sin: 3 * 4096,
      sout: 7 * 4096,
    });
    const one = tree({ 'proc/meminfo': meminfo, 'proc/vmstat': 'pswpin 3\n' });
    expect(await collector.swapMemory(one)).toMatchObject({ sin: 0, sout: 0 });
  });
});

describe('cpu topology', () => {
  it('core_cpus_list wins over thread_siblings_list, and equal lists count once', async () => {
    const roots = tree({
      'sys/devices/system/cpu/cpu0/topology/core_cpus_list': '0-1\n',
      'sys/devices/system/cpu/cpu1/topology/core_cpus_list': '0,1\n',
      'sys/devices/system/cpu/cpu2/topology/core_cpus_list': '2\n',
      'sys/devices/system/cpu/cpu0/topology/thread_siblings_list': '0\n',
      'sys/devices/system/cpu/cpu3/topology/thread_siblings_list': '3\n',
      'sys/devices/system/cpu/cpufreq/topology/core_cpus_list': '9\n',
      'proc/cpuinfo': '',
    });
    expect(await collector.cpuCount({ ...roots, logical: false })).toBe(2);
  });

  it('cpuinfo fallback sums "cpu cores" per distinct physical id; none → null', async () => {
    const section = (id: number, cores: number) => `processor\t: 0\nphysical id\t: ${id}\ncpu cores\t: ${cores}\n\n`;
    const two = tree({ 'proc/cpuinfo': section(0, 4) + section(0, 4) + section(1, 6) });
    expect(await collector.cpuCount({ ...two, logical: false })).toBe(10);
    const none = tree({ 'proc/cpuinfo': 'processor : 0\n\n' });
    expect(await collector.cpuCount({ ...none, logical: false })).toBeNull();
  });
});

describe('random bytes everywhere', () => {
  it('200 random trees: every call settles with a value or a ProcyonError', async () => {
    const files = ['proc/stat', 'proc/meminfo', 'proc/vmstat', 'proc/zoneinfo', 'proc/cpuinfo', 'sys/devices/system/cpu/cpu0/topology/core_cpus_list'];
    for (let i = 0; i < 200; i++) {
      const contents: Record<string, Uint8Array | string> = {};
      for (const file of files) {
        const bytes = randomBytes(Math.floor(Math.random() * 512));
        // Mix in plausible keys so the parsers get past the first token.
        contents[file] = i % 2 ? bytes : `cpu ${bytes.toString('latin1')}\nMemTotal: ${bytes.length} kB\nlow ${bytes[0] ?? ''}\n`;
      }
      const roots = tree(contents);
      const results = await Promise.all([
        settle(collector.cpuTimes(roots)),
        settle(collector.cpuTimes({ ...roots, percpu: true })),
        settle(collector.cpuCount(roots)),
        settle(collector.cpuCount({ ...roots, logical: false })),
        settle(collector.virtualMemory(roots)),
        settle(collector.swapMemory(roots)),
        settle(collector.bootTime(roots)),
      ]);
      for (const { error } of results) {
        if (error !== undefined) expect(error).toBeInstanceOf(ProcyonError);
      }
    }
  });
});
