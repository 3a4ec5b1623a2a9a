// The table's cpuTimes come from the kernel's per-process CPU clock (to the
// millisecond), not stat's clock ticks, and each table says the span its CPU
// times were read in: the two together keep a single thread's rate at one core.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

import { CLOCK_TICKS, collector } from './helpers';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

describe('processTable cpuTimes', () => {
  it('are finer than clock ticks, and each table’s CPU times are read between its timestamp and its cpuTimesUntil', async () => {
    const devNull = openSync('/dev/null', 'w');
    try {
      child = spawn('yes', [], { stdio: ['ignore', devNull, 'ignore'] });
    } finally {
      closeSync(devNull);
    }
    const pid = child.pid!;
    const values: number[] = [];
    let prev: Awaited<ReturnType<typeof collector.processTable>> | null = null;
    const deadline = Date.now() + 60_000;
    // Until `yes` has shown 50 different CPU times.
    while (new Set(values).size < 50 && Date.now() < deadline) {
      const t = await collector.processTable({ fields: ['name', 'cpuTimes'] });
      expect(t.cpuTimesUntil).toBeGreaterThanOrEqual(t.timestamp);
      if (prev) expect(t.timestamp).toBeGreaterThanOrEqual(prev.cpuTimesUntil!);
      prev = t;
      const row = t.rows.find((r) => r.pid === pid);
      if (row?.name === 'yes') values.push(row.cpuTimes!);
    }
    const distinct = [...new Set(values)];
    expect(distinct.length).toBe(50);
    // Milliseconds, and not all on the clock-tick grid (stat's 1/CLK_TCK): the odds of 50 readings all landing on it are nil.
    for (const v of distinct) expect(Math.abs(v * 1000 - Math.round(v * 1000))).toBeLessThan(1e-6);
    expect(distinct.filter((v) => Math.abs(v * CLOCK_TICKS - Math.round(v * CLOCK_TICKS)) > 1e-6).length).toBeGreaterThan(0);
  });
});
