import { binding, callAsync, callSync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { CpuCountOptions, CpuTimes, CpuTimesOptions } from './types';

/**
 * psutil.cpu_times(): seconds each CPU mode has run since boot, system-wide,
 * or per logical CPU (in /proc/stat order) with `percpu: true`.
 */
export function cpuTimes(options: CpuTimesOptions & { percpu: true }): Promise<CpuTimes[]>;
export function cpuTimes(options?: CpuTimesOptions & { percpu?: false }): Promise<CpuTimes>;
export function cpuTimes(options?: CpuTimesOptions): Promise<CpuTimes | CpuTimes[]>;
export async function cpuTimes(options?: CpuTimesOptions): Promise<CpuTimes | CpuTimes[]> {
  const opts = optionsObject(options);
  const percpu = booleanOption(opts.percpu, 'percpu', false);
  const roots = resolveRoots(opts);
  return callAsync(() => binding.cpuTimes({ ...roots, percpu }));
}

function cpuCountArguments(options: CpuCountOptions | undefined) {
  const opts = optionsObject(options);
  return { ...resolveRoots(opts), logical: booleanOption(opts.logical, 'logical', true) };
}

/**
 * psutil.cpu_count(): logical CPUs (default) or, with `logical: false`,
 * physical cores; null when undeterminable.
 */
export async function cpuCount(options?: CpuCountOptions): Promise<number | null> {
  const args = cpuCountArguments(options);
  return callAsync(() => binding.cpuCount(args));
}

/** cpuCount() without the thread hop: a few small reads, cheap enough to block on. */
export function cpuCountSync(options?: CpuCountOptions): number | null {
  const args = cpuCountArguments(options);
  return callSync(() => binding.cpuCountSync(args));
}
