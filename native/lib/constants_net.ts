// psutil's network constants, with the platform's numbers (from the addon's
// describe().constants; NaN when the addon cannot load).

import { describeIfLoaded, platformConstant } from './describe';

/** Address families (psutil reports Python's socket.AF_* numbers). */
export const AF_UNIX = platformConstant('addressFamilies', 'AF_UNIX');
export const AF_INET = platformConstant('addressFamilies', 'AF_INET');
export const AF_INET6 = platformConstant('addressFamilies', 'AF_INET6');
/** psutil.AF_LINK: on Linux an alias of AF_PACKET (17), the family of MAC addresses in netIfAddrs(). */
export const AF_LINK = platformConstant('addressFamilies', 'AF_LINK');

/** Socket types of netConnections() entries. */
export const SOCK_STREAM = platformConstant('socketTypes', 'SOCK_STREAM');
export const SOCK_DGRAM = platformConstant('socketTypes', 'SOCK_DGRAM');
export const SOCK_SEQPACKET = platformConstant('socketTypes', 'SOCK_SEQPACKET');

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

/** A netConnections({kind}) value (checked against describe().constants.connectionKinds by test/describe.test.ts). */
export type ConnectionKind = 'all' | 'tcp' | 'tcp4' | 'tcp6' | 'udp' | 'udp4' | 'udp6' | 'unix' | 'inet' | 'inet4' | 'inet6';

/** netConnections({kind}) values, in psutil's order, as the addon lists them (empty when it cannot load). */
export const CONNECTION_KINDS: readonly ConnectionKind[] = Object.freeze(
  (describeIfLoaded()?.constants.connectionKinds ?? []) as ConnectionKind[],
);
