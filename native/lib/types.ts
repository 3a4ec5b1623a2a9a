// The psutil-shaped types of @procyon/collector. Names are psutil's in camelCase;
// units are psutil's (bytes, seconds).

import type { MetricName } from './metric';

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

/**
 * psutil.cpu_times() on Windows: seconds in each mode since boot. system is
 * kernel time less idle time; interrupt and DPC time are spent inside it.
 */
export interface WindowsCpuTimes {
  user: number;
  system: number;
  idle: number;
  interrupt: number;
  dpc: number;
}

/**
 * psutil's scputimes, whose fields are the platform's: CpuTimes on Linux,
 * WindowsCpuTimes on Windows (isWindowsCpuTimes tells them apart).
 */
export type SystemCpuTimes = CpuTimes | WindowsCpuTimes;

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

/**
 * The functions whose availability capabilities() reports, as the keys of an
 * interface so that a new area's lib/<area>.ts adds its own by declaration
 * merging (`declare module './types' { interface CollectorFunctions { name: true } }`);
 * checked against describe() by test/describe.test.ts. Every whole-system metric is
 * one (Metrics, lib/metric.ts).
 */
export interface CollectorFunctions extends Record<MetricName, true> {
  cpuTimes: true;
  cpuCount: true;
  virtualMemory: true;
  swapMemory: true;
  bootTime: true;
  // --- cpu (percent, stats, freq, load) ---
  cpuPercent: true;
  cpuTimesPercent: true;
  cpuStats: true;
  cpuFreq: true;
  getloadavg: true;
  // --- disks ---
  diskPartitions: true;
  diskUsage: true;
  diskIoCounters: true;
  // --- other system info (users, pids) ---
  users: true;
  pids: true;
  pidExists: true;
  // --- snapshot ---
  systemSnapshot: true;
  // --- network ---
  netIoCounters: true;
  netConnections: true;
  netIfAddrs: true;
  netIfStats: true;
  // --- sensors ---
  sensorsTemperatures: true;
  sensorsFans: true;
  sensorsBattery: true;
  hwmonChips: true;
  powerSupplies: true;
  // --- processes ---
  Process: true;
  processIter: true;
  waitProcs: true;
  processTable: true;
  'Process.ionice': true;
  'Process.rlimit': true;
  'Process.cpuAffinity': true;
}

export type CollectorFunction = keyof CollectorFunctions;

/** capabilities(): for each function, whether it works here. */
export type Capabilities = Readonly<Record<CollectorFunction, boolean>>;

// --- network ---

/** psutil.net_io_counters(): cumulative counters since boot (bytes, packets). */
export interface NetIoCounters {
  bytesSent: number;
  bytesRecv: number;
  packetsSent: number;
  packetsRecv: number;
  errin: number;
  errout: number;
  dropin: number;
  dropout: number;
}

export interface NetIoCountersOptions extends Roots {
  /** One entry per NIC instead of the sum (default false). */
  pernic?: boolean;
  /** Keep counters from ever decreasing between calls (default true). */
  nowrap?: boolean;
  /** Where nowrap keeps its state; defaults to a shared one (see netIoCounters.cacheClear). */
  wrapCache?: import('./wrap_numbers').WrapNumbers;
}

/** psutil's addr namedtuple. */
export interface InetAddr {
  ip: string;
  port: number;
}

/**
 * psutil.net_connections() entry. For AF_INET/AF_INET6, laddr/raddr are
 * InetAddr or null (psutil's empty tuple: no remote end or port 0); for
 * AF_UNIX, laddr is the socket path ('' when unnamed) and raddr is ''.
 */
export interface NetConnection {
  /** -1 when the owning process is unknown. */
  fd: number;
  /** AF_INET (2), AF_INET6 (10) or AF_UNIX (1). */
  family: number;
  /** SOCK_STREAM (1), SOCK_DGRAM (2) or SOCK_SEQPACKET (5). */
  type: number;
  laddr: InetAddr | string | null;
  raddr: InetAddr | string | null;
  /** One of the CONN_* strings; 'NONE' for UDP and UNIX sockets. */
  status: import('./constants_net').ConnectionStatus;
  pid: number | null;
}

export interface NetConnectionsOptions extends Roots {
  /** Which sockets (default 'inet'); see CONNECTION_KINDS. */
  kind?: import('./constants_net').ConnectionKind;
}

/** psutil.net_if_addrs() entry; null fields are psutil's None. */
export interface NicAddress {
  /** AF_INET (2), AF_INET6 (10) or AF_LINK (17). */
  family: number;
  address: string;
  netmask: string | null;
  broadcast: string | null;
  ptp: string | null;
}

/** psutil.net_if_stats() entry. */
export interface NicStats {
  isup: boolean;
  /** NIC_DUPLEX_FULL (2), NIC_DUPLEX_HALF (1) or NIC_DUPLEX_UNKNOWN (0). */
  duplex: number;
  /** Mbps; 0 when unknown. */
  speed: number;
  mtu: number;
  /** Comma-separated flag names, e.g. 'up,broadcast,running,multicast'. */
  flags: string;
}

// --- sensors ---

/** psutil.sensors_temperatures() entry, in °C (or °F); null when unknown. */
export interface Temperature {
  label: string;
  current: number;
  high: number | null;
  critical: number | null;
}

export interface SensorsTemperaturesOptions extends Roots {
  fahrenheit?: boolean;
}

/** psutil.sensors_fans() entry: speed in RPM. */
export interface Fan {
  label: string;
  current: number;
}

/** psutil.sensors_battery(). */
export interface Battery {
  percent: number;
  /** Seconds, or POWER_TIME_UNLIMITED (-2) / POWER_TIME_UNKNOWN (-1). */
  secsleft: number;
  powerPlugged: boolean | null;
}
