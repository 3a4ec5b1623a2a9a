import * as native from '@procyon/collector';
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
 * Every system function the collector offers, keyed by psutil's names in
 * camelCase. Each is read on its own so one that fails (a missing file under
 * a captured root, say) is reported in its place without hiding the rest.
 */
export async function collectSnapshot(roots: CollectorRoots) {
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
  const [diskIoCounters, netIoCounters, netConnections, netIfAddrs, netIfStats, sensorsTemperatures, sensorsFans, sensorsBattery, users, bootTime, pressureStall] =
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
      // NOT_FOUND where the kernel has no PSI: reported in its place like any failure.
      attempt(() => native.pressureStall(roots)),
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
    pressureStall,
  };
}

export type CollectedSnapshot = Awaited<ReturnType<typeof collectSnapshot>>;
