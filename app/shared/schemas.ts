import type { ConnectionKind } from '@procyon/collector';
import { z } from 'zod';
import { TALKER_PROCESSES } from './limits';
import { CGROUP_PATH_MAX } from './metrics/cgroups';
import { TOPICS } from './payloads';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS } from './settings';

// One schema per operation's argument. Every transport validates with these
// before the core sees a request, so bad input becomes INVALID_ARGUMENT in one
// way everywhere. Objects are strict: unknown keys (including __proto__) are refused.

export { MAX_INTERVAL_MS, MIN_INTERVAL_MS };
export const MAX_HISTORY_SECONDS = 86_400;
/** The most points one getHistory reply may be asked for (a day of 1 min buckets, with room). */
export const HISTORY_PAGE_MAX = 1500;

export const NoArgs = z.undefined();

export const GetHistoryRequest = z.strictObject({
  seconds: z.number().int().min(1).max(MAX_HISTORY_SECONDS),
  /**
   * Only the snapshots newer than this time (ms since the epoch), from the
   * tier `seconds` chooses: a client that holds a long range asks for what
   * was added since its newest entry instead of the whole range again.
   */
  after: z.number().finite().optional(),
  /**
   * At most this many, the oldest of what matches: a long range comes in
   * pages (each after the last one's newest), since a day of points with
   * every topic exceeds MESSAGE_BUDGET_BYTES in one reply.
   */
  limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});
export type GetHistoryRequest = z.infer<typeof GetHistoryRequest>;

export const SetIntervalRequest = z.strictObject({
  ms: z.number().int().min(MIN_INTERVAL_MS).max(MAX_INTERVAL_MS),
});
export type SetIntervalRequest = z.infer<typeof SetIntervalRequest>;

/** Pids are 32-bit on every platform; a pid past the host's own limit names no process (NO_SUCH_PROCESS). */
export const MAX_PID = 2 ** 32 - 1;

export const SetTopicsRequest = z.strictObject({
  topics: z.array(z.enum(TOPICS)).max(TOPICS.length),
  /** The processes whose sockets the client shows (the Network page's expanded top talkers): each tick carries those (Snapshot.processSockets). */
  sockets: z
    .array(z.strictObject({ pid: z.number().int().min(1).max(MAX_PID), createTime: z.number().finite().nonnegative() }))
    .max(TALKER_PROCESSES)
    .optional(),
});
export type SetTopicsRequest = z.infer<typeof SetTopicsRequest>;

/** psutil.net_connections' kinds: the collector's, checked both ways below; which a host has is its fact (HostConstants.connectionKinds). */
export const CONNECTION_KINDS = ['inet', 'inet4', 'inet6', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'unix', 'all'] as const satisfies readonly ConnectionKind[];
type _KindsMatch = Assert<[ConnectionKind] extends [(typeof CONNECTION_KINDS)[number]] ? true : false>;
type Assert<T extends true> = T;
export const GetConnectionsRequest = z.strictObject({
  kind: z.enum(CONNECTION_KINDS),
});
export type GetConnectionsRequest = z.infer<typeof GetConnectionsRequest>;




// --- process control ---

/**
 * A signal's name: the shape only (psutil's names, e.g. SIGTERM; CTRL_C_EVENT
 * on Windows). Which exist is the host's fact: HostConstants.signals.
 */
export const SignalName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'Use a signal name such as SIGTERM.')
  .meta({ examples: ['SIGTERM'] });

/** A bound on the shape of a resource-limit or I/O-class number; which exist is the host's fact (HostConstants). */
const MAX_CONSTANT = 1023;
/** A bound on the shape of a priority: a nice value, or a Windows priority class (the largest, ABOVE_NORMAL_PRIORITY_CLASS, is 0x8000). */
const MAX_PRIORITY = 0xffff;

const ProcessRefShape = {
  pid: z.number().int().min(1).max(MAX_PID),
  /** Seconds since the epoch, as the process table reported it: together with pid, the process's identity. */
  createTime: z.number().finite().nonnegative(),
  /** Needed to act on PID 1 or on Procyon itself. */
  confirm: z.boolean().optional(),
};

export const ProcessActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('signal'), signal: SignalName }),
  z.strictObject({ kind: z.literal('terminate') }),
  z.strictObject({ kind: z.literal('kill') }),
  z.strictObject({ kind: z.literal('suspend') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('renice'), value: z.number().int().min(-MAX_PRIORITY).max(MAX_PRIORITY) }),
  z.strictObject({ kind: z.literal('ionice'), ioclass: z.number().int().min(0).max(MAX_CONSTANT), value: z.number().int().min(0).max(7).optional() }),
  z.strictObject({ kind: z.literal('setAffinity'), cpus: z.array(z.number().int().min(0).max(4095)).max(4096) }),
  z.strictObject({
    kind: z.literal('setRlimit'),
    resource: z.number().int().min(0).max(MAX_CONSTANT),
    soft: z.number().int().min(-1),
    hard: z.number().int().min(-1),
  }),
]);
export type ProcessActionRequestAction = z.infer<typeof ProcessActionSchema>;

export const ProcessActionRequest = z.strictObject({ ...ProcessRefShape, action: ProcessActionSchema });
export type ProcessActionRequest = z.infer<typeof ProcessActionRequest>;

/** Kill tree's only signal, when one is asked; absent: SIGTERM, then SIGKILL after the timeout. */
export const KILL_TREE_SIGNALS = ['SIGTERM', 'SIGKILL'] as const;
export type KillTreeSignal = (typeof KILL_TREE_SIGNALS)[number];

export const KillTreeRequest = z.strictObject({
  ...ProcessRefShape,
  /** Seconds between SIGTERM and SIGKILL (or before survivors are reported). */
  timeout: z.number().min(0).max(60).optional(),
  signal: z.enum(KILL_TREE_SIGNALS).optional(),
});
export type KillTreeRequest = z.infer<typeof KillTreeRequest>;

export const GetProcessDetailsRequest = z.strictObject({
  pid: z.number().int().min(1).max(MAX_PID),
  createTime: z.number().finite().nonnegative(),
});
export type GetProcessDetailsRequest = z.infer<typeof GetProcessDetailsRequest>;

/** A process's kept history (getProcessHistory). */
export const GetProcessHistoryRequest = z.strictObject({
  pid: z.number().int().min(1).max(MAX_PID),
  createTime: z.number().finite().nonnegative(),
  seconds: z.number().int().min(1).max(MAX_HISTORY_SECONDS),
});
export type GetProcessHistoryRequest = z.infer<typeof GetProcessHistoryRequest>;

/** A process's text that the details view shows cut, fetched whole (up to PROCESS_TEXT_FULL_BYTES) on demand. */
export const PROCESS_TEXT_FIELDS = ['cmdline', 'environ'] as const;
export const GetProcessTextRequest = z.strictObject({
  pid: z.number().int().min(1).max(MAX_PID),
  createTime: z.number().finite().nonnegative(),
  field: z.enum(PROCESS_TEXT_FIELDS),
});
export type GetProcessTextRequest = z.infer<typeof GetProcessTextRequest>;

/** What the Services page may ask of a Windows service (winServiceStart / winServiceStop). */
export const SERVICE_ACTIONS = ['start', 'stop'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

/** The service manager's bound on a service name, in characters. */
export const SERVICE_NAME_MAX = 256;

/**
 * A service by name. Names are the service manager's registry keys: never
 * empty, '/' or '\\', or control characters (the collector refuses those too).
 */
export const ServiceActionRequest = z.strictObject({
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a name may not hold
  name: z.string().min(1).max(SERVICE_NAME_MAX).regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'a service name may not contain "/", "\\" or control characters'),
  action: z.enum(SERVICE_ACTIONS),
});
export type ServiceActionRequest = z.infer<typeof ServiceActionRequest>;

// --- control groups (the Apps page) ---

/** What the Apps page may ask of a control group (the collector's cgroupFreeze/Thaw/Kill/SetMemoryMax). */
export const CGROUP_ACTIONS = ['freeze', 'thaw', 'kill', 'setMemoryMax'] as const;
export type CgroupActionName = (typeof CGROUP_ACTIONS)[number];

/** A group's path, as Cgroup.path gives it: its bound is the tick's (CGROUP_PATH_MAX), so every listed group can be named. */
export { CGROUP_PATH_MAX };

/**
 * A group by its path from the hierarchy's root: '/', then '/'-joined names;
 * never empty components, '.' or '..', or control characters (the collector
 * refuses those too, and a path outside the mount).
 */
export const CgroupPath = z
  .string()
  .min(1)
  .max(CGROUP_PATH_MAX)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a path may not hold
  .regex(/^\/(?:[^/\u0000-\u001f\u007f]+(?:\/[^/\u0000-\u001f\u007f]+)*)?$/, 'a group path starts with "/" and has no empty components or control characters')
  .refine((p) => !p.split('/').some((c) => c === '.' || c === '..'), 'a group path may not contain "." or ".." components')
  .meta({ examples: ['/system.slice/example.service'] });

/** The most a memory limit may be: the largest byte count a JS number holds exactly. */
export const CGROUP_MEMORY_MAX = Number.MAX_SAFE_INTEGER;

const CgroupRefShape = {
  path: CgroupPath,
  /** Needed to act on the group that holds Procyon itself or PID 1 (or a group above either). */
  confirm: z.boolean().optional(),
};

export const CgroupActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ ...CgroupRefShape, action: z.literal('freeze') }),
  z.strictObject({ ...CgroupRefShape, action: z.literal('thaw') }),
  z.strictObject({ ...CgroupRefShape, action: z.literal('kill') }),
  /** bytes: the new memory.max; null clears the limit. */
  z.strictObject({ ...CgroupRefShape, action: z.literal('setMemoryMax'), bytes: z.number().int().min(0).max(CGROUP_MEMORY_MAX).nullable() }),
]);
export type CgroupActionRequest = z.infer<typeof CgroupActionRequest>;
