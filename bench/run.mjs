#!/usr/bin/env node
// `npm run bench`: Procyon against its peers, measured in one run on this
// machine (see README, "Benchmark"). Progress goes to stderr; the report (or,
// with --json, one JSON document) to stdout.
//
//   npm run bench [-- --quick] [-- --json] [-- --duration S] [-- --load N]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PYTHON, ROOT, hasCommand, sleep } from './lib.mjs';

const USAGE = `Usage: npm run bench -- [options]
  --quick        a fast pass (~2.5 min): 10 s steady state, 5 s warm-up, 30 s renderer heap window
  --duration S   steady-state window in seconds (default 60; --quick: 10)
  --warmup S     steady-state warm-up before that window (default 300: the host's
                 raw history is 5 minutes and its heap settles in that time;
                 --quick: 5)
  --load N       extra processes for sections 1-3 (default 1000)
  --iterations N runs per median (default 10; at least 10 is what the issue asks)
  --json         one JSON document on stdout instead of the report
  --only LIST    comma-separated sections to run: table,system,steady,renderer,scaling,gpu,net
                 (renderer: Chromium on the Processes page with ~5,000 processes;
                 its heap window is 2 × --duration: 120 s; --quick: 30 s;
                 gpu: the table read with the GPU column off and on, needs no peers;
                 net: the same with the network columns, 10,000 loopback sockets held,
                 then btop and serve's process page with the columns off and on, at once, 4 × 30 s)`;

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    load: { type: 'string', default: '1000' },
    iterations: { type: 'string', default: '10' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = Number(opts.duration ?? (opts.quick ? 10 : 60));
const warmup = Number(opts.warmup ?? (opts.quick ? 5 : 300));
const load = Number(opts.load);
const iterations = Number(opts.iterations);
const SECTIONS = ['table', 'system', 'steady', 'renderer', 'scaling', 'gpu', 'net'];
const only = new Set((opts.only ?? SECTIONS.join(',')).split(','));
for (const s of only) {
  if (!SECTIONS.includes(s)) {
    console.error(`bench: unknown section ${s}\n\n${USAGE}`);
    process.exit(2);
  }
}
for (const [name, v] of [['duration', duration], ['warmup', warmup], ['load', load], ['iterations', iterations]]) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`bench: --${name} must be a positive integer\n\n${USAGE}`);
    process.exit(2);
  }
}
const RENDERER_PROCESSES = 5000;
const log = (msg) => process.stderr.write(`${msg}\n`);

/** htop, btop and tmux come from Debian; the bench installs them when missing (as root). */
function ensureTools() {
  const missing = ['htop', 'btop', 'tmux'].filter((c) => !hasCommand(c));
  if (missing.length) {
    log(`installing ${missing.join(', ')} with apt-get…`);
    const apt = (...a) => (process.getuid?.() === 0 ? spawnSync('apt-get', a, aptOptions) : spawnSync('sudo', ['apt-get', ...a], aptOptions));
    const aptOptions = { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    let r = apt('install', '-y', ...missing);
    if (r.status !== 0) {
      apt('update');
      r = apt('install', '-y', ...missing);
    }
    if (r.status !== 0) throw new Error(`could not install ${missing.join(', ')}; install them and run again`);
  }
  for (const c of ['gcc', 'ps']) if (!hasCommand(c)) throw new Error(`${c} is needed`);
  if (spawnSync(PYTHON, ['-c', 'import psutil']).status !== 0) throw new Error(`${PYTHON} cannot import psutil: apt-get install python3-psutil`);
}

/** The bench needs the native addon and the built app (bin/procyon.js serve); builds what is missing. */
function ensureBuilt() {
  const addon = path.join(ROOT, 'native', 'build', 'Release');
  const nativeBuilt = existsSync(path.join(ROOT, 'native', 'dist', 'index.js')) && existsSync(addon) && readdirSync(addon).some((f) => f.endsWith('.node'));
  const appBuilt = existsSync(path.join(ROOT, 'dist', 'main', 'cli.js'));
  const script = !nativeBuilt ? 'build' : !appBuilt ? 'build:app' : null;
  if (!script) return;
  log(`the tree is not built: npm run ${script}…`);
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const sh = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout.trim();
  return {
    nproc: Number(sh('nproc', [])),
    model: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown',
    kernel: os.release(),
    memGiB: os.totalmem() / 1024 ** 3,
    node: process.versions.node,
    psutil: sh(PYTHON, ['-c', 'import psutil; print(psutil.__version__)']) || 'absent',
    systeminformation: JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'systeminformation', 'package.json'), 'utf8')).version,
  };
}

async function main() {
  // The GPU section compares Procyon with itself: no peers to install.
  if ([...only].some((s) => s !== 'gpu')) ensureTools();
  ensureBuilt();
  // Imported after the build: these load @procyon/collector.
  const { setLoad, stopLoad } = await import('./spawn-load.mjs');
  const { buildFloor, measureProcessTable } = await import('./process-table.mjs');
  const { measureSystem } = await import('./system.mjs');
  const { measureSteady } = await import('./steady.mjs');
  const { measureScaling } = await import('./scaling.mjs');
  const { measureGpu } = await import('./gpu.mjs');
  const { measureNet } = await import('./net.mjs');
  const { buildHostBundle } = await import('./build-host.mjs');
  const { formatReport, verdicts } = await import('./report.mjs');

  const started = Date.now();
  const result = { date: new Date().toISOString(), quick: opts.quick, load, iterations, machine: machine() };
  const floor = only.has('table') || only.has('scaling') ? await buildFloor() : { bin: null, cleanup: () => {} };
  try {
    log(`starting ${load} extra processes…`);
    await setLoad(load);
    // Each batch reports ready once it has forked its sleeps, not once they have
    // exec'd: let the machine settle before anything is timed (the first
    // subject timed was otherwise measuring the tail of a thousand execs).
    await sleep(5000);
    if (only.has('table')) {
      log('1. process table');
      result.processTable = await measureProcessTable({ n: iterations, floorBin: floor.bin, log });
    }
    if (only.has('system')) {
      log('2. system snapshot');
      result.system = await measureSystem({ n: iterations, log });
    }
    if (only.has('steady')) {
      log('3. steady state');
      const hostBundle = await buildHostBundle();
      result.steady = await measureSteady({ seconds: duration, warmup, hostBundle, log });
    }
    if (only.has('renderer')) {
      const { measureRenderer, CHROMIUM } = await import('./renderer.mjs');
      if (!existsSync(CHROMIUM)) {
        result.renderer = { skipped: `${CHROMIUM} is missing (apt-get install chromium)` };
      } else {
        const total = Math.max(load, RENDERER_PROCESSES);
        log(`4. renderer: ${total} extra processes, Chromium on the Processes page…`);
        await setLoad(total);
        result.renderer = await measureRenderer({ heapSeconds: opts.duration ? 2 * duration : opts.quick ? 30 : 120, warmup: opts.quick ? 5 : 10, log });
        result.renderer.extraProcesses = total;
        await setLoad(load);
      }
    }
    if (only.has('scaling')) {
      log('5. scaling');
      result.scaling = await measureScaling({ sizes: [100, 1000, 5000], n: iterations, floorBin: floor.bin, log });
    }
    if (only.has('gpu')) {
      log('6. GPU column');
      result.gpu = await measureGpu({ n: iterations, log });
    }
    if (only.has('net')) {
      log('7. network columns');
      result.net = await measureNet({ n: iterations, quick: opts.quick, log });
    }
  } finally {
    log('stopping the extra processes…');
    await stopLoad();
    floor.cleanup();
  }
  result.targets = verdicts(result);
  result.seconds = (Date.now() - started) / 1000;
  log(`done in ${result.seconds.toFixed(0)} s`);
  process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatReport(result));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench: ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);
