// psutil's CPU functions: cpu_times, cpu_count, cpu_stats, cpu_freq, getloadavg
// (cpu_percent and cpu_times_percent, which keep state, are cpu_percent.ts).

import { describeIfLoaded } from './describe';
import { binding, callAsync, callSync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { CpuCountOptions, CpuTimes, CpuTimesOptions, Roots, SystemCpuTimes, WindowsCpuTimes } from './types';

/** Whether a cpuTimes() record is Windows' (user, system, idle, interrupt, dpc) rather than Linux's. */
export function isWindowsCpuTimes(t: SystemCpuTimes): t is WindowsCpuTimes {
  return 'dpc' in t;
}

/**
 * Each platform record's fields in the addon's order (describe().records; empty
 * when the addon did not load). test/describe.test.ts checks the CpuTimes and
 * WindowsCpuTimes interfaces against them.
 */
export const CPU_TIMES_FIELDS: Readonly<{ linux: readonly (keyof CpuTimes)[]; windows: readonly (keyof WindowsCpuTimes)[] }> = Object.freeze({
  linux: Object.freeze((describeIfLoaded()?.records.CpuTimes ?? []) as (keyof CpuTimes)[]),
  windows: Object.freeze((describeIfLoaded()?.records.WindowsCpuTimes ?? []) as (keyof WindowsCpuTimes)[]),
});

/**
 * psutil.cpu_times(): seconds each CPU mode has run since boot, system-wide,
 * or per logical CPU (in /proc/stat order) with `percpu: true`. The fields
 * are the platform's, as psutil's: CpuTimes on Linux, WindowsCpuTimes on Windows.
 */
export function cpuTimes(options: CpuTimesOptions & { percpu: true }): Promise<SystemCpuTimes[]>;
export function cpuTimes(options?: CpuTimesOptions & { percpu?: false }): Promise<SystemCpuTimes>;
export function cpuTimes(options?: CpuTimesOptions): Promise<SystemCpuTimes | SystemCpuTimes[]>;
export async function cpuTimes(options?: CpuTimesOptions): Promise<SystemCpuTimes | SystemCpuTimes[]> {
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

/**
 * psutil.cpu_stats(): counters since boot (syscalls is always 0 on Linux; on
 * Windows softInterrupts counts deferred procedure calls).
 */
export interface CpuStats {
  ctxSwitches: number;
  interrupts: number;
  softInterrupts: number;
  syscalls: number;
}

/** psutil.cpu_freq(): MHz; min and max are 0 when undeterminable. */
export interface CpuFreq {
  current: number;
  min: number;
  max: number;
}

export interface CpuFreqOptions extends Roots {
  percpu?: boolean;
}

/** psutil.cpu_stats(): /proc/stat's ctxt, intr and softirq on Linux; NT's system and processor counters on Windows. */
export async function cpuStats(options?: Roots): Promise<CpuStats> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.cpuStats(roots));
}

/**
 * psutil.cpu_freq(): the average over CPUs (null when nothing reports a
 * frequency) or, with `percpu: true`, one entry per CPU (policy) in order.
 */
export function cpuFreq(options: CpuFreqOptions & { percpu: true }): Promise<CpuFreq[]>;
export function cpuFreq(options?: CpuFreqOptions & { percpu?: false }): Promise<CpuFreq | null>;
export function cpuFreq(options?: CpuFreqOptions): Promise<CpuFreq | CpuFreq[] | null>;
export async function cpuFreq(options?: CpuFreqOptions): Promise<CpuFreq | CpuFreq[] | null> {
  const opts = optionsObject(options);
  const percpu = booleanOption(opts.percpu, 'percpu', false);
  const roots = resolveRoots(opts);
  return callAsync(() => binding.cpuFreq({ ...roots, percpu }));
}

/**
 * psutil.getloadavg(): the 1, 5 and 15 minute load averages. On Windows,
 * psutil's emulation: the first call starts sampling the processor queue
 * length every 5 s into exponential averages, so early calls answer zeros;
 * IO_ERROR where that counter is missing (Wine).
 */
export async function getloadavg(options?: Roots): Promise<[number, number, number]> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.getloadavg(roots));
}
