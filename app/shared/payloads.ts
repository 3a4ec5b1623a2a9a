import type {
  Battery,
  CpuFreq,
  DiskIoCounters,
  DiskPartition,
  DiskUsage,
  Fan,
  NetIoCounters,
  NicAddress,
  GpuDevice,
  NicStats,
  ProcessGpu,
  ProcessNet,
  SocketNet,
  SwapMemory,
  SystemCpuTimes,
  Temperature,
  User,
  VirtualMemory,
  WindowsCpuTimes,
} from '@procyon/collector';
import type { Culprits } from './culprits';
import type { HostConstants } from './host-constants';
import { METRIC_TOPICS, type MetricSamples } from './metrics/registry';
import type { ProcessDelta } from './process-delta';
import type { AlertEvent } from './settings';

// What crosses the boundary between host and UI. Field names are psutil's in
// camelCase, units are psutil's (bytes, seconds, percent 0..100); times are ms
// since the epoch because that is what charts and Date want. What the
// collector returns as is, or a part of it, is the collector's own type
// (type-only imports: nothing of the collector runs in the renderer); what is
// declared here is what the host adds (rates, joins, its own facts).

/**
 * Share of elapsed CPU time per mode over one tick (psutil.cpu_times_percent): cpu_times' fields, in percent,
 * in the platform's record (Linux's modes, or Windows' user, system, idle, interrupt, dpc).
 */
export type CpuTimesPercent = SystemCpuTimes;

/** Whether a record is Windows' (the collector's isWindowsCpuTimes, which the renderer may not import: the field only it has). */
export function isWindowsCpuTimes(t: SystemCpuTimes): t is WindowsCpuTimes {
  return 'dpc' in t;
}

export interface CpuSample {
  /** Total utilisation over the last tick, psutil.cpu_percent(). */
  percent: number;
  /** Per logical CPU, psutil.cpu_percent(percpu=True). */
  perCpu: number[];
  /** Total utilisation split by mode, psutil.cpu_times_percent(). */
  timesPercent: CpuTimesPercent;
  /** Per logical CPU, split by mode (for stacked per-core charts). */
  perCpuTimesPercent: CpuTimesPercent[];
  /** Context switches, interrupts and soft interrupts per second (psutil.cpu_stats() deltas); null when cpu_stats was not read (errors.cpuStats says why). */
  ctxSwitchesPerSec: number | null;
  interruptsPerSec: number | null;
  softInterruptsPerSec: number | null;
}

/** psutil.cpu_freq() entry, MHz (min and max 0 when unknown). */
export type CpuFreqSample = CpuFreq;

/** What the CPU page shows besides utilisation; present with the 'cpu' topic. */
export interface CpuDetails {
  /** psutil.getloadavg(); null where the host's platform has none in Procyon (its capability says so) or it failed (errors.loadavg says why). */
  loadavg: [number, number, number] | null;
  /** psutil.cpu_freq(percpu=True); empty when the machine reports none. */
  perCpuFreq: CpuFreqSample[];
}

/** One block device over the last tick (psutil.disk_io_counters(perdisk=True) deltas). */
/** Its cumulative readBytes and writeBytes are as psutil reports them (nowrap applied). */
export interface DiskSample extends Pick<DiskIoCounters, 'readBytes' | 'writeBytes'> {
  name: string;
  readBytesPerSec: number;
  writeBytesPerSec: number;
  readsPerSec: number;
  writesPerSec: number;
  /** Share of the tick the device was busy (busy_time delta / elapsed), 0..100. */
  busyPercent: number;
}

/** psutil.disk_partitions() joined with psutil.disk_usage(mountpoint). */
export interface PartitionSample extends DiskPartition {
  /** null when statvfs failed (a stale network mount, say). */
  usage: DiskUsage | null;
}

/** One network interface over the last tick, with its cumulative counters (psutil.net_io_counters(pernic=True), nowrap applied). */
export interface NicSample extends NetIoCounters {
  name: string;
  bytesSentPerSec: number;
  bytesRecvPerSec: number;
  packetsSentPerSec: number;
  packetsRecvPerSec: number;
  /** psutil.net_if_stats(); null when the interface has no stats entry. */
  stats: NicStats | null;
}

/** psutil.sensors_temperatures() entry, °C; null marks are unknown. */
export type TemperatureSample = Temperature;

export interface SensorsSample {
  /** By chip name. */
  temperatures: Record<string, TemperatureSample[]>;
  /** By chip name: RPM. */
  fans: Record<string, Fan[]>;
}

/** psutil.sensors_battery(); secsleft is -1 (unknown) or -2 (on AC) as psutil's POWER_TIME_* constants. */
export type BatterySample = Battery;

/** One GPU as the collector reads it (its DRM card or NVML device); the `gpus` topic is a list of them. */
export type GpuSample = GpuDevice;

/** One inet socket of a process with its bytes and rates (the details' `net`; UDP: bytes null, not counted). */
export type ProcessSocketSample = SocketNet;

/** One process's inet sockets as a tick carries them: the busiest TALKER_SOCKETS (limits.ts), and how many it holds. */
export interface ProcessSockets {
  pid: number;
  createTime: number;
  /** Sockets it holds now, TCP and UDP; more than `sockets.length` when some were left out. */
  total: number;
  /** By current rate (received + sent), then bytes, highest first; UDP (not counted) last. */
  sockets: ProcessSocketSample[];
}

/** A process's TCP traffic (ProcessRow.net), or the sum of other users' processes' (Snapshot.netOtherUsers). */
export type ProcessNetSample = ProcessNet;

/** A process's GPU share since the previous tick (ProcessRow.gpu). */
export type ProcessGpuSample = ProcessGpu;

/** psutil.virtual_memory(). */
export type MemorySample = VirtualMemory;

/** What a tick may lack and say why in `errors`: a topic, or a part read on every tick that a platform may not have (cpu_stats, swap_memory). */
export type SnapshotPart = Topic | 'cpuStats' | 'swap' | 'loadavg';

/** psutil.swap_memory(), plus swap-in/out rates over the last tick. */
export interface SwapSample extends SwapMemory {
  /** Bytes per second; null on the first tick. */
  sinPerSec: number | null;
  soutPerSec: number | null;
}

/**
 * What a client asks the host to sample. CPU totals, memory and swap are
 * always sampled (the tray shows them); the rest only while some client shows them.
 */
/**
 * Process-table columns that cost a file read (or a directory listing) per
 * process per tick: sampled only while some client shows that column.
 */
export const PROCESS_COLUMN_TOPICS = ['processFds', 'processCtxSwitches', 'processUss', 'processGpu', 'processNet'] as const;
/** Each declared metric's topic (app/shared/metrics) comes after the built-in system topics. */
export const TOPICS = ['cpu', 'disks', 'partitions', 'network', 'sensors', 'battery', ...METRIC_TOPICS, 'processes', ...PROCESS_COLUMN_TOPICS] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * One tick of the sampler. `cpu` is null on the first tick: a rate needs two
 * readings. An optional field is present only when its topic was sampled in
 * that tick; rates inside it are null-free (a first reading gives 0). Each
 * declared metric (app/shared/metrics) adds its field (MetricSamples).
 */
export interface Snapshot extends MetricSamples {
  seq: number;
  /** ms since the epoch when the tick's reads finished. */
  time: number;
  /** The tick length the sampler was running at. */
  intervalMs: number;
  /** How many ticks this one stands for: 1 for raw ticks, more for downsampled history. */
  span?: number;
  /** How long this tick's collector reads took, in ms (the sampler's own cost). */
  readMs?: number;
  cpu: CpuSample | null;
  memory: MemorySample;
  /** null when swap_memory() could not be read this tick (errors.swap says why). */
  swap: SwapSample | null;
  cpuDetails?: CpuDetails;
  disks?: DiskSample[];
  partitions?: PartitionSample[];
  network?: NicSample[];
  sensors?: SensorsSample;
  /** null: the machine has no battery. */
  battery?: BatterySample | null;
  /**
   * Every process, with rates since the previous tick. Live only: history
   * keeps no process rows (5,000 rows × an hour of ticks would not be flat memory).
   */
  processes?: ProcessRow[];
  /**
   * The live stream's form of `processes` (onSnapshot never carries
   * `processes`): the changes since the table this receiver was last sent, or
   * the whole table (base null) the first time. Sent only to receivers that
   * subscribed to the 'processes' topic. getSnapshot() returns `processes`.
   */
  processDelta?: ProcessDelta;
  /**
   * The top processes per resource over this tick (or, in downsampled
   * history, over the bucket): present when the process table was read.
   * Unlike the rows, history keeps these (a few per point: bounded).
   */
  culprits?: Culprits;
  /** Alert episodes that started or ended on this tick; present only when there are some (live only, like processes). */
  alerts?: AlertEvent[];
  /**
   * The sockets of the processes this receiver asked for (SetTopicsRequest.sockets: the Network page's
   * expanded top talkers), read this tick; sent only to that receiver, live only (history keeps none).
   */
  processSockets?: ProcessSockets[];
  /**
   * With the 'processNet' topic: the TCP traffic of the sockets no process this host can read holds (other users'
   * processes, for an unprivileged host), summed rather than dropped. Live only.
   */
  netOtherUsers?: ProcessNet;
  /** Topics asked for that the host's platform has none of in Procyon (its capabilities say which): absent, and not an error. */
  lacked?: Topic[];
  /** Topics (and always-read parts) that failed this tick, with why (the others are still there). */
  errors?: Partial<Record<SnapshotPart, { code: string; message: string }>>;
}

/** One row of the process table: a process is (pid, createTime). */
export interface ProcessRow {
  pid: number;
  /** Seconds since the epoch; with pid, what every action must name. */
  createTime: number;
  ppid: number;
  name: string;
  /** null when it cannot be read. */
  username: string | null;
  /** psutil's STATUS_* string. */
  status: string;
  /** Share of one CPU since the previous tick (can exceed 100 on several cores); null for a process new this tick. */
  cpuPercent: number | null;
  /** user + system seconds since the process started. */
  cpuTimes: number;
  rss: number;
  vms: number;
  /** rss / total memory × 100. */
  memoryPercent: number;
  numThreads: number;
  nice: number;
  /** Empty for kernel threads; cut to PROCESS_TEXT_CUT_BYTES when longer (see cmdlineBytes). */
  cmdline: string[];
  /** Present only when cmdline was cut: the whole command line's size in bytes (getProcessText fetches more). */
  cmdlineBytes?: number;
  /** null when unreadable (another user's process without privilege) or new this tick. */
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
  terminal: string | null;
  cpuNum: number;
  /** psutil's num_fds(); with the 'processFds' topic only; null when unreadable (another user's process). */
  numFds?: number | null;
  /** psutil's num_ctx_switches(), voluntary + involuntary; with the 'processCtxSwitches' topic only. */
  ctxSwitches?: number | null;
  /** psutil's memory_full_info().uss (smaps_rollup); with the 'processUss' topic only; null when unreadable. */
  uss?: number | null;
  /** Its GPU share since the previous tick (DRM fdinfo, NVML); with the 'processGpu' topic only; null: it holds no GPU. */
  gpu?: ProcessGpuSample | null;
  /**
   * Its TCP traffic (the kernel's socket dump: bytes since watched, rates since the previous tick; UDP listed as
   * not counted); with the 'processNet' topic only; null: it holds no inet socket.
   */
  net?: ProcessNet | null;
}

/** The whole process table at one read (getProcessTable): ms since the epoch. */
export interface ProcessTableSnapshot {
  time: number;
  rows: ProcessRow[];
}

/** psutil.users() entry. */
export type UserSample = User;

/** psutil.net_if_addrs() entry; family is 2 (IPv4), 10 (IPv6) or 17 (link layer). */
export type NicAddressSample = NicAddress;

/** The System page: what changes rarely, fetched on demand. */
export interface SystemInfo {
  hostname: string;
  osName: string;
  kernel: string;
  arch: string;
  cpuModel: string;
  bootTime: number;
  users: UserSample[];
  /** By interface name. */
  addresses: Record<string, NicAddressSample[]>;
}

/** psutil.net_connections() entry with the owning process's name. */
export interface ConnectionSample {
  fd: number;
  /** 'tcp', 'tcp6', 'udp', 'udp6' or 'unix'. */
  proto: string;
  family: number;
  type: number;
  /** 'ip:port', '[ip6]:port' or a unix path; '' when none. */
  laddr: string;
  raddr: string;
  /** One of psutil's CONN_* strings. */
  status: string;
  pid: number | null;
  /** The process's name, null when unknown or not visible to us. */
  processName: string | null;
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
  /** The user the host runs as: whose processes "My processes" shows. Absent when it cannot be told. */
  user?: string;
  /** The signals, resource limits and I/O classes this host has: the UI offers only these. */
  constants: HostConstants;
  /**
   * What the host's collector can do, so the UI offers only that: `functions`
   * is the collector's capabilities() (a name absent or true: available), and
   * `why` says for each unavailable one why not (the platform cannot, a file is
   * missing, permission, a captured tree); `live` is false when it reads a
   * captured tree, where no action can reach a process.
   */
  capabilities: {
    live: boolean;
    functions: Readonly<Record<string, boolean>>;
    why: Readonly<Record<string, 'missing-file' | 'permission' | 'platform' | 'captured-tree'>>;
  };
}
