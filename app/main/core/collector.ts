import * as native from '@procyon/collector';
import type { CpuTimes } from '@procyon/collector';
import type { MemorySample, SwapSample } from '../../shared';

/** Where the collector reads /proc and /sys from (tests and --procfs/--sysfs point it at captured trees). */
export interface CollectorRoots {
  procfs?: string;
  sysfs?: string;
}

/** One tick's raw readings: counters, not yet rates. */
export interface RawTick {
  cpuTotal: CpuTimes;
  cpuPer: CpuTimes[];
  memory: MemorySample;
  swap: SwapSample;
}

export interface StaticFacts {
  cpuCountLogical: number;
  cpuCountPhysical: number | null;
  bootTime: number;
}

const TICK_TOPICS = ['cpuTimes', 'perCpuTimes', 'virtualMemory', 'swapMemory'] as const;

/**
 * A topic that failed fails the tick, with the collector's own error: the
 * dashboard's panels need all four, and the sampler reports and skips such a tick.
 */
function topic<T>(value: T | native.SnapshotError): T {
  if (native.isSnapshotError(value)) {
    // The same conversion as a rejected call, so the error has its usual class.
    throw native.fromNative(Object.assign(new Error(value.error.message), value.error));
  }
  return value;
}

/** Reads what the sampler needs from @procyon/collector; the reads run on the addon's worker threads. */
export class Collector {
  constructor(private readonly roots: CollectorRoots = {}) {}

  /** One trip to the addon's worker thread per tick, for the topics on screen. */
  async readTick(): Promise<RawTick> {
    const snap = await native.systemSnapshot({ ...this.roots, topics: TICK_TOPICS });
    return {
      cpuTotal: topic(snap.cpuTimes),
      cpuPer: topic(snap.perCpuTimes),
      memory: topic(snap.virtualMemory),
      swap: topic(snap.swapMemory),
    };
  }

  async readStatic(): Promise<StaticFacts> {
    const r = this.roots;
    const [logical, physical, bootTime] = await Promise.all([
      native.cpuCount({ ...r, logical: true }),
      native.cpuCount({ ...r, logical: false }),
      native.bootTime(r),
    ]);
    return { cpuCountLogical: logical ?? 1, cpuCountPhysical: physical, bootTime };
  }
}
