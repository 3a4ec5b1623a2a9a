// The addon and the one wrapper every call to it goes through, so native
// failures always surface as ProcyonError subclasses (via fromNative).

import path from 'node:path';

import { Unsupported, fromNative } from './errors';
import type { CapabilityStatus, CollectorDescription } from './describe';
import type { MetricExports } from './metric';
import type { ResolvedRoots } from './roots';
import type { SwapMemory, SystemCpuTimes, VirtualMemory } from './types';
// --- cpu (stats, freq, load), disks, other system info ---
import type { CpuFreq, CpuStats } from './cpu';
import type { DiskPartition, DiskUsage, NamedDiskIoCounters } from './disks';
import type { User } from './users';
// --- network ---
import type { NetConnection, NetIoCounters, NicAddress, NicStats } from './types';
// --- sensors ---
import type { Battery, Fan, Temperature } from './types';
import type { HwmonChip, PowerSupply } from './hwmon';
// --- processes ---
import type { ChildWatchHandle, NativeProcessAction, NativeProcessSnapshot, NativeProcessTable, ReaderHandle } from './process_types';

/**
 * The addon's exports. A newer area declares its own from lib/<area>.ts by declaration merging
 * (`declare module './native'`); a whole-system metric's comes from its Metrics entry (lib/metric.ts).
 */
export interface NativeBinding extends MetricExports {
  cpuTimes(options: ResolvedRoots & { percpu: boolean }): Promise<SystemCpuTimes | SystemCpuTimes[]>;
  cpuCount(options: ResolvedRoots & { logical: boolean }): Promise<number | null>;
  cpuCountSync(options: ResolvedRoots & { logical: boolean }): number | null;
  virtualMemory(options: ResolvedRoots): Promise<VirtualMemory>;
  swapMemory(options: ResolvedRoots): Promise<SwapMemory>;
  bootTime(options: ResolvedRoots): Promise<number>;
  bootTimeSync(options: ResolvedRoots): number;
  describe(options: ResolvedRoots): CollectorDescription;
  capabilities(options: ResolvedRoots): CapabilityStatus[];
  isLive(options: ResolvedRoots): boolean;
  // --- cpu (stats, freq, load) ---
  cpuStats(options: ResolvedRoots): Promise<CpuStats>;
  cpuFreq(options: ResolvedRoots & { percpu: boolean }): Promise<CpuFreq | CpuFreq[] | null>;
  getloadavg(options: ResolvedRoots): Promise<[number, number, number]>;
  // --- disks ---
  diskPartitions(options: ResolvedRoots & { all: boolean }): Promise<DiskPartition[]>;
  diskUsage(options: { path: string }): Promise<DiskUsage>;
  diskIoCounters(options: ResolvedRoots & { perdisk: boolean }): Promise<NamedDiskIoCounters[]>;
  // --- other system info (users, pids) ---
  users(options: { utmp?: string }): Promise<User[]>;
  pids(options: ResolvedRoots): Promise<number[]>;
  pidExists(options: ResolvedRoots & { pid: number }): Promise<boolean>;
  // --- systemSnapshot ---
  systemSnapshot(options: ResolvedRoots & { topics: string[]; diskUsagePaths: string[] }): Promise<unknown>;
  // --- network ---
  netIoCounters(options: ResolvedRoots): Promise<Record<string, NetIoCounters>>;
  netConnections(options: ResolvedRoots & { kind: string }): Promise<NetConnection[]>;
  netIfAddrs(options: ResolvedRoots): Promise<Record<string, NicAddress[]>>;
  netIfStats(options: ResolvedRoots): Promise<Record<string, NicStats>>;
  // --- sensors ---
  sensorsTemperatures(options: ResolvedRoots & { fahrenheit: boolean }): Promise<Record<string, Temperature[]>>;
  sensorsFans(options: ResolvedRoots): Promise<Record<string, Fan[]>>;
  sensorsBattery(options: ResolvedRoots): Promise<Battery | null>;
  hwmonChips(options: ResolvedRoots): Promise<HwmonChip[]>;
  powerSupplies(options: ResolvedRoots): Promise<PowerSupply[]>;
  // --- processes ---
  processRead(options: ResolvedRoots & { pid: number; sections: number; kind?: string }): Promise<NativeProcessSnapshot>;
  processAction(options: ResolvedRoots & NativeProcessAction): Promise<void>;
  processTable(options: ResolvedRoots & { fields: number; cmdlineBytes: number; reader?: ReaderHandle }): Promise<NativeProcessTable>;
  processTableCacheClear(): void;
  processTableReader(): ReaderHandle;
  threadCpuTime(): number | null;
  releaseFreeMemory(): boolean | null;
  processTableReaderReset(reader: ReaderHandle): void;
  processWatchChild(options: ResolvedRoots & { pid: number; createTime: number }): ChildWatchHandle | null;
  processWatchPoll(watch: ChildWatchHandle): { returncode: number | null } | null;
  processWatchClose(watch: ChildWatchHandle): void;
}

function load(): NativeBinding {
  // PROCYON_ADDON_PATH loads one exact file instead: the sanitizer build
  // (scripts/sanitize.mjs), or a missing path to test how hosts cope.
  const override = process.env.PROCYON_ADDON_PATH;
  // Release is what `npm ci` builds; Debug only with PROCYON_DEBUG_NATIVE. On
  // Windows the cross-built addon (`npm run build:win`, what the Windows
  // installer ships) comes first: build/ holds the Linux one there.
  const buildDirs = (process.platform === 'win32' ? ['build-win', 'build'] : ['build']).map((dir) => path.join(__dirname, '..', dir));
  const candidates = override
    ? [path.resolve(override)]
    : buildDirs.flatMap((dir) => ['Release', 'Debug'].map((config) => path.join(dir, config, 'procyon_collector.node')));
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be loaded by require
      return require(candidate) as NativeBinding;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'MODULE_NOT_FOUND') {
        // Wrong platform, architecture or Node ABI: dlopen's own words are the useful part.
        throw new Unsupported(`the native addon ${candidate} cannot be loaded: ${(err as Error).message}`, { path: candidate, cause: err });
      }
      failures.push(candidate);
    }
  }
  if (override) throw new Unsupported(`there is no native addon at ${failures[0]} (named by PROCYON_ADDON_PATH)`, { path: failures[0] });
  throw new Unsupported(
    `the native addon is not built (looked for ${failures.join(', ')}); ` +
      'run `npm run build --workspace @procyon/collector`',
    { path: failures[0] },
  );
}

// Loaded on first use rather than at import, so a host whose addon is missing
// or built for another platform can still start and say what is wrong.
let loaded: NativeBinding | undefined;
let loadFailure: Unsupported | undefined;

function loadOnce(): NativeBinding {
  if (loaded) return loaded;
  if (loadFailure) throw loadFailure;
  try {
    loaded = load();
    return loaded;
  } catch (err) {
    loadFailure = err instanceof Unsupported ? err : new Unsupported(`the native addon cannot be loaded: ${String(err)}`, { cause: err });
    throw loadFailure;
  }
}

/** Why the addon cannot be loaded, or null when it loads. Loads it if nothing has yet. */
export function addonLoadError(): Unsupported | null {
  try {
    loadOnce();
    return null;
  } catch (err) {
    return err as Unsupported;
  }
}

export const binding: NativeBinding = new Proxy({} as NativeBinding, {
  get: (_target, name) => Reflect.get(loadOnce(), name),
  // Tests wrap a binding function to count trips to the worker.
  set: (_target, name, value) => Reflect.set(loadOnce(), name, value),
});

export async function callAsync<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw fromNative(err);
  }
}

export function callSync<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw fromNative(err);
  }
}
