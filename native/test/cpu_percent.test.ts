// cpuPercent / cpuTimesPercent: psutil's formulas on crafted /proc/stat
// readings (exact), per-tracker state, and the live blocking form.

import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

import { CLOCK_TICKS, collector, makeTree } from './helpers';

const { CpuPercentTracker, createCpuPercentTracker, InvalidArgument } = collector;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

// A procfs root whose stat file the test rewrites between calls.
function statRoot() {
  const { dir, cleanup } = makeTree({ 'proc/stat': 'cpu 0 0 0 0\n' });
  cleanups.push(cleanup);
  const procfs = `${dir}/proc`;
  // columns: user nice system idle iowait irq softirq steal guest guest_nice
  const write = (total: number[], ...perCpu: number[][]) =>
    writeFileSync(
      `${procfs}/stat`,
      [`cpu ${total.join(' ')}`, ...perCpu.map((cols, i) => `cpu${i} ${cols.join(' ')}`), 'btime 1', ''].join('\n'),
    );
  return { roots: { procfs, sysfs: `${dir}/sys` }, write };
}

const ZERO_TIMES = { user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, guest: 0, guestNice: 0 };

describe('cpuPercent on crafted readings', () => {
  it('busy = total − idle − iowait, guest subtracted from the total, rounded to 0.1', async () => {
    const { roots, write } = statRoot();
    const tracker = new CpuPercentTracker();
    write([100, 0, 100, 800, 0, 0, 0, 0, 0, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(0); // first non-blocking call: 0.0
    // Δ user 100, system 50, idle 50 → 150 / 200.
    write([200, 0, 150, 850, 0, 0, 0, 0, 0, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(75);
    // Δ user 100, idle 100, iowait 100, guest 50 (already inside user):
    // total 350 − 50 = 300; busy 300 − 100 − 100 = 100 → 33.333… → 33.3.
    write([300, 0, 150, 950, 100, 0, 0, 0, 50, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(33.3);
    // Δ user 10, idle 40 → 10 / 50 → 20.0.
    write([310, 0, 150, 990, 100, 0, 0, 0, 50, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(20);
    // No time elapsed: 0.0, not NaN.
    expect(await tracker.cpuPercent(roots)).toBe(0);
    // Counters going backwards count as 0 (psutil's max(0, delta)): idle only grows → 0.0.
    write([0, 0, 0, 1000, 100, 0, 0, 0, 50, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(0);
  });

  it('two trackers keep separate readings: B’s first call is 0 whatever A did', async () => {
    const { roots, write } = statRoot();
    const a = createCpuPercentTracker();
    const b = createCpuPercentTracker();
    write([0, 0, 0, 100]); // S0
    expect(await a.cpuPercent(roots)).toBe(0); // A: S0
    write([100, 0, 0, 100]); // S1: "burn" 100 busy jiffies
    expect(await b.cpuPercent(roots)).toBe(0); // B's first call (S1), undisturbed by A
    expect(await a.cpuPercent(roots)).toBe(100); // A: S0 → S1
    write([100, 0, 0, 200]); // S2: only idle
    expect(await a.cpuPercent(roots)).toBe(0); // A: S1 → S2
    write([150, 0, 0, 250]); // S3
    expect(await b.cpuPercent(roots)).toBe(25); // B: S1 → S3, 50 busy of 200
    expect(await a.cpuPercent(roots)).toBe(50); // A: S2 → S3, 50 busy of 100
    // The module-level function has its own (default) tracker.
    expect(await collector.cpuPercent(roots)).toBe(0);
    a.reset();
    expect(await a.cpuPercent(roots)).toBe(0);
  });

  it('percpu: one value per cpuN line; first call zeros of that length', async () => {
    const { roots, write } = statRoot();
    const tracker = new CpuPercentTracker();
    write([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]);
    expect(await tracker.cpuPercent({ ...roots, percpu: true })).toEqual([0, 0, 0]);
    write([0, 0, 0, 0], [10, 0, 0, 30], [0, 0, 0, 40], [40, 0, 0, 0]);
    expect(await tracker.cpuPercent({ ...roots, percpu: true })).toEqual([25, 0, 100]);
    // percpu and total readings are kept apart.
    expect(await tracker.cpuPercent(roots)).toBe(0);
  });

  it('cpuTimesPercent: each mode’s share, separate state from cpuPercent', async () => {
    const { roots, write } = statRoot();
    const tracker = new CpuPercentTracker();
    write([100, 0, 100, 800, 0, 0, 0, 0, 0, 0]);
    expect(await tracker.cpuPercent(roots)).toBe(0);
    expect(await tracker.cpuTimesPercent(roots)).toEqual(ZERO_TIMES);
    write([200, 0, 150, 850, 0, 0, 0, 0, 0, 0]);
    expect(await tracker.cpuTimesPercent(roots)).toEqual({ ...ZERO_TIMES, user: 50, system: 25, idle: 25 });
    // guest counts in its own field but not in the total: user 100 (guest 50 inside), idle 150.
    write([300, 0, 150, 1000, 0, 0, 0, 0, 50, 0]);
    expect(await tracker.cpuTimesPercent(roots)).toEqual({ ...ZERO_TIMES, user: 40, idle: 60, guest: 20 });
    // cpuPercent's state was not touched by cpuTimesPercent: it compares with its own first reading.
    // From the first reading: Δ user 200, system 50, idle 200, guest 50 → 250 busy of 450 → 55.6.
    expect(await tracker.cpuPercent(roots)).toBe(55.6);
  });

  it('rounding is Python’s round(x, 1): ties to even on the exact binary value', async () => {
    if (CLOCK_TICKS !== 100) return; // the exact binary values below assume USER_HZ 100
    const { roots, write } = statRoot();
    const exactly = async (busy: number, idle: number) => {
      const tracker = new CpuPercentTracker();
      write([0, 0, 0, 0]);
      await tracker.cpuPercent(roots);
      write([busy, 0, 0, idle]);
      return tracker.cpuPercent(roots);
    };
    // 0.25 s busy of 100 s: exactly 0.25 % → round(0.25, 1) == 0.2 (toFixed(1) gives 0.3).
    expect(await exactly(25, 9975)).toBe(0.2);
    // exactly 0.75 % → 0.8; 1.25 % → 1.2.
    expect(await exactly(75, 9925)).toBe(0.8);
    expect(await exactly(125, 9875)).toBe(1.2);
  });
});

describe('cpuPercent live', () => {
  it('blocking (interval 1): 0..100, without blocking the event loop', async () => {
    let done = false;
    const pending = collector.cpuPercent({ interval: 1 }).finally(() => (done = true));
    // A call that slept on the JS thread would have settled before the loop's next turn.
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    const percent = await pending;
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThanOrEqual(100);
  });

  it('percpu has one value per logical CPU', async () => {
    const perCpu = await collector.cpuPercent({ interval: 0.2, percpu: true });
    expect(perCpu).toHaveLength((await collector.cpuCount())!);
    for (const value of perCpu) expect(value >= 0 && value <= 100).toBe(true);
    const times = await collector.cpuTimesPercent({ interval: 0.2, percpu: true });
    expect(times).toHaveLength(perCpu.length);
  });

  it('a tracker sees CPU burnt between its calls; a fresh tracker starts at 0', async () => {
    const a = new CpuPercentTracker();
    await a.cpuPercent();
    const until = Date.now() + 300;
    while (Date.now() < until) Math.sqrt(Math.random()); // burn one CPU
    const b = new CpuPercentTracker();
    expect(await b.cpuPercent()).toBe(0);
    expect(await a.cpuPercent()).toBeGreaterThan(0);
  });

  it('cpuTimesPercent (blocking): fields in 0..100 summing to about 100', async () => {
    const times = await collector.cpuTimesPercent({ interval: 0.3 });
    const values = Object.values(times);
    for (const value of values) expect(value >= 0 && value <= 100).toBe(true);
    const sum = values.reduce((s, v) => s + v, 0) - times.guest - times.guestNice;
    expect(Math.abs(sum - 100)).toBeLessThanOrEqual(1);
  });

  it('a negative or non-number interval is an InvalidArgument', async () => {
    await expect(collector.cpuPercent({ interval: -1 })).rejects.toBeInstanceOf(InvalidArgument);
    await expect(collector.cpuTimesPercent({ interval: 'x' as unknown as number })).rejects.toBeInstanceOf(InvalidArgument);
    await expect(collector.cpuPercent({ percpu: 1 as unknown as boolean })).rejects.toBeInstanceOf(InvalidArgument);
  });
});
