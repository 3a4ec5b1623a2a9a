import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { processTableRates, ProcessTableReader, type ProcessTableChanges, type ProcessTableResult } from '@procyon/collector';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveTable } from './live-table';

// A single-threaded process can run at most as long as the wall time between
// two reads of it: its CPU percentage never exceeds one core. Reads follow
// each other as fast as they come (a few milliseconds apart), where CPU time
// in clock ticks would show 200 % and more for one tick in 5 ms. A relation,
// not a timing: on a loaded machine `yes` simply gets less.

const ROUNDING = 0.1; // cpuPercent has one decimal; CPU and monotonic clocks may also differ by ppm

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

describe('the CPU percentage of a single-threaded process', () => {
  it('never exceeds 100 % of a core, in the sampler’s live table and in processTableRates (procyon ps), over many ticks', async () => {
    const devNull = openSync('/dev/null', 'w');
    try {
      child = spawn('yes', [], { stdio: ['ignore', devNull, 'ignore'] });
    } finally {
      closeSync(devNull);
    }
    const pid = child.pid!;
    const reader = new ProcessTableReader({ fields: ['name', 'cpuTimes', 'numThreads'] });
    const live = new LiveTable();
    let whole: ProcessTableResult | null = null;
    const seen: number[] = [];
    const over: string[] = [];
    const deadline = Date.now() + 60_000;
    // Until `yes` has run in 200 intervals (it must be running, single-threaded, for them to count).
    while (seen.length < 200 && Date.now() < deadline) {
      const changes: ProcessTableChanges = await reader.read();
      const tick = live.apply(changes, 1);
      const row = tick.rows.find((r) => r.pid === pid);
      // The same reads as whole tables, for processTableRates.
      const rows = tick.rows.map((r) => ({ pid: r.pid, createTime: r.createTime, cpuTimes: r.cpuTimes, numThreads: r.numThreads }));
      const table: ProcessTableResult = { timestamp: changes.timestamp, ...(changes.cpuTimesUntil !== undefined && { cpuTimesUntil: changes.cpuTimesUntil }), rows };
      const rate = whole ? processTableRates(whole, table).find((r) => r.pid === pid) : undefined;
      whole = table;
      if (row?.name !== 'yes' || row.numThreads !== 1 || row.cpuPercent === null || row.cpuPercent === 0) continue;
      seen.push(row.cpuPercent);
      if (row.cpuPercent > 100 + ROUNDING) over.push(`live table: ${row.cpuPercent}`);
      if (rate?.cpuPercent != null && rate.cpuPercent > 100 + ROUNDING) over.push(`processTableRates: ${rate.cpuPercent}`);
    }
    expect(seen.length).toBe(200);
    expect(over.slice(0, 10)).toEqual([]);
  });
});
