// The live machine: results agree with a parse of /proc done here.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { CLOCK_TICKS, CPU_FIELDS, collector, statColumns } from './helpers';

const tick = 1 / CLOCK_TICKS;

function expectWithin(value: number, before: number, after: number): void {
  // Counters only grow; allow one tick either side for the rounding of jiffies.
  expect(value).toBeGreaterThanOrEqual(before - tick - 1e-9);
  expect(value).toBeLessThanOrEqual(after + tick + 1e-9);
}

describe('live /proc', () => {
  it('cpuTimes() matches /proc/stat read around the call', async () => {
    const before = statColumns(readFileSync('/proc/stat', 'utf8'), 'cpu');
    const times = await collector.cpuTimes();
    const after = statColumns(readFileSync('/proc/stat', 'utf8'), 'cpu');
    CPU_FIELDS.forEach((field, i) => expectWithin(times[field], (before[i] ?? 0) / CLOCK_TICKS, (after[i] ?? 0) / CLOCK_TICKS));
    expect(times.idle).toBeGreaterThan(0);
  });

  it('cpuTimes({percpu: true}) has one entry per cpuN line, each matching its line', async () => {
    const beforeText = readFileSync('/proc/stat', 'utf8');
    const labels = beforeText.split('\n').map((l) => l.split(' ')[0] ?? '').filter((l) => /^cpu\d+$/.test(l));
    const times = await collector.cpuTimes({ percpu: true });
    const afterText = readFileSync('/proc/stat', 'utf8');
    expect(times).toHaveLength(labels.length);
    labels.forEach((label, cpu) => {
      const before = statColumns(beforeText, label);
      const after = statColumns(afterText, label);
      CPU_FIELDS.forEach((field, i) => expectWithin(times[cpu]![field], (before[i] ?? 0) / CLOCK_TICKS, (after[i] ?? 0) / CLOCK_TICKS));
    });
  });

  it('bootTime() is btime from /proc/stat', async () => {
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    expect(await collector.bootTime()).toBe(btime);
    expect(collector.bootTimeSync()).toBe(btime);
  });

  it('virtualMemory().total is MemTotal and the fields are consistent', async () => {
    const memTotal = Number(/^MemTotal:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) * 1024;
    const vm = await collector.virtualMemory();
    expect(vm.total).toBe(memTotal);
    expect(vm.available).toBeGreaterThan(0);
    expect(vm.available).toBeLessThanOrEqual(vm.total);
    expect(vm.percent).toBe(Number((((vm.total - vm.available) / vm.total) * 100).toFixed(1)));
  });

  it('cpuCount() equals the online CPUs, and physical cores are at most that', async () => {
    const logical = await collector.cpuCount();
    expect(logical).toBeGreaterThan(0);
    expect(collector.cpuCountSync()).toBe(logical);
    const physical = await collector.cpuCount({ logical: false });
    expect(physical === null || (physical >= 1 && physical <= logical!)).toBe(true);
  });

  it('capabilities() reports every implemented function on Linux, and what this machine lacks', () => {
    // Sensors depend on the machine (a container may have no hwmon); the rest are /proc files every Linux has.
    const has = (dir: string) => existsSync(`/sys/class/${dir}`);
    const machineDependent: Record<string, boolean> = {
      sensorsTemperatures: has('hwmon') || has('thermal'),
      sensorsFans: has('hwmon'),
      hwmonChips: has('hwmon'),
      sensorsBattery: has('power_supply'),
      powerSupplies: has('power_supply'),
      cpuFreq: existsSync('/sys/devices/system/cpu'),
      // DRM cards (NVML is only consulted where a DRM class exists or PROCYON_NVML_LIBRARY names it).
      gpus: has('drm'),
    };
    // Windows' services are not Linux's to have.
    const windowsOnly = (name: string) => name.startsWith('winService');
    const caps = collector.capabilities();
    for (const [name, available] of Object.entries(caps)) expect([name, available]).toEqual([name, machineDependent[name] ?? !windowsOnly(name)]);
    for (const c of collector.capabilityReport()) {
      if (!c.available && windowsOnly(c.name)) expect(c).toMatchObject({ reason: 'platform' });
      else if (!c.available) expect(c).toMatchObject({ reason: 'missing-file', path: expect.stringMatching(/^\/sys\//) });
    }
  });

  it('many concurrent calls all settle (reads run on the thread pool)', async () => {
    const results = await Promise.all(Array.from({ length: 64 }, () => collector.cpuTimes({ percpu: true })));
    expect(new Set(results.map((r) => r.length)).size).toBe(1);
  });
});
