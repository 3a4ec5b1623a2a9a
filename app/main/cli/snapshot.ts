import * as native from '@procyon/collector';
import type { CollectorRoots } from '../core/collector';

/** Everything the collector offers so far, keyed by psutil's names in camelCase. */
export async function collectSnapshot(roots: CollectorRoots) {
  const [cpuTimes, cpuTimesPercpu, cpuCountLogical, cpuCountPhysical, virtualMemory, swapMemory, bootTime] = await Promise.all([
    native.cpuTimes({ ...roots, percpu: false }),
    native.cpuTimes({ ...roots, percpu: true }),
    native.cpuCount({ ...roots, logical: true }),
    native.cpuCount({ ...roots, logical: false }),
    native.virtualMemory(roots),
    native.swapMemory(roots),
    native.bootTime(roots),
  ]);
  return {
    cpuTimes,
    cpuTimesPercpu,
    cpuCount: { logical: cpuCountLogical, physical: cpuCountPhysical },
    virtualMemory,
    swapMemory,
    bootTime,
  };
}

const GiB = 1024 ** 3;

export function formatSnapshotText(s: Awaited<ReturnType<typeof collectSnapshot>>): string {
  const t = s.cpuTimes;
  const gib = (b: number) => `${(b / GiB).toFixed(2)} GiB`;
  return [
    `boot time   ${new Date(s.bootTime * 1000).toISOString()}`,
    `cpu count   ${s.cpuCount.logical} logical, ${s.cpuCount.physical ?? 'unknown'} physical`,
    `cpu times   user ${t.user.toFixed(2)}s  system ${t.system.toFixed(2)}s  idle ${t.idle.toFixed(2)}s  iowait ${t.iowait.toFixed(2)}s`,
    `memory      ${gib(s.virtualMemory.used)} used of ${gib(s.virtualMemory.total)} (${s.virtualMemory.percent}%), ${gib(s.virtualMemory.available)} available`,
    `swap        ${gib(s.swapMemory.used)} used of ${gib(s.swapMemory.total)} (${s.swapMemory.percent}%)`,
  ].join('\n');
}
