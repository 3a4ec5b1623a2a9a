// psutil.disk_partitions(), psutil.disk_usage() and psutil.disk_io_counters().

import { describeIfLoaded } from './describe';
import { InvalidArgument } from './errors';
import { binding, callAsync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots } from './types';
import { WrapNumbers } from './wrap_numbers';

/** psutil.disk_partitions() entry (psutil 6 dropped maxfile/maxpath). */
export interface DiskPartition {
  device: string;
  mountpoint: string;
  fstype: string;
  opts: string;
}

/** psutil.disk_usage(): bytes; percent is the user's view, like df. */
export interface DiskUsage {
  total: number;
  used: number;
  free: number;
  percent: number;
}

/** psutil.disk_io_counters() on Linux: counts, bytes and milliseconds. */
export interface DiskIoCounters {
  readCount: number;
  writeCount: number;
  readBytes: number;
  writeBytes: number;
  readTime: number;
  writeTime: number;
  readMergedCount: number;
  writeMergedCount: number;
  busyTime: number;
}

/**
 * The counters of a disk, in the addon's order: its NamedDiskIoCounters record
 * less `name` (describe().records; empty when the addon did not load).
 * test/describe.test.ts checks the DiskIoCounters interface against it.
 */
export const DISK_IO_FIELDS: readonly (keyof DiskIoCounters)[] = Object.freeze(
  (describeIfLoaded()?.records.NamedDiskIoCounters ?? []).filter((field) => field !== 'name') as (keyof DiskIoCounters)[],
);

export interface DiskPartitionsOptions extends Roots {
  /** Also pseudo, memory, duplicate and inaccessible filesystems. */
  all?: boolean;
}

export interface DiskIoCountersOptions extends Roots {
  /** One entry per device (disks and partitions) instead of the whole-disk total. */
  perdisk?: boolean;
  /** Keep counters increasing when the kernel's wrap or reset (default true). */
  nowrap?: boolean;
}

/** What the addon returns per device: the counters plus the device name. */
export interface NamedDiskIoCounters extends DiskIoCounters {
  name: string;
}

/** psutil.disk_partitions(all): mounted filesystems; with all=false only physical devices. */
export async function diskPartitions(options?: DiskPartitionsOptions): Promise<DiskPartition[]> {
  const opts = optionsObject(options);
  const all = booleanOption(opts.all, 'all', false);
  const roots = resolveRoots(opts);
  return callAsync(() => binding.diskPartitions({ ...roots, all }));
}

/** psutil.disk_usage(path): usage of the filesystem holding `path` (a real path, not under a root). */
export async function diskUsage(path: string): Promise<DiskUsage> {
  if (typeof path !== 'string') throw new InvalidArgument(`path must be a string, got ${typeof path}`);
  if (path.includes('\0')) throw new InvalidArgument('path must not contain NUL');
  return callAsync(() => binding.diskUsage({ path }));
}

const countersOf = (disk: NamedDiskIoCounters): DiskIoCounters =>
  Object.fromEntries(DISK_IO_FIELDS.map((field) => [field, disk[field]])) as unknown as DiskIoCounters;

// psutil's cache name: perdisk and total calls share one nowrap history.
const WRAP_NAME = 'psutil.disk_io_counters';

/** One caller's disk_io_counters nowrap state. */
export class DiskIoCountersReader {
  readonly #wrap = new WrapNumbers();

  /** psutil.disk_io_counters(perdisk, nowrap). */
  read(options: DiskIoCountersOptions & { perdisk: true }): Promise<Record<string, DiskIoCounters>>;
  read(options?: DiskIoCountersOptions & { perdisk?: false }): Promise<DiskIoCounters | null>;
  read(options?: DiskIoCountersOptions): Promise<DiskIoCounters | Record<string, DiskIoCounters> | null>;
  async read(options?: DiskIoCountersOptions): Promise<DiskIoCounters | Record<string, DiskIoCounters> | null> {
    const opts = optionsObject(options);
    const perdisk = booleanOption(opts.perdisk, 'perdisk', false);
    const nowrap = booleanOption(opts.nowrap, 'nowrap', true);
    const roots = resolveRoots(opts);
    const raw = await callAsync(() => binding.diskIoCounters({ ...roots, perdisk }));
    // psutil: None (or {} per disk) on a diskless machine.
    if (raw.length === 0) return perdisk ? {} : null;
    let byDisk: Record<string, DiskIoCounters> = Object.fromEntries(raw.map((disk) => [disk.name, countersOf(disk)]));
    if (nowrap) byDisk = this.#wrap.run(byDisk, WRAP_NAME);
    if (perdisk) return byDisk;
    const total = Object.fromEntries(DISK_IO_FIELDS.map((field) => [field, 0])) as unknown as DiskIoCounters;
    for (const disk of Object.values(byDisk)) for (const field of DISK_IO_FIELDS) total[field] += disk[field];
    return total;
  }

  /** psutil's disk_io_counters.cache_clear(): forget the nowrap history. */
  cacheClear(): void {
    this.#wrap.cacheClear();
  }
}

/** A reader of one's own, whose nowrap history no other caller disturbs. */
export function createDiskIoCountersReader(): DiskIoCountersReader {
  return new DiskIoCountersReader();
}

const defaultReader = new DiskIoCountersReader();

export interface DiskIoCountersFunction {
  (options: DiskIoCountersOptions & { perdisk: true }): Promise<Record<string, DiskIoCounters>>;
  (options?: DiskIoCountersOptions & { perdisk?: false }): Promise<DiskIoCounters | null>;
  (options?: DiskIoCountersOptions): Promise<DiskIoCounters | Record<string, DiskIoCounters> | null>;
  /** psutil's disk_io_counters.cache_clear() for the module's default reader. */
  cacheClear(): void;
}

/**
 * psutil.disk_io_counters(perdisk, nowrap) with the module's default reader:
 * the total over whole disks (those in <sysfs>/block), or per device.
 */
export const diskIoCounters: DiskIoCountersFunction = Object.assign(
  (options?: DiskIoCountersOptions) => defaultReader.read(options),
  { cacheClear: () => defaultReader.cacheClear() },
) as DiskIoCountersFunction;
