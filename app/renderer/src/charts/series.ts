import type { Snapshot } from '../../../shared/payloads';

/** One chart row: `t` is ms since the epoch, other keys are series values. */
export type Point = { t: number } & Record<string, number>;

export const CHART_SPAN_MS = 5 * 60_000;

/** Total CPU %; the first tick (cpu: null) has no rate yet and is skipped. */
export function cpuTotalSeries(history: Snapshot[]): Point[] {
  const points: Point[] = [];
  for (const s of history) if (s.cpu) points.push({ t: s.time, total: s.cpu.percent });
  return points;
}

/** One row per tick with `c0…cN` for each logical CPU. */
export function perCoreSeries(history: Snapshot[]): Point[] {
  const points: Point[] = [];
  for (const s of history) {
    if (!s.cpu) continue;
    const row: Point = { t: s.time };
    s.cpu.perCpu.forEach((value, i) => {
      row[`c${i}`] = value;
    });
    points.push(row);
  }
  return points;
}

export function memorySeries(history: Snapshot[]): Point[] {
  return history.map((s) => ({ t: s.time, memory: s.memory.percent, swap: s.swap.percent }));
}

/** Axis ticks each minute back from the newest tick, so labels read "-5m … now". */
export function minuteTicks(end: number, spanMs = CHART_SPAN_MS): number[] {
  const ticks: number[] = [];
  for (let offset = spanMs; offset >= 0; offset -= 60_000) ticks.push(end - offset);
  return ticks;
}
