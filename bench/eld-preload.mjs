// Preloaded with `node --import ./bench/eld-preload.mjs …` into a process the
// bench watches (procyon serve, the sampler-alone script, an idle reference):
// it records the event loop's delay and, on SIGUSR2, appends one JSON line to
// $PROCYON_BENCH_ELD_FILE and starts over. Nothing in the app is changed.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.PROCYON_BENCH_ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const line = { pid: process.pid, maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean), samples: h.count };
    appendFileSync(file, JSON.stringify(line) + '\n');
    h.reset();
  });
}
