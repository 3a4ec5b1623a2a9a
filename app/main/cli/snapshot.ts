import * as native from '@procyon/collector';
import type { SnapshotTopic, SnapshotTopicValues } from '@procyon/collector';
import type { CollectorRoots } from '../core/collector';
import { errorSummary } from '../core/errors';

/** A function that failed in this snapshot: the others still report. */
export interface Failed {
  error: { code: string; message: string };
}

async function attempt<T>(read: () => Promise<T>): Promise<T | Failed> {
  try {
    return await read();
  } catch (err) {
    return { error: errorSummary(err) };
  }
}

export function failed(value: unknown): value is Failed {
  return typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;
}

/**
 * The functions read on their own, with psutil's options, keyed by psutil's
 * names in camelCase: what their sections print says more than the generic
 * printer would. Each is read on its own so one that fails (a missing file
 * under a captured root, say) is reported in its place without hiding the rest.
 */
async function collectBespoke(roots: CollectorRoots) {
  const [cpuTimes, cpuTimesPercpu, cpuCountLogical, cpuCountPhysical, cpuStats, cpuFreq, getloadavg, virtualMemory, swapMemory] =
    await Promise.all([
      attempt(() => native.cpuTimes({ ...roots, percpu: false })),
      attempt(() => native.cpuTimes({ ...roots, percpu: true })),
      attempt(() => native.cpuCount({ ...roots, logical: true })),
      attempt(() => native.cpuCount({ ...roots, logical: false })),
      attempt(() => native.cpuStats(roots)),
      attempt(() => native.cpuFreq({ ...roots, percpu: false })),
      attempt(() => native.getloadavg(roots)),
      attempt(() => native.virtualMemory(roots)),
      attempt(() => native.swapMemory(roots)),
    ]);
  // netIfAddrs (getifaddrs), users (utmp) and diskUsage (statvfs) ask this
  // machine's kernel, not a /proc tree: under another root they are left out
  // rather than mixed in.
  const live = native.isLive(roots);
  const liveOnly = <T,>(read: () => Promise<T>) => (live ? attempt(read) : Promise.resolve(undefined));
  const diskPartitions = await attempt(() => native.diskPartitions(roots));
  // disk_usage reads the live filesystem, so it only makes sense for this machine's mounts.
  const diskUsage: Record<string, unknown> = {};
  if (!failed(diskPartitions) && live) {
    for (const p of diskPartitions) diskUsage[p.mountpoint] = await attempt(() => native.diskUsage(p.mountpoint));
  }
  const [diskIoCounters, netIoCounters, netConnections, netIfAddrs, netIfStats, sensorsTemperatures, sensorsFans, sensorsBattery, users, bootTime] =
    await Promise.all([
      attempt(() => native.diskIoCounters({ ...roots, perdisk: true, nowrap: false })),
      attempt(() => native.netIoCounters({ ...roots, pernic: true, nowrap: false })),
      attempt(() => native.netConnections({ ...roots, kind: 'all' })),
      liveOnly(() => native.netIfAddrs()),
      attempt(() => native.netIfStats(roots)),
      attempt(() => native.sensorsTemperatures(roots)),
      attempt(() => native.sensorsFans(roots)),
      attempt(() => native.sensorsBattery(roots)),
      liveOnly(() => native.users()),
      attempt(() => native.bootTime(roots)),
    ]);
  return {
    cpuTimes,
    cpuTimesPercpu,
    cpuCount: { logical: cpuCountLogical, physical: cpuCountPhysical },
    cpuStats,
    cpuFreq,
    getloadavg,
    virtualMemory,
    swapMemory,
    diskPartitions,
    diskUsage,
    diskIoCounters,
    netIoCounters,
    netConnections,
    netIfAddrs,
    netIfStats,
    sensorsTemperatures,
    sensorsFans,
    sensorsBattery,
    users,
    bootTime,
  };
}

type BespokeSnapshot = Awaited<ReturnType<typeof collectBespoke>>;

/**
 * Each described topic that a bespoke read above covers, and the --json key
 * that holds it. The diskIoCounters topic (psutil's perdisk=False total) is
 * stood for by the per-disk counters it totals, as before; cpuFreq is the
 * average the CPU section prints; perCpuFreq has no bespoke read and comes out
 * generically. A topic named like a bespoke key must be listed (the type says
 * so), so it can never overwrite that key.
 */
export const BESPOKE_TOPICS = {
  cpuTimes: 'cpuTimes',
  perCpuTimes: 'cpuTimesPercpu',
  cpuStats: 'cpuStats',
  cpuFreq: 'cpuFreq',
  loadavg: 'getloadavg',
  virtualMemory: 'virtualMemory',
  swapMemory: 'swapMemory',
  diskIoCounters: 'diskIoCounters',
  perDiskIoCounters: 'diskIoCounters',
  diskPartitions: 'diskPartitions',
  diskUsage: 'diskUsage',
  perNicIoCounters: 'netIoCounters',
  netIfStats: 'netIfStats',
  sensorsTemperatures: 'sensorsTemperatures',
  sensorsFans: 'sensorsFans',
  sensorsBattery: 'sensorsBattery',
} as const satisfies Record<Extract<SnapshotTopic, keyof BespokeSnapshot>, keyof BespokeSnapshot> &
  Partial<Record<SnapshotTopic, keyof BespokeSnapshot>>;

type GenericTopic = Exclude<SnapshotTopic, keyof typeof BESPOKE_TOPICS>;

let genericTopics: readonly GenericTopic[] | undefined;

/**
 * Every topic the collector describes that no bespoke read covers, in the addon's order: a new metric's topic lands here
 * with no edit. What this platform has none of at all (Windows services on Linux) is not this machine's to print. Worked
 * out on first use, not at import: a CLI whose addon cannot load must still start and say why.
 */
export function genericTopicList(): readonly GenericTopic[] {
  if (genericTopics) return genericTopics;
  const platformLacks = new Set(native.capabilityReport().filter((c) => c.reason === 'platform').map((c) => c.name));
  genericTopics = native.SNAPSHOT_TOPICS.filter((topic): topic is GenericTopic => !Object.hasOwn(BESPOKE_TOPICS, topic) && !platformLacks.has(topic));
  return genericTopics;
}

/**
 * The generic topics in one systemSnapshot call, each its value or its own
 * failure in place. A topic whose function reads only the live machine (its
 * capability says `captured-tree`) is left out under another root, as the
 * bespoke live-only reads are.
 */
async function collectGeneric(roots: CollectorRoots): Promise<{ [K in GenericTopic]?: SnapshotTopicValues[K] | Failed }> {
  const liveOnly = new Set(
    native.isLive(roots) ? [] : native.capabilityReport(roots).filter((c) => c.reason === 'captured-tree').map((c) => c.name),
  );
  const topics = genericTopicList().filter((topic) => !liveOnly.has(topic));
  // The call as a whole failing (not one topic) leaves each topic that failure in its place.
  const read = topics.length === 0 ? {} : await attempt(() => native.systemSnapshot({ ...roots, topics }));
  const entries = topics.map((topic) => {
    const value: unknown = failed(read) ? read : (read as Record<string, unknown>)[topic];
    // The same {code, message} as a bespoke read's failure (the message already names the path).
    return [topic, native.isSnapshotError(value) ? { error: errorSummary(value.error) } : value];
  });
  return Object.fromEntries(entries) as { [K in GenericTopic]?: SnapshotTopicValues[K] | Failed };
}

/**
 * Every system function the collector offers: the bespoke reads, then every
 * other topic the collector describes under its own name (pressureStall,
 * hwmonChips, ...).
 */
export async function collectSnapshot(roots: CollectorRoots) {
  const [bespoke, generic] = await Promise.all([collectBespoke(roots), collectGeneric(roots)]);
  return { ...bespoke, ...generic };
}

export type CollectedSnapshot = Awaited<ReturnType<typeof collectSnapshot>>;
