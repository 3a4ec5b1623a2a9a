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

// NIC_DUPLEX_*, POWER_TIME_* and CONN_* are psutil's general constants and
// live in constants.ts; they are imported here for the types below.
import {
  CONN_BOUND,
  CONN_CLOSE,
  CONN_CLOSE_WAIT,
  CONN_CLOSING,
  CONN_DELETE_TCB,
  CONN_ESTABLISHED,
  CONN_FIN_WAIT1,
  CONN_FIN_WAIT2,
  CONN_IDLE,
  CONN_LAST_ACK,
  CONN_LISTEN,
  CONN_NONE,
  CONN_SYN_RECV,
  CONN_SYN_SENT,
  CONN_TIME_WAIT,
} from './constants';

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
