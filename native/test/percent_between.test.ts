// The pure halves of cpu_percent and cpu_times_percent, which the app's
// sampler uses between its own successive readings.

import { describe, expect, it } from 'vitest';

import type { CpuTimes, WindowsCpuTimes } from '../lib/index';
import { collector } from './helpers';

const cpuPercent = collector.percentBetween;
const cpuTimesPercent = collector.timesPercentBetween;
type CpuTimesLike = CpuTimes;

const zero: CpuTimesLike = { user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, guest: 0, guestNice: 0 };
const t = (o: Partial<CpuTimesLike>): CpuTimesLike => ({ ...zero, ...o });

describe('cpuPercent (psutil semantics)', () => {
  it('is the busy share of elapsed time, rounded to one decimal', () => {
    const a = t({ user: 10, system: 5, idle: 85 });
    const b = t({ user: 13, system: 6, idle: 88 }); // +3 user +1 system +3 idle = 7 elapsed, 4 busy
    expect(cpuPercent(a, b)).toBe(57.1);
  });

  it('counts iowait as idle, not busy', () => {
    expect(cpuPercent(t({}), t({ iowait: 50, idle: 50 }))).toBe(0);
  });

  it('does not count guest time twice (it is already inside user)', () => {
    // 4 s user of which 2 s guest, 4 s idle: 50 %, not 6/10.
    expect(cpuPercent(t({}), t({ user: 4, guest: 2, idle: 4 }))).toBe(50);
  });

  it('gives 0 when no time passed or counters went backwards', () => {
    const a = t({ user: 5, idle: 5 });
    expect(cpuPercent(a, a)).toBe(0);
    expect(cpuPercent(t({ user: 9, idle: 9 }), a)).toBe(0);
  });

  it('clamps to 100', () => {
    expect(cpuPercent(t({ idle: 10 }), t({ user: 5, idle: 9 }))).toBe(100);
  });
});

describe('cpuTimesPercent', () => {
  it('splits elapsed time by mode', () => {
    const p = cpuTimesPercent(t({}), t({ user: 2, system: 1, idle: 6, iowait: 1 }));
    expect(p).toMatchObject({ user: 20, system: 10, idle: 60, iowait: 10, steal: 0 });
  });
});

// psutil on Windows: scputimes(user, system, idle, interrupt, dpc), every field in the total, only idle not busy.
describe('Windows records (WindowsCpuTimes)', () => {
  const w = (o: Partial<WindowsCpuTimes>): WindowsCpuTimes => ({ user: 0, system: 0, idle: 0, interrupt: 0, dpc: 0, ...o });

  it('cpuPercent sums every field and counts all but idle as busy', () => {
    // +2 user +1 system +1 interrupt +0 dpc +6 idle = 10 elapsed, 4 busy.
    expect(cpuPercent(w({ user: 1, idle: 10 }), w({ user: 3, system: 1, interrupt: 1, idle: 16 }))).toBe(40);
  });

  it('cpuTimesPercent answers in the Windows record, its five fields in order', () => {
    const p = cpuTimesPercent(w({}), w({ user: 2, system: 1, idle: 5, interrupt: 1, dpc: 1 }));
    expect(p).toEqual({ user: 20, system: 10, idle: 50, interrupt: 10, dpc: 10 });
    expect(Object.keys(p)).toEqual(['user', 'system', 'idle', 'interrupt', 'dpc']);
    expect(collector.CPU_TIMES_FIELDS.windows).toEqual(collector.describe().records.WindowsCpuTimes);
    expect(collector.isWindowsCpuTimes(p)).toBe(true);
    expect(collector.isWindowsCpuTimes(t({}))).toBe(false);
  });

  it('a Linux record keeps its ten fields', () => {
    expect(Object.keys(cpuTimesPercent(t({}), t({ user: 1, idle: 1 })))).toEqual(Object.keys(zero));
    expect(collector.CPU_TIMES_FIELDS.linux).toEqual(collector.describe().records.CpuTimes);
  });
});
