// psutil.cpu_percent() and psutil.cpu_times_percent(), computed from two
// cpuTimes readings. psutil keeps the last reading per calling thread; here
// each CpuPercentTracker keeps its own, and the module-level functions share
// one default tracker, so independent callers each make their own tracker.

import { binding, callAsync } from './native';
import { booleanOption, optionsObject, secondsOption } from './options';
import { resolveRoots, type ResolvedRoots } from './roots';
import { round1 } from './round';
import { CPU_TIMES_FIELDS, isWindowsCpuTimes } from './cpu';
import type { Roots, SystemCpuTimes } from './types';

export interface CpuPercentOptions extends Roots {
  /**
   * Seconds to wait between two readings (without blocking the event loop).
   * 0 or undefined: compare with this tracker's previous call. The module's
   * default tracker holds a reading taken at load time (psutil takes one at
   * import), so its first call measures since then; a tracker of one's own
   * returns 0.0 values on its first call, which psutil says to ignore.
   */
  interval?: number | null;
  percpu?: boolean;
}

type Fields<T extends SystemCpuTimes> = readonly (keyof T & string)[];

// The record's own fields: psutil sums whatever its platform's scputimes holds.
function fieldsOf<T extends SystemCpuTimes>(t: T): Fields<T> {
  return (isWindowsCpuTimes(t) ? CPU_TIMES_FIELDS.windows : CPU_TIMES_FIELDS.linux) as unknown as Fields<T>;
}

function mapFields<T extends SystemCpuTimes>(shape: T, value: (field: keyof T & string) => number): T {
  return Object.fromEntries(fieldsOf(shape).map((field) => [field, value(field)])) as unknown as T;
}

const get = <T extends SystemCpuTimes>(t: T, field: keyof T & string): number => t[field] as number;

function zeroTimes<T extends SystemCpuTimes>(shape: T): T {
  return mapFields(shape, () => 0);
}

// psutil's _cpu_times_deltas: negative deltas (counters going back) count 0.
function deltas<T extends SystemCpuTimes>(t1: T, t2: T): T {
  return mapFields(t2, (field) => Math.max(0, get(t2, field) - get(t1, field)));
}

// psutil's _cpu_tot_time: every field, less guest time on Linux (already in user/nice).
function totalTime(t: SystemCpuTimes): number {
  let total = 0;
  for (const field of fieldsOf(t)) total += get(t, field);
  return isWindowsCpuTimes(t) ? total : total - t.guest - t.guestNice;
}

// psutil's _cpu_busy_time: idle, and on Linux iowait (idle time that idle does not count), are not busy.
function busyTime(t: SystemCpuTimes): number {
  return totalTime(t) - t.idle - (isWindowsCpuTimes(t) ? 0 : t.iowait);
}

const clamp = (x: number) => Math.min(Math.max(0, x), 100);

/** cpu_percent's calculate(): busy share of the elapsed CPU time, rounded to 0.1. */
export function percentBetween<T extends SystemCpuTimes>(t1: T, t2: T): number {
  const delta = deltas(t1, t2);
  const all = totalTime(delta);
  if (all === 0) return 0;
  return clamp(round1((busyTime(delta) / all) * 100));
}

/**
 * cpu_times_percent's calculate(): each mode's share of the elapsed CPU time,
 * in the platform's record.
 * (psutil scales by 100 / max(1, total), which under-reports when less than
 * one CPU-second elapsed; here the shares are of the actual total.)
 */
export function timesPercentBetween<T extends SystemCpuTimes>(t1: T, t2: T): T {
  const delta = deltas(t1, t2);
  const all = totalTime(delta);
  const scale = all > 0 ? 100 / all : 0;
  return mapFields(delta, (field) => clamp(round1(get(delta, field) * scale)));
}

type Reading = SystemCpuTimes | SystemCpuTimes[];

function readTimes(roots: ResolvedRoots, percpu: boolean): Promise<Reading> {
  return callAsync(() => binding.cpuTimes({ ...roots, percpu }));
}

const sleep = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

/** One caller's cpu_percent / cpu_times_percent state (psutil's per-thread map entry). */
export class CpuPercentTracker {
  // Keyed by function, percpu and roots: cpu_percent and cpu_times_percent
  // keep separate readings in psutil, and two trees must not be compared.
  readonly #last = new Map<string, Reading>();

  /** psutil.cpu_percent(interval, percpu): busy percentage, system-wide or per CPU. */
  cpuPercent(options: CpuPercentOptions & { percpu: true }): Promise<number[]>;
  cpuPercent(options?: CpuPercentOptions & { percpu?: false }): Promise<number>;
  cpuPercent(options?: CpuPercentOptions): Promise<number | number[]>;
  async cpuPercent(options?: CpuPercentOptions): Promise<number | number[]> {
    return this.#run('percent', options, (t1, t2) => percentBetween(t1, t2), () => 0);
  }

  /** psutil.cpu_times_percent(interval, percpu): per-mode percentages. */
  cpuTimesPercent(options: CpuPercentOptions & { percpu: true }): Promise<SystemCpuTimes[]>;
  cpuTimesPercent(options?: CpuPercentOptions & { percpu?: false }): Promise<SystemCpuTimes>;
  cpuTimesPercent(options?: CpuPercentOptions): Promise<SystemCpuTimes | SystemCpuTimes[]>;
  async cpuTimesPercent(options?: CpuPercentOptions): Promise<SystemCpuTimes | SystemCpuTimes[]> {
    return this.#run('times', options, timesPercentBetween, zeroTimes);
  }

  // A reading in flight that the next call must wait for (see prime()).
  #priming: Promise<void> | null = null;

  /** Forgets the previous readings: the next non-blocking call returns 0.0 values again. */
  reset(): void {
    this.#last.clear();
  }

  /**
   * Takes the readings a first non-blocking call compares with, as psutil's
   * import does (_last_cpu_times, _last_per_cpu_times and their copies for
   * cpu_times_percent). Never rejects: a failed reading leaves that call at 0.
   */
  prime(options?: Roots): void {
    const roots = resolveRoots(optionsObject(options));
    const take = async (percpu: boolean) => {
      try {
        const reading = await readTimes(roots, percpu);
        for (const kind of ['percent', 'times']) {
          const key = JSON.stringify([kind, percpu, roots.procfs]);
          if (!this.#last.has(key)) this.#last.set(key, reading);
        }
      } catch {
        // No addon, or no /proc/stat: the call itself will say so.
      }
    };
    this.#priming = Promise.all([take(false), take(true)]).then(() => {
      this.#priming = null;
    });
  }

  async #run<T>(
    kind: string,
    options: CpuPercentOptions | undefined,
    calculate: (t1: SystemCpuTimes, t2: SystemCpuTimes) => T,
    zero: (shape: SystemCpuTimes) => T,
  ): Promise<T | T[]> {
    const opts = optionsObject(options);
    const interval = secondsOption(opts.interval, 'interval') ?? 0;
    const percpu = booleanOption(opts.percpu, 'percpu', false);
    const roots = resolveRoots(opts);
    const key = JSON.stringify([kind, percpu, roots.procfs]);

    if (this.#priming) await this.#priming;
    let before: Reading | undefined;
    if (interval > 0) {
      before = await readTimes(roots, percpu);
      await sleep(interval);
    } else {
      before = this.#last.get(key);
    }
    const after = await readTimes(roots, percpu);
    this.#last.set(key, after);

    if (!percpu) return before === undefined ? zero(after as SystemCpuTimes) : calculate(before as SystemCpuTimes, after as SystemCpuTimes);
    const list = after as SystemCpuTimes[];
    if (before === undefined) return list.map((t) => zero(t));
    const previous = before as SystemCpuTimes[];
    // psutil zips the two lists: a CPU that appeared or vanished is dropped.
    const count = Math.min(previous.length, list.length);
    return Array.from({ length: count }, (_, i) => calculate(previous[i]!, list[i]!));
  }
}

/** A tracker of one's own: its non-blocking calls compare only with its own previous call. */
export function createCpuPercentTracker(): CpuPercentTracker {
  return new CpuPercentTracker();
}

const defaultTracker = new CpuPercentTracker();
// psutil reads cpu_times() at import, so its first non-blocking cpu_percent()
// is a real value (since import) instead of 0.0; the default tracker does the
// same at load. A missing addon still loads: the reading is simply absent.
defaultTracker.prime();

/** psutil.cpu_percent() with the module's default tracker. */
export function cpuPercent(options: CpuPercentOptions & { percpu: true }): Promise<number[]>;
export function cpuPercent(options?: CpuPercentOptions & { percpu?: false }): Promise<number>;
export function cpuPercent(options?: CpuPercentOptions): Promise<number | number[]>;
export function cpuPercent(options?: CpuPercentOptions): Promise<number | number[]> {
  return defaultTracker.cpuPercent(options);
}

/** psutil.cpu_times_percent() with the module's default tracker. */
export function cpuTimesPercent(options: CpuPercentOptions & { percpu: true }): Promise<SystemCpuTimes[]>;
export function cpuTimesPercent(options?: CpuPercentOptions & { percpu?: false }): Promise<SystemCpuTimes>;
export function cpuTimesPercent(options?: CpuPercentOptions): Promise<SystemCpuTimes | SystemCpuTimes[]>;
export function cpuTimesPercent(options?: CpuPercentOptions): Promise<SystemCpuTimes | SystemCpuTimes[]> {
  return defaultTracker.cpuTimesPercent(options);
}
