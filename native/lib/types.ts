// The psutil-shaped types of @procyon/collector. Names are psutil's in camelCase;
// units are psutil's (bytes, seconds).

/** psutil.cpu_times() on Linux: seconds spent in each mode since boot. */
export interface CpuTimes {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  guest: number;
  guestNice: number;
}

/** psutil.virtual_memory() on Linux, in bytes (percent in 0..100). */
export interface VirtualMemory {
  total: number;
  available: number;
  percent: number;
  used: number;
  free: number;
  active: number;
  inactive: number;
  buffers: number;
  cached: number;
  shared: number;
  slab: number;
}

/** psutil.swap_memory() on Linux: bytes, and sin/sout as cumulative bytes swapped. */
export interface SwapMemory {
  total: number;
  used: number;
  free: number;
  percent: number;
  sin: number;
  sout: number;
}

/** Where the collector reads from. Each defaults to PROCYON_PROCFS / PROCYON_SYSFS, else /proc and /sys. */
export interface Roots {
  procfs?: string;
  sysfs?: string;
}

export interface CpuTimesOptions extends Roots {
  percpu?: boolean;
}

export interface CpuCountOptions extends Roots {
  logical?: boolean;
}

/** The functions whose availability capabilities() reports. */
export type CollectorFunction =
  | 'cpuTimes'
  | 'cpuCount'
  | 'virtualMemory'
  | 'swapMemory'
  | 'bootTime'
  // --- processes ---
  | 'pids'
  | 'pidExists'
  | 'Process'
  | 'processIter'
  | 'waitProcs'
  | 'processTable';

/** capabilities(): for each function, whether this platform implements it. */
export type Capabilities = Readonly<Record<CollectorFunction, boolean>>;
