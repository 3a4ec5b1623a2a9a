// The process status type, and the section/field bits the addon understands:
// their values come from describe().layouts (declared once, in
// src/common/records_process.h); the name unions here are checked against it
// by test/describe.test.ts.

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
import { describeIfLoaded } from './describe';

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

/** A processRead section (ProcessSectionBit in records_process.h). */
export type SectionName =
  | 'basic'
  | 'ids'
  | 'memoryInfo'
  | 'ioCounters'
  | 'cmdline'
  | 'environ'
  | 'exe'
  | 'cwd'
  | 'memoryFull'
  | 'memoryMaps'
  | 'numFds'
  | 'threads'
  | 'openFiles'
  | 'ionice'
  | 'cpuAffinity'
  | 'rlimits'
  | 'connections'
  | 'terminal'
  | 'username';

/**
 * A processTable field (ProcessTableField in records_process.h). numFds lists
 * /proc/[pid]/fd (a directory listing per process per tick); numCtxSwitches
 * reads /proc/[pid]/status (one more read per process per tick); uss reads
 * smaps_rollup (the kernel walks the page tables: the dearest field).
 */
export type ProcessTableFieldName =
  | 'ppid'
  | 'name'
  | 'username'
  | 'status'
  | 'cpuTimes'
  | 'memory'
  | 'numThreads'
  | 'nice'
  | 'createTime'
  | 'cmdline'
  | 'io'
  | 'terminal'
  | 'cpuNum'
  | 'exe'
  | 'numFds'
  | 'numCtxSwitches'
  | 'uss';

const layouts = describeIfLoaded()?.layouts;

/** @internal Section bits, from the addon (empty when it cannot load: every call then fails with Unsupported). */
export const SECTION = Object.freeze({ ...layouts?.processSections }) as Readonly<Record<SectionName, number>>;

/** @internal Table field bits, from the addon (empty when it cannot load). */
export const TABLE_FIELD = Object.freeze({ ...layouts?.processTableFields }) as Readonly<Record<ProcessTableFieldName, number>>;
