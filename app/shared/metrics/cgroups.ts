import type { Cgroup, CgroupKind, CgroupList } from '@procyon/collector';
import { defineMetric } from './define';

/** What the renderer may know of the collector's records: their types, through the contract. */
export type { Cgroup, CgroupKind, CgroupList };

// Apps, services and containers as control groups (issue 23; the collector's
// cgroups(): each v2 group that holds processes, its figures read from the
// group's own files). Read only while the Apps page is shown. The host adds
// what needs two readings (rates), a short CPU history per group for the
// page's sparklines, and the top groups by CPU and memory; the exporter ranks
// its own read with the same functions (app/main/server/metrics-cgroups.ts).
// Everything a group's owner controls (its path, the name a .desktop file
// gives it, how many processes it holds) is bounded here, once.

// The bounds together keep a tick's groups well inside the message budget
// (MESSAGE_BUDGET_BYTES) however long their paths and names (cgroups.test.ts).

/** At most this many groups travel per tick (a busy systemd desktop has a few hundred). */
export const CGROUPS_MAX = 1_000;
/** A group's path in characters: longer ones (the kernel allows 4096 bytes) are left out, since a cut path names no group to act on. */
export const CGROUP_PATH_MAX = 1_024;
/** A group's name and id in characters: a .desktop file's Name= is whatever its author wrote. */
export const CGROUP_TEXT_MAX = 256;
/** At most this many of a group's pids travel (pidsTotal says how many it holds): the page lists them, the process table has the rest. */
export const CGROUP_PIDS_MAX = 100;
/** Points of CPU history per group (a minute at the default tick). */
export const CGROUP_HISTORY_POINTS = 60;
/** Groups that keep a history: the busiest by CPU; the rest draw no sparkline. */
export const CGROUP_HISTORY_GROUPS = 200;
/** The top-N lists (the page's and the exporter's) hold at most this many groups each. */
export const CGROUP_TOP_N = 10;

/** What two readings of a group tell: null on a group's first reading, or where a counter went back (a group made anew under the same path). */
export interface CgroupRates {
  /** cpu.stat usage_usec's change over the tick, in percent of one CPU. */
  cpuPercent: number | null;
  /** Bytes per second read and written (io.stat, or the v1 blkio counters). */
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
  /** Percent of the tick the group was throttled by its cpu.max (throttled_usec's change); null without the cpu controller. */
  throttledPercent: number | null;
}

/** One group as a tick carries it: the collector's record (texts and pids bounded), its rates and its CPU history. */
export interface CgroupRow extends Cgroup, CgroupRates {
  /** How many processes the group holds (pids may be cut to CGROUP_PIDS_MAX). */
  pidsTotal: number;
  /** cpuPercent of its last ticks, oldest first (at most CGROUP_HISTORY_POINTS; empty for groups beyond CGROUP_HISTORY_GROUPS). */
  cpuHistory: number[];
}

/** The cgroups topic's sample. */
export interface CgroupsSample extends CgroupList {
  groups: CgroupRow[];
  /** Groups the reading had that this tick leaves out (past CGROUPS_MAX, or a path past CGROUP_PATH_MAX). */
  omitted: number;
  /** Paths of the top groups, largest first: by cpuPercent, and by memory.current. */
  top: { cpu: string[]; memory: string[] };
}

const cut = (text: string): string => (text.length > CGROUP_TEXT_MAX ? `${text.slice(0, CGROUP_TEXT_MAX - 1)}…` : text);

/** `cur - prev` per second, or null where there is no previous value or the counter went back. */
function rate(cur: number | null | undefined, prev: number | null | undefined, seconds: number): number | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined || seconds <= 0 || cur < prev) return null;
  return (cur - prev) / seconds;
}

/** A group's rates against its previous reading (same path), `seconds` apart. */
export function cgroupRates(cur: Cgroup, prev: Cgroup | undefined, seconds: number): CgroupRates {
  if (!prev) return { cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null, throttledPercent: null };
  const usec = rate(cur.cpu.usageUsec, prev.cpu.usageUsec, seconds);
  const throttled = rate(cur.cpu.throttledUsec, prev.cpu.throttledUsec, seconds);
  // Both hierarchies' I/O counters are cumulative; a switch of source (v1 → v2) is no rate.
  const sameIo = cur.io !== null && prev.io !== null && cur.io.source === prev.io.source;
  return {
    cpuPercent: usec === null ? null : usec / 1e4,
    readBytesPerSec: sameIo ? rate(cur.io!.readBytes, prev.io!.readBytes, seconds) : null,
    writeBytesPerSec: sameIo ? rate(cur.io!.writeBytes, prev.io!.writeBytes, seconds) : null,
    // The kernel counts throttled time across CPUs: capped at the whole tick.
    throttledPercent: throttled === null ? null : Math.min(100, throttled / 1e4),
  };
}

/** The paths of the `n` largest by `value` (nulls never), largest first; ties by path, so the set is stable tick to tick. */
export function topPaths<G extends { path: string }>(groups: readonly G[], value: (g: G) => number | null, n: number = CGROUP_TOP_N): string[] {
  return groups
    .flatMap((g) => {
      const v = value(g);
      return v === null ? [] : [{ path: g.path, v }];
    })
    .sort((a, b) => b.v - a.v || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, n)
    .map((g) => g.path);
}

/** One tick's sample: the reading bounded, each group with its rates against the previous reading and its history carried on from the previous sample. */
export function sampleCgroups(reading: CgroupList, previous: CgroupList | undefined, seconds: number, previousSample?: CgroupsSample): CgroupsSample {
  const before = new Map(previous?.groups.map((g) => [g.path, g]));
  const history = new Map(previousSample?.groups.map((g) => [g.path, g.cpuHistory]));
  const kept = reading.groups.filter((g) => g.path.length <= CGROUP_PATH_MAX).slice(0, CGROUPS_MAX);
  const groups: CgroupRow[] = kept.map((g) => ({
    ...g,
    name: cut(g.name),
    id: cut(g.id),
    pids: g.pids.length > CGROUP_PIDS_MAX ? g.pids.slice(0, CGROUP_PIDS_MAX) : g.pids,
    pidsTotal: g.pids.length,
    ...cgroupRates(g, before.get(g.path), seconds),
    cpuHistory: [],
  }));
  // The busiest keep a history; a group's first tick (no rate yet) starts none.
  const byPath = new Map(groups.map((g) => [g.path, g]));
  for (const path of topPaths(groups, (g) => g.cpuPercent, CGROUP_HISTORY_GROUPS)) {
    const row = byPath.get(path)!;
    const past = history.get(path) ?? [];
    row.cpuHistory = [...(past.length >= CGROUP_HISTORY_POINTS ? past.slice(past.length - CGROUP_HISTORY_POINTS + 1) : past), row.cpuPercent!];
  }
  return {
    mount: reading.mount,
    groups,
    omitted: reading.groups.length - groups.length,
    top: { cpu: topPaths(groups, (g) => g.cpuPercent), memory: topPaths(groups, (g) => g.memory?.current ?? null) },
  };
}

export default defineMetric({
  topic: 'cgroups',
  source: 'cgroups',
  // No cgroup2 hierarchy mounted: the machine has no groups, a fact (the page says why from the capability).
  noneWhen: 'NOT_FOUND',
  sample: sampleCgroups,
  // Live only: the page's sparklines come from the groups' own short history.
  history: false,
  cards: [],
  pages: ['apps'],
  // The exporter reads the groups itself (top groups, app/main/server/metrics-cgroups.ts): a declared family would keep this topic sampled for it every tick.
  exporter: {},
});
