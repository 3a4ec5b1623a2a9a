// psutil's constants. The platform's numbers (I/O priority classes, resource
// limits) come from the addon (describe().constants); the names and strings
// here are psutil's on every platform.

import { platformConstant } from './describe';

// --- sensors_battery() ---
/** sensorsBattery().secsleft when the AC power cable is connected. */
export const POWER_TIME_UNLIMITED = -2;
/** sensorsBattery().secsleft when the time left cannot be determined. */
export const POWER_TIME_UNKNOWN = -1;

// --- net_if_stats() duplex ---
export const NIC_DUPLEX_UNKNOWN = 0;
export const NIC_DUPLEX_HALF = 1;
export const NIC_DUPLEX_FULL = 2;

// --- connection status (net_connections) ---
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
/** Windows only in psutil; listed for completeness. */
export const CONN_DELETE_TCB = 'DELETE_TCB';
/** Solaris only in psutil. */
export const CONN_IDLE = 'IDLE';
/** Solaris only in psutil. */
export const CONN_BOUND = 'BOUND';

// --- process status (Process.status()) ---
export const STATUS_RUNNING = 'running';
export const STATUS_SLEEPING = 'sleeping';
export const STATUS_DISK_SLEEP = 'disk-sleep';
export const STATUS_STOPPED = 'stopped';
export const STATUS_TRACING_STOP = 'tracing-stop';
export const STATUS_ZOMBIE = 'zombie';
export const STATUS_DEAD = 'dead';
export const STATUS_WAKE_KILL = 'wake-kill';
export const STATUS_WAKING = 'waking';
export const STATUS_PARKED = 'parked';
export const STATUS_IDLE = 'idle';
/** FreeBSD only in psutil. */
export const STATUS_LOCKED = 'locked';
/** FreeBSD only in psutil. */
export const STATUS_WAITING = 'waiting';
/** NetBSD only in psutil. */
export const STATUS_SUSPENDED = 'suspended';

// --- I/O priority classes (Process.ionice(), Linux): NaN where the platform has none ---
export const IOPRIO_CLASS_NONE = platformConstant('ioprioClasses', 'IOPRIO_CLASS_NONE');
export const IOPRIO_CLASS_RT = platformConstant('ioprioClasses', 'IOPRIO_CLASS_RT');
export const IOPRIO_CLASS_BE = platformConstant('ioprioClasses', 'IOPRIO_CLASS_BE');
export const IOPRIO_CLASS_IDLE = platformConstant('ioprioClasses', 'IOPRIO_CLASS_IDLE');

// --- I/O priority levels (Process.ionice(), Windows): NaN where the platform has none ---
export const IOPRIO_VERYLOW = platformConstant('ioPriorities', 'IOPRIO_VERYLOW');
export const IOPRIO_LOW = platformConstant('ioPriorities', 'IOPRIO_LOW');
export const IOPRIO_NORMAL = platformConstant('ioPriorities', 'IOPRIO_NORMAL');
export const IOPRIO_HIGH = platformConstant('ioPriorities', 'IOPRIO_HIGH');

// --- resource limits (Process.rlimit()): the platform's numbers, NaN where it lacks one ---
export const RLIM_INFINITY = -1;
export const RLIMIT_CPU = platformConstant('rlimits', 'RLIMIT_CPU');
export const RLIMIT_FSIZE = platformConstant('rlimits', 'RLIMIT_FSIZE');
export const RLIMIT_DATA = platformConstant('rlimits', 'RLIMIT_DATA');
export const RLIMIT_STACK = platformConstant('rlimits', 'RLIMIT_STACK');
export const RLIMIT_CORE = platformConstant('rlimits', 'RLIMIT_CORE');
export const RLIMIT_RSS = platformConstant('rlimits', 'RLIMIT_RSS');
export const RLIMIT_NPROC = platformConstant('rlimits', 'RLIMIT_NPROC');
export const RLIMIT_NOFILE = platformConstant('rlimits', 'RLIMIT_NOFILE');
export const RLIMIT_MEMLOCK = platformConstant('rlimits', 'RLIMIT_MEMLOCK');
export const RLIMIT_AS = platformConstant('rlimits', 'RLIMIT_AS');
export const RLIMIT_LOCKS = platformConstant('rlimits', 'RLIMIT_LOCKS');
export const RLIMIT_SIGPENDING = platformConstant('rlimits', 'RLIMIT_SIGPENDING');
export const RLIMIT_MSGQUEUE = platformConstant('rlimits', 'RLIMIT_MSGQUEUE');
export const RLIMIT_NICE = platformConstant('rlimits', 'RLIMIT_NICE');
export const RLIMIT_RTPRIO = platformConstant('rlimits', 'RLIMIT_RTPRIO');
export const RLIMIT_RTTIME = platformConstant('rlimits', 'RLIMIT_RTTIME');
