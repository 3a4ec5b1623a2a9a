// psutil's process constants (Linux values), and the section/field bits the
// addon understands (src/common/records_process.h; keep the two in step).

/** psutil.STATUS_*: what Process.status() returns. */
export const STATUS_RUNNING = 'running';
export const STATUS_SLEEPING = 'sleeping';
export const STATUS_DISK_SLEEP = 'disk-sleep';
export const STATUS_STOPPED = 'stopped';
export const STATUS_TRACING_STOP = 'tracing-stop';
export const STATUS_ZOMBIE = 'zombie';
export const STATUS_DEAD = 'dead';
export const STATUS_WAKE_KILL = 'wake-kill';
export const STATUS_WAKING = 'waking';
export const STATUS_IDLE = 'idle';
export const STATUS_PARKED = 'parked';

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

/** psutil.CONN_*: connection statuses. */
export const CONN_ESTABLISHED = 'ESTABLISHED';
export const CONN_SYN_SENT = 'SYN_SENT';
export const CONN_SYN_RECV = 'SYN_RECV';
export const CONN_FIN_WAIT1 = 'FIN_WAIT1';
export const CONN_FIN_WAIT2 = 'FIN_WAIT2';
export const CONN_TIME_WAIT = 'TIME_WAIT';
export const CONN_CLOSE = 'CLOSE';
export const CONN_CLOSE_WAIT = 'CLOSE_WAIT';
export const CONN_LAST_ACK = 'LAST_ACK';
export const CONN_LISTEN = 'LISTEN';
export const CONN_CLOSING = 'CLOSING';
export const CONN_NONE = 'NONE';

/** Address families and socket types as numbers (psutil returns the socket module's enums). */
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_SEQPACKET = 5;

/** psutil.IOPRIO_CLASS_* (Linux). */
export const IOPRIO_CLASS_NONE = 0;
export const IOPRIO_CLASS_RT = 1;
export const IOPRIO_CLASS_BE = 2;
export const IOPRIO_CLASS_IDLE = 3;

/** psutil.RLIM_INFINITY: -1, as Python's resource module shows it. */
export const RLIM_INFINITY = -1;
/** psutil.RLIMIT_*: every resource Linux has. */
export const RLIMIT_CPU = 0;
export const RLIMIT_FSIZE = 1;
export const RLIMIT_DATA = 2;
export const RLIMIT_STACK = 3;
export const RLIMIT_CORE = 4;
export const RLIMIT_RSS = 5;
export const RLIMIT_NPROC = 6;
export const RLIMIT_NOFILE = 7;
export const RLIMIT_MEMLOCK = 8;
export const RLIMIT_AS = 9;
export const RLIMIT_LOCKS = 10;
export const RLIMIT_SIGPENDING = 11;
export const RLIMIT_MSGQUEUE = 12;
export const RLIMIT_NICE = 13;
export const RLIMIT_RTPRIO = 14;
export const RLIMIT_RTTIME = 15;

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
} as const;

export type ProcessTableFieldName = keyof typeof TABLE_FIELD;
