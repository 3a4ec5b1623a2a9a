// Pressure stall information (Linux's PSI, beyond psutil): how much of the
// time tasks waited for CPU, memory, I/O and IRQs. This file is the whole TS
// side of the area: the types, and the function with (by declaration merging
// into Metrics) its export, snapshot topic and capability name.

import { metric } from './metric';

/** One `some` or `full` line of /proc/pressure/<resource>. */
export interface PressureLine {
  /** Share of wall time stalled over the last 10, 60 and 300 seconds, in percent (the kernel's). */
  avg10: number;
  avg60: number;
  avg300: number;
  /** Total stall time since boot in seconds (the file's µs / 1e6). */
  total: number;
}

/** `some`: at least one task stalled; `full`: every non-idle task at once. Null when the file has no such line. */
export interface PressureResource {
  some: PressureLine | null;
  full: PressureLine | null;
}

/** Each resource null when the kernel has no file for it (irq before Linux 6.1). */
export interface PressureStall {
  cpu: PressureResource | null;
  memory: PressureResource | null;
  io: PressureResource | null;
  irq: PressureResource | null;
}

declare module './metric' {
  interface Metrics {
    /** pressureStall(); as a snapshot topic, {error: NOT_FOUND} where the kernel has no PSI. */
    pressureStall: PressureStall;
  }
}

/**
 * /proc/pressure/{cpu,memory,io,irq}. Rejects with NotFound (path
 * `<procfs>/pressure`) where the kernel has no PSI, as psutil raises for what
 * the system lacks; capabilities().pressureStall is false there beforehand.
 * Unsupported on a platform without PSI's reader.
 */
export const pressureStall = metric('pressureStall');
