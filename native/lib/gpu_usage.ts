// A process's GPU share: the addon reads its DRM clients' cumulative
// counters (and NVML's figures), and this file turns two readings into the
// rates of ProcessGpu. Each consumer (processTable's module state, a
// ProcessTableReader, a Process) keeps its own previous reading.

import type { ProcessGpu } from './gpu';
import { binding, callAsync } from './native';
import type { ResolvedRoots } from './roots';

/** @internal One client's engine counter: ns when `total` is null, else busy cycles over the GPU's total cycles (xe). */
export interface DrmEngineCounter {
  device: string;
  client: string;
  engine: string;
  busy: number;
  total: number | null;
  capacity: number;
}

/** @internal NVML's figures for a process on one NVIDIA device (NVML's own sampled percentages). */
export interface NvmlProcess {
  device: string;
  memoryBytes: number | null;
  smPercent: number | null;
  encPercent: number | null;
  decPercent: number | null;
}

/** @internal A process holding DRM clients (or listed by NVML): cumulative counters. */
export interface ProcessDrm {
  pid: number;
  devices: string[];
  memoryBytes: number;
  counters: DrmEngineCounter[];
  nvml: NvmlProcess[];
}

/** @internal The addon's processGpu() answer; `timestamp` is monotonic seconds. */
export interface ProcessGpuReading {
  timestamp: number;
  processes: ProcessDrm[];
}

declare module './native' {
  interface NativeBinding {
    processGpu(options: ResolvedRoots & { pid?: number }): Promise<ProcessGpuReading>;
  }
}

const clamp = (n: number): number => Math.min(100, Math.max(0, n));

/**
 * The rates of `next` against `prev` (the same process's reading `elapsed`
 * seconds earlier; undefined: none, so every engine reads 0). An engine's
 * share is summed over the process's clients and divided by the engines of
 * its class (drm-engine-capacity); NVML's percentages are taken as they are.
 */
export function processGpuBetween(prev: ProcessDrm | undefined, next: ProcessDrm, elapsed: number): ProcessGpu {
  const engines = new Map<string, number>();
  const before = new Map<string, DrmEngineCounter>();
  for (const c of prev?.counters ?? []) before.set(`${c.client}\0${c.engine}`, c);
  for (const c of next.counters) {
    const old = before.get(`${c.client}\0${c.engine}`);
    let share = 0;
    if (old !== undefined) {
      if (c.total !== null && old.total !== null) {
        const total = c.total - old.total;
        share = total > 0 ? Math.max(0, c.busy - old.busy) / total : 0;
      } else if (c.total === null && old.total === null && elapsed > 0) {
        share = Math.max(0, c.busy - old.busy) / (elapsed * 1e9);
      }
    }
    engines.set(c.engine, (engines.get(c.engine) ?? 0) + (share * 100) / Math.max(1, c.capacity));
  }
  for (const n of next.nvml) {
    const add = (name: string, value: number | null): void => {
      if (value !== null) engines.set(name, Math.max(engines.get(name) ?? 0, value));
    };
    add('sm', n.smPercent);
    add('encoder', n.encPercent);
    add('decoder', n.decPercent);
  }
  let busyPercent = 0;
  for (const [name, value] of engines) {
    const rounded = Math.round(clamp(value) * 10) / 10;
    engines.set(name, rounded);
    busyPercent = Math.max(busyPercent, rounded);
  }
  return { busyPercent, engines: Object.fromEntries(engines), memoryBytes: next.memoryBytes, devices: next.devices };
}

/** @internal The previous reading of each process, to make rates from the next. */
export class GpuUsageTracker {
  #previous = new Map<number, ProcessDrm>();
  #timestamp = 0;

  constructor(private readonly roots: ResolvedRoots) {}

  /** Every process holding a DRM client (or listed by NVML) now, by pid, with its rates since this tracker's previous read. */
  async all(): Promise<Map<number, ProcessGpu>> {
    const reading = await callAsync(() => binding.processGpu(this.roots));
    return this.#advance(reading);
  }

  /** One process's share, or null when it holds no DRM client. */
  async one(pid: number): Promise<ProcessGpu | null> {
    const reading = await callAsync(() => binding.processGpu({ ...this.roots, pid }));
    return this.#advance(reading).get(pid) ?? null;
  }

  // Keyed by pid: a reused pid's new process has new DRM client ids, so nothing of the old one's counters matches.
  #advance(reading: ProcessGpuReading): Map<number, ProcessGpu> {
    const elapsed = reading.timestamp - this.#timestamp;
    const out = new Map<number, ProcessGpu>();
    const next = new Map<number, ProcessDrm>();
    for (const process of reading.processes) {
      out.set(process.pid, processGpuBetween(this.#previous.get(process.pid), process, elapsed));
      next.set(process.pid, process);
    }
    this.#previous = next;
    this.#timestamp = reading.timestamp;
    return out;
  }
}
