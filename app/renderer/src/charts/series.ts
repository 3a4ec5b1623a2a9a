import { isWindowsCpuTimes, type CpuTimesPercent, type Snapshot } from '../../../shared/payloads';

/** One chart row: `t` is ms since the epoch, other keys are series values. */
export type Point = { t: number } & Record<string, number>;

export const CHART_SPAN_MS = 5 * 60_000;

/**
 * One row per snapshot for which `pick` has values. Ticks where the topic was
 * not sampled (pick returns null) are skipped, so a line never drops to zero
 * just because nobody was looking.
 */
export function buildSeries(history: readonly Snapshot[], pick: (s: Snapshot) => Record<string, number> | null | undefined): Point[] {
  const points: Point[] = [];
  for (const s of history) {
    const values = pick(s);
    if (values) points.push({ t: s.time, ...values } as Point);
  }
  return points;
}

/** Total CPU %; the first tick (cpu: null) has no rate yet and is skipped. */
export function cpuTotalSeries(history: Snapshot[]): Point[] {
  return buildSeries(history, (s) => (s.cpu ? { total: s.cpu.percent } : null));
}

/** One row per tick with `c0…cN` for each logical CPU. */
export function perCoreSeries(history: Snapshot[]): Point[] {
  return buildSeries(history, (s) => {
    if (!s.cpu) return null;
    const row: Record<string, number> = {};
    s.cpu.perCpu.forEach((value, i) => {
      row[`c${i}`] = value;
    });
    return row;
  });
}

/** The modes a stacked CPU chart shows on Linux; user folds in nice, irq folds in softirq, as top(1)'s "hi + si". */
export const CPU_MODES = ['user', 'system', 'iowait', 'irq', 'steal'] as const;
/** On Windows, psutil's modes: their shares add up to cpu_percent, as Linux's do. */
export const WINDOWS_CPU_MODES = ['user', 'system', 'interrupt', 'dpc'] as const;
export type CpuMode = (typeof CPU_MODES)[number] | (typeof WINDOWS_CPU_MODES)[number];

/** The stacked modes of the platform whose record `t` is (Linux's until a tick has one). */
export function cpuModesOf(t: CpuTimesPercent | null | undefined): readonly CpuMode[] {
  return t && isWindowsCpuTimes(t) ? WINDOWS_CPU_MODES : CPU_MODES;
}

export function modeValues(t: CpuTimesPercent, prefix = ''): Record<string, number> {
  if (isWindowsCpuTimes(t)) {
    return { [`${prefix}user`]: t.user, [`${prefix}system`]: t.system, [`${prefix}interrupt`]: t.interrupt, [`${prefix}dpc`]: t.dpc };
  }
  return {
    [`${prefix}user`]: t.user + t.nice,
    [`${prefix}system`]: t.system,
    [`${prefix}iowait`]: t.iowait,
    [`${prefix}irq`]: t.irq + t.softirq,
    [`${prefix}steal`]: t.steal,
  };
}

/** Total CPU split by mode. */
export function cpuModeSeries(history: Snapshot[]): Point[] {
  return buildSeries(history, (s) => (s.cpu ? modeValues(s.cpu.timesPercent) : null));
}

/** Per core split by mode: keys `c0user`, `c0system`, … */
export function perCoreModeSeries(history: Snapshot[]): Point[] {
  return buildSeries(history, (s) => {
    if (!s.cpu) return null;
    const row: Record<string, number> = {};
    s.cpu.perCpuTimesPercent.forEach((t, i) => Object.assign(row, modeValues(t, `c${i}`)));
    return row;
  });
}

export function memorySeries(history: Snapshot[]): Point[] {
  // A tick without a swap reading (errors.swap) has no swap point rather than a made-up 0.
  return history.map((s) => ({ t: s.time, memory: s.memory.percent, ...(s.swap ? { swap: s.swap.percent } : {}) }) as Point);
}

/** Axis ticks each minute back from the newest tick, so labels read "-5m … now". */
export function minuteTicks(end: number, spanMs = CHART_SPAN_MS): number[] {
  const ticks: number[] = [];
  for (let offset = spanMs; offset >= 0; offset -= 60_000) ticks.push(end - offset);
  return ticks;
}

/** A round upper bound for an auto-scaled axis: 1, 2 or 5 times a power of ten (or of 1024 for bytes). */
export function niceCeiling(max: number, binary = false): number {
  if (!(max > 0)) return 1;
  const base = binary ? 1024 : 1000;
  let scale = 1;
  while (max / scale >= base) scale *= base;
  const m = max / scale;
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
  const step = steps.find((s) => m <= s) ?? 1000;
  return step * scale;
}
