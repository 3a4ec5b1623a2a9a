// The addon's account of itself (src/binding/describe.cc): platform, snapshot
// topics, capabilities, constants and the layouts shared with TypeScript.
// Every list native/lib would otherwise restate is read from here;
// test/describe.test.ts checks the few TS types that must name the same
// things (unions of names) against it, both ways.

import { binding, addonLoadError } from './native';
import { resolveRoots } from './roots';

/** Why a collector function is unavailable here. */
export type CapabilityReason = 'missing-file' | 'permission' | 'platform' | 'captured-tree';

export interface CapabilityStatus {
  name: string;
  available: boolean;
  /** Set when not available. */
  reason?: CapabilityReason;
  /** The file that is missing or unreadable. */
  path?: string;
}

export interface PlatformConstants {
  signals: Readonly<Record<string, number>>;
  rlimits: Readonly<Record<string, number>>;
  rlimInfinity: number;
  ioprioClasses: Readonly<Record<string, number>>;
  /** *_PRIORITY_CLASS where the platform has them (Windows); empty where priority is a nice value. */
  priorityClasses: Readonly<Record<string, number>>;
  /** IOPRIO_VERYLOW… where Process.ionice takes one level (Windows); empty where it takes ioprioClasses. */
  ioPriorities: Readonly<Record<string, number>>;
  nice: { min: number; max: number };
  addressFamilies: Readonly<Record<string, number>>;
  socketTypes: Readonly<Record<string, number>>;
  connectionKinds: readonly string[];
  connectionStatuses: readonly string[];
  processStatuses: readonly string[];
  /** virtualMemory()'s fields psutil has on this platform (Windows: total, available, percent, used, free); the others read 0. */
  virtualMemoryFields: readonly string[];
}

export interface Layouts {
  /** processRead's section bits. */
  processSections: Readonly<Record<string, number>>;
  /** processTable's field bits. */
  processTableFields: Readonly<Record<string, number>>;
  /** processTable's packed number columns, in order (lib/process_table.ts Col). */
  processTableNumbers: readonly string[];
  /** processTable's packed string columns, in order (lib/process_table.ts Str). */
  processTableStrings: readonly string[];
}

export interface CollectorDescription {
  /** As Node's process.platform spells it; 'unsupported' for a platform without a backend. */
  platform: string;
  /** systemSnapshot's topics, in the addon's order. */
  topics: readonly string[];
  /** Over the default roots (PROCYON_PROCFS / PROCYON_SYSFS or /proc, /sys). */
  capabilities: readonly CapabilityStatus[];
  constants: PlatformConstants;
  layouts: Layouts;
  /** Each record declared with PROCYON_RECORD (src/common/record.h): its JS field names, in order. */
  records: Readonly<Record<string, readonly string[]>>;
  /**
   * Each whole-system metric declared with PROCYON_METRIC (src/common/metric.h): its name (a function,
   * a topic and a capability of that name) and its record (a key of `records`), in declaration order.
   */
  metrics: readonly { name: string; record: string }[];
}

let cached: CollectorDescription | undefined;

/** The description, read once (loads the addon; throws Unsupported when it cannot load). */
export function describe(): CollectorDescription {
  cached ??= Object.freeze(binding.describe(resolveRoots()));
  return cached;
}

/**
 * For constants exported at import: the description when the addon loads, else
 * null (a host whose addon is missing must still import the package and say
 * why; every call then rejects with Unsupported, see addonLoadError()).
 */
export function describeIfLoaded(): CollectorDescription | null {
  return addonLoadError() ? null : describe();
}

/** A named number of one constants group; NaN when the addon cannot load or the platform lacks it. */
export function platformConstant(group: keyof PlatformConstants, name: string): number {
  const table = describeIfLoaded()?.constants[group] as Readonly<Record<string, number>> | undefined;
  return table?.[name] ?? NaN;
}
