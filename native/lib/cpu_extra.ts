// psutil.cpu_stats(), psutil.cpu_freq() and psutil.getloadavg().

import { binding, callAsync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots } from './types';

/** psutil.cpu_stats(): counters since boot (syscalls is always 0 on Linux). */
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

/** psutil.cpu_stats(), from /proc/stat ctxt, intr and softirq. */
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

/** psutil.getloadavg(): the 1, 5 and 15 minute load averages. */
export async function getloadavg(options?: Roots): Promise<[number, number, number]> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.getloadavg(roots));
}
