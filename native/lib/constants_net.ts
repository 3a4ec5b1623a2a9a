// psutil's network and sensor constants, with the numbers Linux (and so
// psutil on Linux) uses.

/** Address families (psutil reports Python's socket.AF_* numbers). */
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
/** psutil.AF_LINK: on Linux an alias of AF_PACKET (17), the family of MAC addresses in netIfAddrs(). */
export const AF_LINK = 17;

/** Socket types of netConnections() entries. */
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_SEQPACKET = 5;

/** netIfStats().duplex values. */
export const NIC_DUPLEX_FULL = 2;
export const NIC_DUPLEX_HALF = 1;
export const NIC_DUPLEX_UNKNOWN = 0;

/** sensorsBattery().secsleft when it cannot be estimated, and when on AC power. */
export const POWER_TIME_UNKNOWN = -1;
export const POWER_TIME_UNLIMITED = -2;

/** netConnections().status values (psutil's CONN_*). */
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
/** UDP and UNIX sockets have no state. */
export const CONN_NONE = 'NONE';
/** Windows and Solaris only in psutil; never reported on Linux. */
export const CONN_DELETE_TCB = 'DELETE_TCB';
export const CONN_IDLE = 'IDLE';
export const CONN_BOUND = 'BOUND';

export type ConnectionStatus =
  | typeof CONN_ESTABLISHED
  | typeof CONN_SYN_SENT
  | typeof CONN_SYN_RECV
  | typeof CONN_FIN_WAIT1
  | typeof CONN_FIN_WAIT2
  | typeof CONN_TIME_WAIT
  | typeof CONN_CLOSE
  | typeof CONN_CLOSE_WAIT
  | typeof CONN_LAST_ACK
  | typeof CONN_LISTEN
  | typeof CONN_CLOSING
  | typeof CONN_NONE
  | typeof CONN_DELETE_TCB
  | typeof CONN_IDLE
  | typeof CONN_BOUND;

/** netConnections({kind}) values, in psutil's order. */
export const CONNECTION_KINDS = ['all', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'unix', 'inet', 'inet4', 'inet6'] as const;

export type ConnectionKind = (typeof CONNECTION_KINDS)[number];
