// psutil's constants, with the values psutil exposes on Linux.

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

// --- I/O priority classes (Process.ionice(), Linux) ---
export const IOPRIO_CLASS_NONE = 0;
export const IOPRIO_CLASS_RT = 1;
export const IOPRIO_CLASS_BE = 2;
export const IOPRIO_CLASS_IDLE = 3;

// --- resource limits (Process.rlimit(), Linux values) ---
export const RLIM_INFINITY = -1;
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
