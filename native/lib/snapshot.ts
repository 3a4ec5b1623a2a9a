// systemSnapshot(): the sampler's one call per tick. Every requested topic is
// read in a single trip to the worker thread; results are raw (no nowrap, no
// rates). A topic that fails reports {error} without sinking the others.

import type { CpuFreq, CpuStats } from './cpu';
import type { DiskIoCounters, DiskPartition, DiskUsage } from './disks';
import { InvalidArgument, type ErrorCode } from './errors';
import type { HwmonChip, PowerSupply } from './hwmon';
import { describeIfLoaded } from './describe';
import type { Metrics } from './metric';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Battery, Fan, NetIoCounters, NicStats, Roots, SwapMemory, SystemCpuTimes, Temperature, VirtualMemory } from './types';

/**
 * What each topic holds when it succeeds: the one TS declaration of the topics' names and types. A newer
 * area adds its topic from lib/<area>.ts by declaration merging (`declare module './snapshot'`); every
 * whole-system metric is a topic of its own name (Metrics, lib/metric.ts).
 */
export interface SnapshotTopicValues extends Metrics {
  // --- cpu ---
  /** The platform's record: CpuTimes on Linux, WindowsCpuTimes on Windows. */
  cpuTimes: SystemCpuTimes;
  perCpuTimes: SystemCpuTimes[];
  cpuStats: CpuStats;
  /** The psutil.cpu_freq() average, null when nothing reports a frequency. */
  cpuFreq: CpuFreq | null;
  /** psutil.cpu_freq(percpu=True): empty when nothing reports a frequency. */
  perCpuFreq: CpuFreq[];
  /** psutil.getloadavg(): 1, 5 and 15 minutes. */
  loadavg: [number, number, number];
  // --- memory ---
  virtualMemory: VirtualMemory;
  swapMemory: SwapMemory;
  // --- disks ---
  /** Raw whole-disk total (no nowrap); null on a diskless machine. */
  diskIoCounters: DiskIoCounters | null;
  /** Raw per-device counters (no nowrap). */
  perDiskIoCounters: Record<string, DiskIoCounters>;
  /** psutil.disk_partitions(all=False). */
  diskPartitions: DiskPartition[];
  /** Per requested path (SnapshotOptions.diskUsagePaths). */
  diskUsage: Record<string, DiskUsage | SnapshotError>;
  // --- network ---
  /** Raw per-NIC counters (no nowrap). */
  perNicIoCounters: Record<string, NetIoCounters>;
  netIfStats: Record<string, NicStats>;
  // --- sensors ---
  /** In °C. */
  sensorsTemperatures: Record<string, Temperature[]>;
  sensorsFans: Record<string, Fan[]>;
  /** null when there is no battery. */
  sensorsBattery: Battery | null;
  /** hwmonChips(): chips and sensors under node_exporter's names. */
  hwmonChips: HwmonChip[];
  /** powerSupplies(): supplies under their sysfs names. */
  powerSupplies: PowerSupply[];
}

export type SnapshotTopic = keyof SnapshotTopicValues;

/** The addon's topics, in its order (TopicRegistrar rows in src/binding/; empty when it cannot load). SnapshotTopicValues is checked against it by test/describe.test.ts. */
export const SNAPSHOT_TOPICS: readonly SnapshotTopic[] = Object.freeze((describeIfLoaded()?.topics ?? []) as SnapshotTopic[]);

/** A topic (or a diskUsage path) that could not be read. */
export interface SnapshotError {
  error: { code: ErrorCode; message: string; path?: string };
}

export type SystemSnapshot<T extends SnapshotTopic = SnapshotTopic> = {
  [K in T]: SnapshotTopicValues[K] | SnapshotError;
};

export interface SnapshotOptions<T extends SnapshotTopic = SnapshotTopic> extends Roots {
  topics: readonly T[];
  /** Paths for the diskUsage topic (real paths, default ['/']). */
  diskUsagePaths?: readonly string[];
}

export function isSnapshotError(value: unknown): value is SnapshotError {
  return typeof value === 'object' && value !== null && 'error' in value && Object.keys(value).length === 1;
}

const KNOWN = new Set<string>(SNAPSHOT_TOPICS);

/** Reads every topic in `topics` in one native call; see SnapshotTopicValues. */
export async function systemSnapshot<T extends SnapshotTopic>(options: SnapshotOptions<T>): Promise<SystemSnapshot<T>> {
  const opts = optionsObject(options);
  const topics: unknown = opts.topics;
  if (!Array.isArray(topics)) throw new InvalidArgument('topics must be an array of topic names');
  for (const topic of topics) {
    if (typeof topic !== 'string' || !KNOWN.has(topic)) {
      throw new InvalidArgument(`unknown snapshot topic ${JSON.stringify(topic)}; known: ${SNAPSHOT_TOPICS.join(', ')}`);
    }
  }
  const paths: unknown = opts.diskUsagePaths ?? ['/'];
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new InvalidArgument('diskUsagePaths must be an array of strings');
  }
  const roots = resolveRoots(opts);
  return callAsync(
    () =>
      binding.systemSnapshot({ ...roots, topics: topics as string[], diskUsagePaths: paths as string[] }) as Promise<
        SystemSnapshot<T>
      >,
  );
}
