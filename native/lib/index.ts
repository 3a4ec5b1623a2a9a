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

// --- processes ---
export { Process, PROCESS_ATTRS, pids, pidExists } from './process';
export type { ProcessAttr, AsDictOptions, ProcessOptions } from './process';
export { processIter, waitProcs } from './process_iter';
export type { ProcessIterOptions, WaitProcsOptions } from './process_iter';
export { processTable, processTableRates, PROCESS_TABLE_FIELDS } from './process_table';
export type { ProcessTableOptions, ProcessTableResult, ProcessTableRate } from './process_table';
export * from './constants_process';
export type * from './process_types';
