// The records of the process API (psutil's namedtuples, camelCase fields,
// psutil's units: bytes, seconds) and the addon's raw snapshot shape.

import type { ProcessStatus } from './constants_process';
import type { ProcessGpu } from './gpu';
import type { ProcessNet } from './process_net';

/** Process.cpuTimes(): seconds. */
export interface ProcessCpuTimes {
  user: number;
  system: number;
  childrenUser: number;
  childrenSystem: number;
  /** Linux only (psutil's pcputimes has it there alone). */
  iowait?: number;
}

/** Process.memoryInfo(): bytes (statm × page size). */
export interface ProcessMemoryInfo {
  rss: number;
  vms: number;
  shared: number;
  text: number;
  lib: number;
  data: number;
  dirty: number;
}

/** Process.memoryFullInfo(): memoryInfo() + uss, pss, swap (bytes). */
export interface ProcessMemoryFullInfo extends ProcessMemoryInfo {
  uss: number;
  pss: number;
  swap: number;
}

/**
 * Process.memoryInfo() on Windows: psutil's pmem there (PROCESS_MEMORY_COUNTERS_EX,
 * bytes; numPageFaults a count). rss is an alias of wset, vms of pagefile.
 */
export interface WindowsProcessMemoryInfo {
  rss: number;
  vms: number;
  numPageFaults: number;
  peakWset: number;
  wset: number;
  peakPagedPool: number;
  pagedPool: number;
  peakNonpagedPool: number;
  nonpagedPool: number;
  pagefile: number;
  peakPagefile: number;
  private: number;
}

/** Process.memoryFullInfo() on Windows: memoryInfo() + uss (bytes). */
export interface WindowsProcessMemoryFullInfo extends WindowsProcessMemoryInfo {
  uss: number;
}

/** psutil's memory_info(): the platform's record (rss and vms in both). */
export type PlatformMemoryInfo = ProcessMemoryInfo | WindowsProcessMemoryInfo;
/** psutil's memory_full_info(): the platform's record. */
export type PlatformMemoryFullInfo = ProcessMemoryFullInfo | WindowsProcessMemoryFullInfo;

/** One entry of Process.memoryMaps() (grouped: no addr/perms). */
export interface ProcessMemoryMap {
  path: string;
  rss: number;
  size: number;
  pss: number;
  sharedClean: number;
  sharedDirty: number;
  privateClean: number;
  privateDirty: number;
  referenced: number;
  anonymous: number;
  swap: number;
}

export interface ProcessMemoryMapExt extends ProcessMemoryMap {
  addr: string;
  perms: string;
}

/** One entry of Process.memoryMaps() on Windows (grouped: no addr/perms); rss is the regions' size in bytes. */
export interface WindowsProcessMemoryMapGrouped {
  path: string;
  rss: number;
}

/** One region of Process.memoryMaps({grouped: false}) on Windows: addr as Python's hex(), perms as psutil ("r", "rw", "xr", …). */
export interface WindowsProcessMemoryMap extends WindowsProcessMemoryMapGrouped {
  addr: string;
  perms: string;
}

/** Process.ioCounters(). */
export interface ProcessIoCounters {
  readCount: number;
  writeCount: number;
  readBytes: number;
  writeBytes: number;
  readChars: number;
  writeChars: number;
}

/** Process.ioCounters() on Windows: psutil's pio there (read, write and other operations). */
export interface WindowsProcessIoCounters {
  readCount: number;
  writeCount: number;
  readBytes: number;
  writeBytes: number;
  otherCount: number;
  otherBytes: number;
}

/** psutil's io_counters(): the platform's record. */
export type PlatformIoCounters = ProcessIoCounters | WindowsProcessIoCounters;

/** Process.numCtxSwitches(). */
export interface ProcessCtxSwitches {
  voluntary: number;
  involuntary: number;
}

/** Process.uids() / gids(). */
export interface ProcessIds {
  real: number;
  effective: number;
  saved: number;
}

/** Process.threads() entries: seconds. */
export interface ProcessThread {
  id: number;
  userTime: number;
  systemTime: number;
}

/** Process.openFiles() entries. */
export interface ProcessOpenFile {
  path: string;
  fd: number;
  position: number;
  mode: string;
  flags: number;
}

/** Process.openFiles() entries on Windows: a drive-letter path; fd is always -1 (psutil). */
export interface WindowsProcessOpenFile {
  path: string;
  fd: number;
}

/** Process.ionice(): on Windows, ioclass is an IOPRIO_* level and value 0. */
export interface ProcessIonice {
  ioclass: number;
  value: number;
}

/** An inet endpoint (psutil's addr(ip, port)). */
export interface ProcessAddress {
  ip: string;
  port: number;
}

/**
 * Process.netConnections() entries. laddr/raddr: {ip, port} or null when
 * psutil gives () (port 0); for AF_UNIX, laddr is the path and raddr "".
 */
export interface ProcessConnection {
  fd: number;
  family: number;
  type: number;
  laddr: ProcessAddress | string | null;
  raddr: ProcessAddress | string | null;
  status: string;
}

export type { ConnectionKind } from './constants_net';

/** @internal The basic attribute group: what name(), status(), ppid(), terminal(), createTime(), nice(), cpuTimes(), cpuNum() read. */
export interface ProcessBasicGroup {
  name: string;
  status: ProcessStatus;
  ppid: number;
  ttyNr: number;
  createTime: number;
  cpuTimes: Omit<ProcessCpuTimes, 'iowait'> & { iowait: number | null };
  nice: number;
  numThreads: number;
  cpuNum: number | null;
}

/** @internal The ids attribute group: uids(), gids() (real, effective, saved; null where the platform has none), numThreads(), numCtxSwitches(); null where the kernel lacks the line. */
export interface ProcessIdsGroup {
  uids: number[] | null;
  gids: number[] | null;
  numThreads: number | null;
  voluntary: number | null;
  involuntary: number | null;
}

/** @internal The memoryFull attribute group: memoryFullInfo()'s own fields (bytes). */
export interface ProcessMemoryFullGroup {
  uss: number;
  pss: number;
  swap: number;
}

/** @internal The memoryFull attribute group on Windows: uss (bytes). */
export interface WindowsProcessMemoryFullGroup {
  uss: number;
}

/** @internal What the addon's processRead resolves with: each section a value or an Error. */
export interface NativeProcessSnapshot {
  pid: number;
  basic?: ProcessBasicGroup | Error;
  ids?: ProcessIdsGroup | Error;
  memoryInfo?: PlatformMemoryInfo | Error;
  ioCounters?: PlatformIoCounters | Error;
  cmdline?: string[] | Error;
  environ?: Record<string, string> | Error;
  exe?: string | Error;
  cwd?: string | Error;
  memoryFull?: ProcessMemoryFullGroup | WindowsProcessMemoryFullGroup | Error;
  memoryMaps?: ProcessMemoryMapExt[] | WindowsProcessMemoryMap[] | Error;
  numFds?: number | Error;
  threads?: ProcessThread[] | Error;
  openFiles?: ProcessOpenFile[] | WindowsProcessOpenFile[] | Error;
  ionice?: ProcessIonice | Error;
  cpuAffinity?: number[] | Error;
  rlimits?: Record<number, [number, number]> | Error;
  connections?: ProcessConnection[] | Error;
  terminal?: string | null | Error;
  username?: string | Error;
}

/** @internal */
export type NativeProcessAction =
  | { pid: number; createTime?: number; action: 'signal'; signal: number }
  | { pid: number; createTime?: number; action: 'nice'; value: number }
  | { pid: number; createTime?: number; action: 'ionice'; ioclass: number; value: number }
  | { pid: number; createTime?: number; action: 'rlimit'; resource: number; soft: number; hard: number }
  | { pid: number; createTime?: number; action: 'cpuAffinity'; cpus: number[] }
  | { pid: number; createTime?: number; action: 'suspend' }
  | { pid: number; createTime?: number; action: 'resume' }
  | { pid: number; createTime?: number; action: 'checkIdentity' };

/** One row of processTable(): pid and createTime always, the rest as asked. */
export interface ProcessTableRow {
  pid: number;
  createTime: number;
  ppid?: number;
  name?: string;
  /** null when /proc/[pid]/status could not be read. */
  username?: string | null;
  status?: ProcessStatus;
  /**
   * user + system seconds (cumulative: diff two tables for cpuPercent). Read
   * from the process's CPU clock, to the millisecond, where the procfs is our
   * pid namespace's; from stat's clock ticks (psutil's cpu_times()) elsewhere.
   */
  cpuTimes?: number;
  /** psutil's memory_info().rss and .vms: statm's resident and size in bytes (stat's figures where a tree lacks statm). */
  rss?: number;
  vms?: number;
  numThreads?: number;
  nice?: number;
  /** Cut to the table's budget (ProcessTableOptions.cmdlineBytes) when longer. */
  cmdline?: string[];
  /** Present only when cmdline was cut: /proc/[pid]/cmdline's whole size in bytes. */
  cmdlineBytes?: number;
  /** null when /proc/[pid]/io is not readable (another user's process, without privilege). */
  readBytes?: number | null;
  writeBytes?: number | null;
  terminal?: string | null;
  cpuNum?: number;
  exe?: string;
  /** null when /proc/[pid]/fd is not readable (another user's process, without privilege). */
  numFds?: number | null;
  /** null when /proc/[pid]/status lacks the counters. */
  numCtxSwitches?: { voluntary: number; involuntary: number } | null;
  /** psutil's uss; null when smaps_rollup is not readable. */
  uss?: number | null;
  /** With `gpu: true`: the process's GPU share since the previous table; null when it holds no DRM fd. */
  gpu?: ProcessGpu | null;
  /** With `net: true`: the process's TCP traffic (lib/process_net.ts); null when it holds no inet socket. */
  net?: ProcessNet | null;
}

/**
 * @internal The addon's columnar table (see TABLE_COLUMNS in process_table.ts
 * and toJs(ProcessTable) in src/binding/to_js_process.cc; test/describe.test.ts checks the column order).
 */
export interface NativeProcessTable {
  timestamp: number;
  cpuTimesUntil: number;
  count: number;
  /** TABLE_COLUMNS.numbers numbers per row; NaN where a value is absent. */
  nums: Float64Array;
  /** Every distinct string of the table once, '\0'-separated; strs and args index into its parts. */
  text: string;
  /** TABLE_COLUMNS.strings entries per row: name, username, status, terminal, exe (-1: null). */
  strs: Int32Array;
  /** Every row's cmdline as indices into text's parts, one after another (row r's: nums argStart to argEnd). */
  args: Int32Array;
  /** True when the rows are only those changed since the reader's previous read. */
  changesOnly: boolean;
  /** Rows in the whole table. */
  total: number;
  /** A change-list read: (pid, createTime) pairs of the processes gone since the previous read. */
  gone?: Float64Array;
}

/** @internal An addon handle (napi External) to a change-list reader's state. */
export type ReaderHandle = { readonly __brand: 'ProcessTableReader' };

/** The addon's watch on a child of this process, held for one wait() (src/linux/process_wait.cc). */
export type ChildWatchHandle = { readonly __brand: 'ChildExitWatch' };
