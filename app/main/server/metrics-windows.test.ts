import type { CpuTimes } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { publishedFamilies } from './metrics-catalogue';
import { parseExposition } from './metrics-exposition.test-util';
import { buildFamilies, type TickInputs } from './metrics-families';
import { MetricsRegistry } from './metrics-registry';
import { WINDOWS_EXPORTER_DOCS } from './windows-exporter-docs.test-util';

// On a Windows collector the exporter speaks windows_exporter: every family it
// publishes there is one windows_exporter's own docs list, with its type and
// labels, or a procyon_* one; no node_* family. The e2e suite scrapes the real
// thing under Wine (e2e/windows/serve-wine.spec.ts).

const DOCS = new Map(WINDOWS_EXPORTER_DOCS.map(([name, type, labels]) => [name, { type, labels }]));

describe('the families a Windows collector publishes', () => {
  const windows = publishedFamilies('win32');

  it('are windows_exporter families with its type and labels, or procyon_* ones; never node_*', () => {
    expect(windows.length).toBeGreaterThan(10);
    for (const f of windows) {
      if (f.name.startsWith('procyon_')) continue;
      expect(f.name, `${f.key} on Windows`).toMatch(/^windows_[a-z][a-z0-9_]*$/);
      const doc = DOCS.get(f.name);
      expect(doc, `${f.name} is in windows_exporter's docs`).toBeDefined();
      expect({ name: f.name, type: f.type, labels: [...f.labels].sort() }).toEqual({ name: f.name, type: doc!.type, labels: [...doc!.labels].sort() });
    }
    expect(windows.filter((f) => f.name.startsWith('node_'))).toEqual([]);
  });

  it("follow windows_exporter's naming: snake_case, counters end in _total, one family per name", () => {
    for (const f of windows.filter((w) => w.name.startsWith('windows_'))) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const l of f.labels) expect(l).toMatch(/^[a-z][a-z0-9_]*$/);
      if (f.type === 'counter') expect(f.name).toMatch(/_total$/);
      expect(f.help.length).toBeGreaterThan(0);
    }
    expect(new Set(windows.map((f) => f.name)).size).toBe(windows.length);
  });

  it('cover what the issue names: cpu time, memory, logical disks, network, system', () => {
    const names = new Set(windows.map((f) => f.name));
    for (const n of [
      'windows_cpu_time_total',
      'windows_memory_physical_total_bytes',
      'windows_memory_available_bytes',
      'windows_logical_disk_size_bytes',
      'windows_logical_disk_free_bytes',
      'windows_net_bytes_received_total',
      'windows_net_bytes_sent_total',
      'windows_system_boot_time_timestamp',
      'windows_system_processes',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('Linux publishes none of them: its families stay node_exporter’s and procyon_*', () => {
    const linux = publishedFamilies('linux');
    expect(linux.filter((f) => !/^(node|procyon)_/.test(f.name))).toEqual([]);
    expect(linux.every((f) => f.name === f.key)).toBe(true);
  });
});

/** psutil's Windows cpu_times() per CPU: user, system, idle, interrupt, dpc. */
const psutilWindowsTimes = (i: number) => ({ user: 10 + i, system: 5 + i, idle: 100 + i, interrupt: 0.5, dpc: 0.25 }) as unknown as CpuTimes;

/** A tick of a Windows host, as its collector shapes it: psutil's Windows fields, drive letters, friendly NIC names. */
function windowsTick(perCpu: CpuTimes[]): TickInputs {
  const memory = { total: 8e9, available: 5e9, percent: 37.5, used: 3e9, free: 5e9, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 };
  const snapshot: Snapshot = {
    seq: 3,
    time: 0,
    intervalMs: 1000,
    cpu: null,
    memory,
    swap: { total: 2e9, used: 1e8, free: 1.9e9, percent: 5, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    cpuDetails: { loadavg: null, perCpuFreq: [{ current: 2400, min: 0, max: 3000 }] },
    partitions: [
      { device: 'C:\\', mountpoint: 'C:\\', fstype: 'NTFS', opts: 'rw,fixed', usage: { total: 500e9, used: 200e9, free: 290e9, percent: 40 } },
      { device: 'D:\\', mountpoint: 'D:\\', fstype: 'CDFS', opts: 'ro,cdrom', usage: { total: 7e8, used: 7e8, free: 0, percent: 100 } },
    ],
    network: [
      {
        name: 'Ethernet',
        bytesSent: 1000,
        bytesRecv: 5000,
        packetsSent: 10,
        packetsRecv: 50,
        errin: 1,
        errout: 2,
        dropin: 3,
        dropout: 4,
        bytesSentPerSec: 0,
        bytesRecvPerSec: 0,
        packetsSentPerSec: 0,
        packetsRecvPerSec: 0,
        stats: { isup: true, duplex: 2, speed: 1000, mtu: 1500, flags: '' },
      },
    ],
  };
  return {
    snapshot,
    perCpu,
    cpuStats: { ctxSwitches: 123456, interrupts: 999, softInterrupts: 77, syscalls: 424242 },
    disks: null,
    hwmon: null,
    powerSupplies: null,
    processes: { count: 42, byCpu: [], byMemory: [{ pid: 4, name: 'System', value: 1e6 }], byGpu: [], byGpuMemory: [] },
    bootTime: 1_700_000_000,
    updateSeconds: 0.001,
  };
}

async function windowsExposition(t: TickInputs) {
  const registry = new MetricsRegistry('win32');
  registry.apply(buildFamilies(t));
  return parseExposition((await registry.render(undefined)).body);
}

describe('a Windows tick on /metrics', () => {
  it("psutil's Windows CPU times are windows_cpu_time_total by core and windows_exporter's five modes", async () => {
    const x = await windowsExposition(windowsTick([psutilWindowsTimes(0), psutilWindowsTimes(1)]));
    expect(x.types.get('windows_cpu_time_total')).toBe('counter');
    const modes = (core: string) => Object.fromEntries(x.samples.filter((s) => s.name === 'windows_cpu_time_total' && s.labels.core === core).map((s) => [s.labels.mode, s.value]));
    expect(modes('0,0')).toEqual({ user: 10, privileged: 5, idle: 100, interrupt: 0.5, dpc: 0.25 });
    expect(modes('0,1')).toEqual({ user: 11, privileged: 6, idle: 101, interrupt: 0.5, dpc: 0.25 });
    expect(x.value('windows_cpu_core_frequency_mhz', { core: '0,0' })).toBe(2400);
  });

  it('memory, logical disks by volume, NICs by nic, system counters; procyon_* kept; no node_* sample', async () => {
    const x = await windowsExposition(windowsTick([psutilWindowsTimes(0)]));
    expect(x.value('windows_memory_physical_total_bytes')).toBe(8e9);
    expect(x.value('windows_memory_physical_free_bytes')).toBe(5e9);
    expect(x.value('windows_memory_available_bytes')).toBe(5e9);
    // psutil's Windows swap total is the commit limit less physical memory.
    expect(x.value('windows_memory_commit_limit')).toBe(10e9);
    expect(x.value('windows_logical_disk_size_bytes', { volume: 'C:' })).toBe(500e9);
    expect(x.value('windows_logical_disk_free_bytes', { volume: 'C:' })).toBe(300e9);
    expect(x.value('windows_logical_disk_readonly', { volume: 'D:' })).toBe(1);
    expect(x.samples.filter((s) => s.name.startsWith('windows_logical_disk_')).every((s) => Object.keys(s.labels).join() === 'volume')).toBe(true);
    expect(x.value('windows_net_bytes_received_total', { nic: 'Ethernet' })).toBe(5000);
    expect(x.value('windows_net_bytes_sent_total', { nic: 'Ethernet' })).toBe(1000);
    expect(x.value('windows_net_bytes_total', { nic: 'Ethernet' })).toBe(6000);
    expect(x.value('windows_net_packets_received_errors_total', { nic: 'Ethernet' })).toBe(1);
    expect(x.value('windows_net_packets_outbound_discarded_total', { nic: 'Ethernet' })).toBe(4);
    expect(x.value('windows_net_current_bandwidth_bytes', { nic: 'Ethernet' })).toBe(125e6);
    expect(x.value('windows_system_context_switches_total')).toBe(123456);
    expect(x.value('windows_system_system_calls_total')).toBe(424242);
    expect(x.value('windows_system_boot_time_timestamp')).toBe(1_700_000_000);
    expect(x.value('windows_system_processes')).toBe(42);
    expect(x.value('procyon_process_resident_memory_bytes', { pid: '4', name: 'System' })).toBe(1e6);
    expect(x.value('procyon_memory_used_bytes')).toBe(3e9);
    expect(x.samples.filter((s) => s.name.startsWith('node_'))).toEqual([]);
    expect([...x.types.keys()].filter((n) => !/^(windows|procyon)_/.test(n))).toEqual([]);
  });
});
