// @procyon/collector: psutil's system API for Node, backed by a native addon
// that reads /proc and /sys off the JS thread.

export { cpuTimes, cpuCount, cpuCountSync } from './cpu';
export { virtualMemory, swapMemory } from './memory';
export { bootTime, bootTimeSync } from './boot_time';
export { capabilities } from './capabilities';
export { resolveRoots, DEFAULT_PROCFS, DEFAULT_SYSFS } from './roots';
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
  fromNative,
  isErrorCode,
} from './errors';
export type { ErrorCode, ErrorDetails } from './errors';
export type {
  CpuTimes,
  VirtualMemory,
  SwapMemory,
  Roots,
  CpuTimesOptions,
  CpuCountOptions,
  Capabilities,
  CollectorFunction,
} from './types';

// --- network ---
export { netIoCounters, netConnections, netIfAddrs, netIfStats } from './network';
export { WrapNumbers } from './wrap_numbers';
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
