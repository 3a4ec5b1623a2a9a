// Section 1: one full process-table snapshot (pid, ppid, name, username,
// status, cpu times, rss/vms, threads, create time, cmdline, nice) by each
// contender, warm, median of N. Every in-process contender times its own loop.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as collector from '@procyon/collector';
import si from 'systeminformation';
import { BENCH_DIR, PYTHON, TABLE_FIELDS, lastJsonLine, median, run, timeRepeated } from './lib.mjs';

/** Compiles bench/floor.c into a temp dir; returns the binary and a cleanup. */
export async function buildFloor() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-bench-'));
  const bin = path.join(dir, 'floor');
  await run('gcc', ['-O2', '-o', bin, path.join(BENCH_DIR, 'floor.c')]);
  return { bin, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const fromTimes = (times, count, extra = {}) => ({ ms: median(times), min: Math.min(...times), runs: times.length, count, ...extra });

export async function procyonTable(n) {
  const r = await timeRepeated(() => collector.processTable({ fields: TABLE_FIELDS }), n);
  return fromTimes(r.times, r.last.rows.length);
}

export async function psutilTable(n) {
  const out = lastJsonLine(await run(PYTHON, [path.join(BENCH_DIR, 'psutil_table.py'), String(n)]));
  return fromTimes(out.times, out.count, { version: out.version });
}

export async function floorTable(bin, n, mode) {
  const out = lastJsonLine(await run(bin, mode ? [String(n), mode] : [String(n)]));
  return fromTimes(out.times, out.count);
}

export async function siTable(n) {
  // processes() is systeminformation's one call for the process list (it runs
  // ps, then one `cat /proc/<pid>/stat` per process for CPU%); warm as the
  // others. It returns its cached result when called again within 500 ms, so
  // the runs are 600 ms apart (untimed) to time real work.
  const r = await timeRepeated(() => si.processes(), n, 1, 600);
  return fromTimes(r.times, r.last.list.length);
}

const PS_FORMAT = 'pid,ppid,comm,user,stat,time,rss,vsz,nlwp,lstart,nice,args';

export async function psTable(n) {
  // The whole `ps` process, fork to exit, as a shell script would pay it.
  let count = 0;
  const r = await timeRepeated(async () => {
    const out = await run('ps', ['-eww', '-o', PS_FORMAT]);
    count = out.split('\n').length - 2; // header, trailing newline
  }, n, 1);
  return fromTimes(r.times, count);
}

/** All contenders, one after another at the same load. */
export async function measureProcessTable({ n, floorBin, log }) {
  const results = {};
  log('  procyon processTable…');
  results.procyon = await procyonTable(n);
  log('  C floor…');
  results.floor = await floorTable(floorBin, n);
  log('  kernel only (pread of held stat files)…');
  results.heldStat = await floorTable(floorBin, n, 'held');
  log('  psutil process_iter…');
  results.psutil = await psutilTable(n);
  log('  ps -eo…');
  results.ps = await psTable(n);
  log('  systeminformation processes()…');
  results.systeminformation = await siTable(n);
  for (const r of Object.values(results)) {
    r.usPerProcess = (r.ms * 1000) / r.count;
    r.vsProcyon = r.ms / results.procyon.ms;
    r.vsFloor = r.ms / results.floor.ms;
  }
  return results;
}
