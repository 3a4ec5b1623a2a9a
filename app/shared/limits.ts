// The bounds on what a process or a client can make the host hold or send.
// Every value a process controls (argv, environment) and every message the
// host sends has a size stated here; the README's "Bounds" section says the same.

/**
 * A process's command line or environment in the process table and in every
 * message, at most, measured as JSON encodes it (UTF-8; a control byte costs 6,
 * an invalid UTF-8 byte 3): longer values are cut at a character and marked
 * with their whole size (`cmdlineBytes`, TextCut.bytes).
 */
export const PROCESS_TEXT_CUT_BYTES = 4096;

/** What getProcessText answers at most (same measure): the details view's "show all". */
export const PROCESS_TEXT_FULL_BYTES = 256 * 1024;

/**
 * No message the WebSocket binding sends exceeds this many bytes encoded: a
 * snapshot whose process table would is sent in parts (ProcessDelta.part), a
 * reply that would is answered TOO_LARGE.
 */
export const MESSAGE_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Points per getHistory reply, as clients ask for them (GetHistoryRequest.limit). A point with every topic and its culprits is
 * about 4.5 KiB as JSON on a 2-core VM (a day's 1,440 of them: 6.5 MB, past
 * MESSAGE_BUDGET_BYTES, 4 MiB, in one reply) and grows with cores, disks and
 * interfaces (about 250 bytes a core): 120 a page fit the budget up to points
 * of 35 KiB, some 128 cores.
 */
export const HISTORY_PAGE = 120;

/**
 * Calls that run on the worker pool (connections, process details and text,
 * system info, process actions; not killTree, which mostly waits): one client
 * may have this many running at once ...
 */
export const CLIENT_CALLS_IN_FLIGHT = 2;
/** ... and this many more waiting; past that a call is refused with BUSY. */
export const CLIENT_CALLS_QUEUED = 8;

/** A value cut to a budget: what is kept, and the whole value's size in bytes (UTF-8, each argument or KEY=value NUL-terminated, as /proc holds it). */
export interface TextCut<T> {
  value: T;
  /** Present only when `value` was cut. */
  cut?: { bytes: number };
}

/** getProcessText's answer. */
export type ProcessText =
  | ({ field: 'cmdline' } & TextCut<string[]>)
  | ({ field: 'environ' } & TextCut<Record<string, string>>);

/**
 * getProcessDetails puts this under `textCut` for each of cmdline and environ
 * that it cut to PROCESS_TEXT_CUT_BYTES: the whole value's size in bytes.
 */
export type DetailsTextCut = Partial<Record<'cmdline' | 'environ', { bytes: number }>>;

/**
 * How often the host reads the process table for history's culprits when no
 * client shows processes. Every tick would cost the tray what the Processes
 * page costs (a stat read per process); every 5 s the rates are averages over
 * those 5 s, which is what the 5 s and 1 min tiers keep. A raw point between
 * two reads is described by the next read (its rates cover that point).
 */
export const CULPRIT_TABLE_MS = 5000;

/**
 * The Network page's top talkers: the processes listed (by current TCP rate)
 * and so the most whose sockets one client may ask for (SetTopicsRequest.sockets) ...
 */
export const TALKER_PROCESSES = 10;
/**
 * ... and the sockets of each sent with a tick (the busiest; ProcessSockets.total
 * says how many it holds): a process holding thousands costs the message no more.
 */
export const TALKER_SOCKETS = 8;
