// Who caused a spike: with each history point, the processes that contributed
// most to each resource over that point's time (a tick, or a bucket of them).

/**
 * What the host ranks processes by. Each kind is named after the chart it
 * explains; every consumer (history, tiers, tooltips, alerts) iterates this
 * list. Network and GPU belong here once the host measures them per process
 * (NETLINK_SOCK_DIAG bytes, drm fdinfo): add the kind, its value in
 * core/culprits.ts's VALUE_OF and its chart's `culprits` prop; nothing else
 * changes. Until then their charts show no culprits.
 */
export const CULPRIT_KINDS = ['cpu', 'memory', 'disk'] as const;
export type CulpritKind = (typeof CULPRIT_KINDS)[number];

/** How many processes each point keeps per kind. */
export const CULPRITS_PER_KIND = 3;

/** A culprit's name is cut to this many characters in history (a process chooses its name: bounded). */
export const CULPRIT_NAME_CHARS = 64;

/**
 * One process's part in one point. `value`, by kind:
 * - cpu: percent of the whole machine (the CPU chart's unit: all cores = 100),
 * - memory: resident memory growth, bytes per second (shrinking ranks nowhere),
 * - disk: bytes read plus written per second.
 * Over a bucket, the time-weighted average of its ticks' values.
 */
export interface Culprit {
  pid: number;
  /** With pid, the process's identity (a pid may be reused). */
  createTime: number;
  name: string;
  value: number;
}

/** Largest first; a kind is absent when no process contributed. */
export type Culprits = Partial<Record<CulpritKind, Culprit[]>>;
