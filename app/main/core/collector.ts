import * as native from '@procyon/collector';
import type { CpuTimesLike } from './cpu-percent';
import type { MemorySample, SwapSample } from '../../shared';

/** Where the collector reads /proc and /sys from (tests and --procfs/--sysfs point it at captured trees). */
export interface CollectorRoots {
  procfs?: string;
  sysfs?: string;
}

/** One tick's raw readings: counters, not yet rates. */
export interface RawTick {
  cpuTotal: CpuTimesLike;
  cpuPer: CpuTimesLike[];
  memory: MemorySample;
  swap: SwapSample;
}

export interface StaticFacts {
  cpuCountLogical: number;
  cpuCountPhysical: number | null;
  bootTime: number;
}

/** Reads what the sampler needs from @procyon/collector; the reads run on the addon's worker threads. */
export class Collector {
  constructor(private readonly roots: CollectorRoots = {}) {}

  async readTick(): Promise<RawTick> {
    const r = this.roots;
    const [cpuTotal, cpuPer, memory, swap] = await Promise.all([
      native.cpuTimes({ ...r, percpu: false }),
      native.cpuTimes({ ...r, percpu: true }),
      native.virtualMemory(r),
      native.swapMemory(r),
    ]);
    return { cpuTotal, cpuPer, memory, swap };
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
