// @procyon/collector: psutil's system API for Node, backed by a native addon
// that reads /proc and /sys off the JS thread.

export { cpuTimes, cpuCount, cpuCountSync } from './cpu';
export { virtualMemory, swapMemory } from './memory';
export { bootTime, bootTimeSync } from './boot_time';
export { capabilities, capabilityReport } from './capabilities';
export { describe } from './describe';
export type { CapabilityReason, CapabilityStatus, CollectorDescription, Layouts, PlatformConstants } from './describe';
export { addonLoadError } from './native';
export { resolveRoots, isLive, DEFAULT_PROCFS, DEFAULT_SYSFS } from './roots';
export { osRelease, parseOsRelease, OS_RELEASE_FILES, OS_RELEASE_MAX_BYTES, type OsReleaseOptions } from './os_release';
export type { ResolvedRoots } from './roots';
export {
  ERROR_CODES,
  ProcyonError,
  NoSuchProcess,
  ZombieProcess,
  AccessDenied,
  TimeoutExpired,
  NotFound,
  InvalidArgument,
  IoError,
  ParseError,
  Unsupported,
  InvalidFile,
  NotLive,
  fromNative,
  isErrorCode,
} from './errors';
export type { ErrorCode, ErrorDetails } from './errors';
// --- cpu (percent, stats, freq, load) ---
export { cpuPercent, cpuTimesPercent, CpuPercentTracker, createCpuPercentTracker, percentBetween, timesPercentBetween } from './cpu_percent';
export type { CpuPercentOptions } from './cpu_percent';
export { cpuStats, cpuFreq, getloadavg, isWindowsCpuTimes, CPU_TIMES_FIELDS } from './cpu';
export type { CpuStats, CpuFreq, CpuFreqOptions } from './cpu';
// --- disks ---
export { diskPartitions, diskUsage, diskIoCounters, DiskIoCountersReader, createDiskIoCountersReader, DISK_IO_FIELDS } from './disks';
export type {
  DiskPartition,
  DiskUsage,
  DiskIoCounters,
  DiskPartitionsOptions,
  DiskIoCountersOptions,
  DiskIoCountersFunction,
} from './disks';
export { WrapNumbers } from './wrap_numbers';
// --- other system info (users, pids) ---
export { users, pids, pidExists } from './users';
export type { User, UsersOptions } from './users';
export * as constants from './constants';
export * from './constants';
// --- systemSnapshot ---
export { systemSnapshot, isSnapshotError, SNAPSHOT_TOPICS } from './snapshot';
export type { SystemSnapshot, SnapshotOptions, SnapshotTopic, SnapshotTopicValues, SnapshotError } from './snapshot';
export type {
  CpuTimes,
  WindowsCpuTimes,
  SystemCpuTimes,
  VirtualMemory,
  SwapMemory,
  Roots,
  CpuTimesOptions,
  CpuCountOptions,
  Capabilities,
  CollectorFunction,
  CollectorFunctions,
} from './types';

// --- network ---
export { netIoCounters, netConnections, netIfAddrs, netIfStats } from './network';
export * from './constants_net';
export type {
  NetIoCounters,
  NetIoCountersOptions,
  InetAddr,
  NetConnection,
  NetConnectionsOptions,
  NicAddress,
  NicStats,
} from './types';

// --- sensors ---
export { sensorsTemperatures, sensorsFans, sensorsBattery } from './sensors';
export type { Temperature, SensorsTemperaturesOptions, Fan, Battery } from './types';
export { hwmonChips, powerSupplies } from './hwmon';
export type { HwmonChip, HwmonSensor, PowerSupply } from './hwmon';
// --- processes ---
// pids and pidExists come from ./users (one implementation for the system and the process areas).
export { Process, PROCESS_ATTRS } from './process';
export type { ProcessAttr, AsDictOptions, ProcessOptions } from './process';
export { processIter, waitProcs } from './process_iter';
export type { ProcessIterOptions, WaitProcsOptions } from './process_iter';
export { processTable, processTableRates, PROCESS_TABLE_FIELDS, TABLE_CMDLINE_BYTES } from './process_table';
export type { ProcessTableOptions, ProcessTableResult, ProcessTableRate } from './process_table';
export { ProcessTableReader } from './process_table_reader';
export { releaseFreeMemory } from './release_memory';
export { threadCpuTime } from './thread_cpu';
export type { ProcessTableChanges, ProcessTableReadOptions, GoneProcess } from './process_table_reader';
export * from './constants_process';
export type * from './process_types';
// --- pressure stall ---
export * from './pressure';
// --- socket counts by protocol ---
export * from './sockstat';
// --- GPUs ---
export * from './gpu';
export { processGpuBetween } from './gpu_usage';
export type { ProcessDrm, DrmEngineCounter, NvmlProcess, ProcessGpuReading } from './gpu_usage';
// --- network use per process ---
export { NetUsageTracker, processNetSockets, processNetSocketsOf, processNetDumps } from './process_net';
export type { ProcessNet, SocketNet, SocketUse, NetUsage, NetUsageOptions, ProcessNetReading, NetUsageReading } from './process_net';
// --- Windows services ---
export * from './services';
// --- control groups (apps, services, containers) ---
export * from './cgroups';
