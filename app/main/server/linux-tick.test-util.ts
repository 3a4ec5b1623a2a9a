import type { ProcessRow, Snapshot } from '../../shared';
import { buildFamilies, type TickInputs } from './metrics-families';
import { MetricsRegistry } from './metrics-registry';

// A Linux exporter tick with only what a test gives it (memory fixed, every
// other reading absent), rendered by prom-client as a scrape sees it: the
// families a test checks, without the sampler or the collector.

const MEMORY = { total: 8e9, available: 4e9, percent: 50, used: 3e9, free: 1e9, active: 2e9, inactive: 1e9, buffers: 1e8, cached: 2e9, shared: 1e7, slab: 3e8 };

export function linuxTick(extra: Partial<Snapshot>, processes: TickInputs['processes'] = null): TickInputs {
  return {
    snapshot: { seq: 7, time: 0, intervalMs: 2000, cpu: null, memory: MEMORY, swap: null, ...extra },
    perCpu: null,
    cpuStats: null,
    disks: null,
    hwmon: null,
    powerSupplies: null,
    processes,
    bootTime: null,
    updateSeconds: 0.001,
  };
}

/** The tick's exposition, line by line. */
export async function scrapeLines(t: TickInputs): Promise<string[]> {
  const registry = new MetricsRegistry('linux');
  registry.apply(buildFamilies(t));
  return (await registry.render(undefined)).body.split('\n');
}

/** A process row with the given pid and name, `extra` (its gpu or net share) on top of fixed figures. */
export const processRow = (pid: number, name: string, extra: Partial<ProcessRow>): ProcessRow => ({
  pid, createTime: 1, ppid: 1, name, username: 'u', status: 'running', cpuPercent: 0, cpuTimes: 0, rss: 1, vms: 1, memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0, ...extra,
});
