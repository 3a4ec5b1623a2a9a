// What crosses the boundary between host and UI. Field names are psutil's in
// camelCase, units are psutil's (bytes, seconds, percent 0..100); times are ms
// since the epoch because that is what charts and Date want.

/** Share of elapsed CPU time per mode over one tick (psutil.cpu_times_percent). */
export interface CpuTimesPercent {
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

export interface CpuSample {
  /** Total utilisation over the last tick, psutil.cpu_percent(). */
  percent: number;
  /** Per logical CPU, psutil.cpu_percent(percpu=True). */
  perCpu: number[];
  /** Total utilisation split by mode, psutil.cpu_times_percent(). */
  timesPercent: CpuTimesPercent;
}

/** psutil.virtual_memory() on Linux. */
export interface MemorySample {
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

/** psutil.swap_memory(). */
export interface SwapSample {
  total: number;
  used: number;
  free: number;
  percent: number;
  sin: number;
  sout: number;
}

/** One tick of the sampler. `cpu` is null on the first tick: a rate needs two readings. */
export interface Snapshot {
  seq: number;
  /** ms since the epoch when the tick's reads finished. */
  time: number;
  /** The tick length the sampler was running at. */
  intervalMs: number;
  cpu: CpuSample | null;
  memory: MemorySample;
  swap: SwapSample;
}

export interface HostInfo {
  product: 'procyon';
  version: string;
  platform: string;
  hostname: string;
  cpuCountLogical: number;
  /** null when the platform does not say (psutil returns None). */
  cpuCountPhysical: number | null;
  /** Seconds since the epoch (psutil.boot_time()). */
  bootTime: number;
  intervalMs: number;
  /** How many ticks of history the host keeps. */
  historyCapacity: number;
  /** True when the host refuses every operation that changes something. */
  readOnly: boolean;
  /** Which transport the UI is talking through. */
  transport: 'electron' | 'websocket';
}
