// The process status type, and the section/field bits the
// addon understands (src/common/records_process.h; keep the two in step).

// The STATUS_*, CONN_*, IOPRIO_CLASS_* and RLIMIT_* values are psutil's
// general constants and live in constants.ts (AF_*/SOCK_* in constants_net.ts).
import type {
  STATUS_DEAD,
  STATUS_DISK_SLEEP,
  STATUS_IDLE,
  STATUS_PARKED,
  STATUS_RUNNING,
  STATUS_SLEEPING,
  STATUS_STOPPED,
  STATUS_TRACING_STOP,
  STATUS_WAKE_KILL,
  STATUS_WAKING,
  STATUS_ZOMBIE,
} from './constants';

/** What Process.status() returns on Linux ('?' for a state letter the kernel added since). */
export type ProcessStatus =
  | typeof STATUS_RUNNING
  | typeof STATUS_SLEEPING
  | typeof STATUS_DISK_SLEEP
  | typeof STATUS_STOPPED
  | typeof STATUS_TRACING_STOP
  | typeof STATUS_ZOMBIE
  | typeof STATUS_DEAD
  | typeof STATUS_WAKE_KILL
  | typeof STATUS_WAKING
  | typeof STATUS_IDLE
  | typeof STATUS_PARKED
  | '?';

/** @internal ProcessSectionBit in records_process.h. */
export const SECTION = {
  stat: 1 << 0,
  status: 1 << 1,
  statm: 1 << 2,
  io: 1 << 3,
  cmdline: 1 << 4,
  environ: 1 << 5,
  exe: 1 << 6,
  cwd: 1 << 7,
  smaps: 1 << 8,
  memoryMaps: 1 << 9,
  numFds: 1 << 10,
  threads: 1 << 11,
  openFiles: 1 << 12,
  ionice: 1 << 13,
  cpuAffinity: 1 << 14,
  rlimits: 1 << 15,
  connections: 1 << 16,
  terminal: 1 << 17,
  username: 1 << 18,
} as const;

export type SectionName = keyof typeof SECTION;

/** @internal ProcessTableField in records_process.h. */
export const TABLE_FIELD = {
  ppid: 1 << 0,
  name: 1 << 1,
  username: 1 << 2,
  status: 1 << 3,
  cpuTimes: 1 << 4,
  memory: 1 << 5,
  numThreads: 1 << 6,
  nice: 1 << 7,
  createTime: 1 << 8,
  cmdline: 1 << 9,
  io: 1 << 10,
  terminal: 1 << 11,
  cpuNum: 1 << 12,
  exe: 1 << 13,
  /** Entries in /proc/[pid]/fd: one directory listing per process per tick. */
  numFds: 1 << 14,
  /** From /proc/[pid]/status: one more read per process per tick. */
  numCtxSwitches: 1 << 15,
  /** From /proc/[pid]/smaps_rollup: the kernel walks the page tables, the dearest field. */
  uss: 1 << 16,
} as const;

export type ProcessTableFieldName = keyof typeof TABLE_FIELD;
