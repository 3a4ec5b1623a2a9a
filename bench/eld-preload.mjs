// Preloaded with `node --import ./bench/eld-preload.mjs …` into a process the
// bench watches (procyon serve, the sampler-alone script, an idle reference).
// It records, until SIGUSR2 appends one JSON line to $PROCYON_BENCH_ELD_FILE
// and starts over:
//   - the event loop's delay (monitorEventLoopDelay): every stall, whatever
//     caused it, the machine's own hiccups included;
//   - each block of sampling JS as the app times it (diagnostics channel
//     procyon:turn, app/main/core/turns.ts), in wall time and in the JS
//     thread's CPU time: the stalls sampling causes;
//   - garbage-collection pauses (PerformanceObserver 'gc'), which the
//     sampling's allocations cause even when they fall outside its blocks.
// Nothing in the app is changed; the app publishes only while this listens.
import { appendFileSync } from 'node:fs';
import { subscribe } from 'node:diagnostics_channel';
import { PerformanceObserver, constants, monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.PROCYON_BENCH_ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  // Wall time and the JS thread's CPU time per block: on a 2-core guest a
  // block of 0.4 ms of work sometimes takes 5 ms of wall time because the
  // thread was descheduled, which the idle reference process suffers too.
  let turns = [];
  let cpu = [];
  let byName = {};
  subscribe('procyon:turn', ({ name, ms, cpuMs }) => {
    turns.push(ms);
    if (cpuMs !== undefined) cpu.push(cpuMs);
    const b = (byName[name] ??= { maxMs: 0, maxCpuMs: 0 });
    b.maxMs = Math.max(b.maxMs, ms);
    if (cpuMs !== undefined) b.maxCpuMs = Math.max(b.maxCpuMs, cpuMs);
  });
  let gc = { count: 0, maxMs: 0, major: 0, majorMaxMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
      if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.major++;
        gc.majorMaxMs = Math.max(gc.majorMaxMs, e.duration);
      }
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const round = (x) => Math.round(x * 100) / 100;
    const sorted = [...turns].sort((a, b) => a - b);
    const cpuSorted = [...cpu].sort((a, b) => a - b);
    const p99 = (v) => v[Math.min(v.length - 1, Math.ceil(0.99 * v.length) - 1)];
    const line = {
      pid: process.pid,
      maxMs: ms(h.max),
      p99Ms: ms(h.percentile(99)),
      meanMs: ms(h.mean),
      samples: h.count,
      turns: sorted.length
        ? {
            count: sorted.length,
            maxMs: round(sorted[sorted.length - 1]),
            p99Ms: round(p99(sorted)),
            ...(cpuSorted.length && { cpuMaxMs: round(cpuSorted[cpuSorted.length - 1]), cpuP99Ms: round(p99(cpuSorted)) }),
            byName: Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, { maxMs: round(v.maxMs), maxCpuMs: round(v.maxCpuMs) }])),
          }
        : null,
      gc: { count: gc.count, maxMs: round(gc.maxMs), major: gc.major, majorMaxMs: round(gc.majorMaxMs) },
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
    h.reset();
    turns = [];
    cpu = [];
    byName = {};
    gc = { count: 0, maxMs: 0, major: 0, majorMaxMs: 0 };
  });
}
