// Shared helpers for the bench: statistics, /proc accounting, child processes.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.dirname(BENCH_DIR);
export const PYTHON = '/usr/bin/python3'; // Debian's, which has python3-psutil
export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** The fields of the table snapshot every contender collects (issue 9). */
export const TABLE_FIELDS = ['ppid', 'name', 'username', 'status', 'cpuTimes', 'memory', 'numThreads', 'createTime', 'cmdline', 'nice'];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Runs `fn` `warmup` times untimed, then `n` times timed (`gapMs` apart, untimed); milliseconds. */
export async function timeRepeated(fn, n, warmup = 2, gapMs = 0) {
  for (let i = 0; i < warmup; i++) {
    await fn();
    if (gapMs) await sleep(gapMs);
  }
  const times = [];
  let last;
  for (let i = 0; i < n; i++) {
    if (gapMs && i) await sleep(gapMs);
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  return { times, median: median(times), min: Math.min(...times), last };
}

/** Runs a command to completion; rejects with its stderr on a non-zero exit. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim()}`))));
  });
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function readStat(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state): utime=14, stime=15, cutime=16, cstime=17 → f[11..14]; ppid=4 → f[1]
  return { ppid: Number(f[1]), utime: Number(f[11]), stime: Number(f[12]), cutime: Number(f[13]), cstime: Number(f[14]) };
}

function statusKb(pid, key) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Live descendants of `root` (children, grandchildren, …) from one pass over /proc. */
export function descendants(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const { ppid } = readStat(name);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone
    }
  }
  const out = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU seconds used by `pid` and its children so far: its own utime+stime, the
 * reaped children's cutime+cstime, and the live descendants' utime+stime;
 * plus RSS now and peak (VmHWM) of the process and its live descendants.
 */
export function accounting(pid, { exclude = new Set() } = {}) {
  const own = readStat(pid);
  let ticks = own.utime + own.stime + own.cutime + own.cstime;
  let rss = statusKb(pid, 'VmRSS');
  let hwm = statusKb(pid, 'VmHWM');
  for (const d of descendants(pid)) {
    if (exclude.has(d)) continue;
    try {
      const s = readStat(d);
      ticks += s.utime + s.stime;
      rss += statusKb(d, 'VmRSS');
      hwm += statusKb(d, 'VmHWM');
    } catch {
      // exited between the scan and the read
    }
  }
  return { cpuSeconds: ticks / CLK_TCK, rss, hwm };
}

/** Reads a JSON document from the last line of a command's stdout. */
export function lastJsonLine(text) {
  const lines = text.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}
