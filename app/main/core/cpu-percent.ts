import type { CpuTimesPercent } from '../../shared';

/** The ten Linux modes of psutil's cpu_times(). */
export interface CpuTimesLike {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  guest: number;
  guestNice: number;
}

const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice'] as const;

// On Linux guest time is already counted in user (and guest_nice in nice), so
// psutil subtracts them from the total to avoid counting them twice.
function totalTime(t: CpuTimesLike): number {
  let sum = 0;
  for (const m of MODES) sum += t[m];
  return sum - t.guest - t.guestNice;
}

function busyTime(t: CpuTimesLike): number {
  return totalTime(t) - t.idle - t.iowait;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** psutil.cpu_percent() between two readings: busy share of elapsed time, 0..100, one decimal. */
export function cpuPercent(prev: CpuTimesLike, cur: CpuTimesLike): number {
  const busyDelta = busyTime(cur) - busyTime(prev);
  const allDelta = totalTime(cur) - totalTime(prev);
  // Counters can stall (a second read within the same jiffy) or go backwards
  // (a CPU hot-unplugged and back); psutil reports 0 rather than dividing by zero.
  if (allDelta <= 0) return 0;
  return round1(Math.min(100, Math.max(0, (busyDelta / allDelta) * 100)));
}

/** psutil.cpu_times_percent() between two readings. */
export function cpuTimesPercent(prev: CpuTimesLike, cur: CpuTimesLike): CpuTimesPercent {
  const allDelta = totalTime(cur) - totalTime(prev);
  const out = {} as CpuTimesPercent;
  for (const m of MODES) {
    const d = cur[m] - prev[m];
    out[m] = allDelta > 0 ? round1(Math.min(100, Math.max(0, (d / allDelta) * 100))) : 0;
  }
  return out;
}
