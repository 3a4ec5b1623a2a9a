// `npm run test:sanitize [-- --build-only]`: compiles the addon a second time
// with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/ (never
// build/, which the rest of the repo loads), then runs the native vitest
// suite against it via PROCYON_ADDON_PATH. Any sanitizer report fails the run.
//
// node-gyp cannot build one binding.gyp into two directories, so the sources
// are read from binding.gyp and compiled here directly with g++, using the
// same defines and include paths node-gyp uses.
import { spawn, spawnSync } from 'node:child_process';

import { writeMetricsHeader } from './gyp_metrics.mjs';
import { gypSources } from './gyp_sources.mjs';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const out = path.join(pkg, 'build-asan');
const addon = path.join(out, 'procyon_collector.node');
const require = createRequire(import.meta.url);

const { values, positionals } = parseArgs({
  options: { 'build-only': { type: 'boolean', default: false } },
  allowPositionals: true,
});

const nodeDir = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
// gen/: the metrics list binding.gyp's action writes into build/ (scripts/gyp_metrics.mjs), written here for this build.
const generated = path.join(out, 'gen');
const includes = [path.join(pkg, 'src'), generated, require('node-addon-api').include_dir, nodeDir];
// float-cast-overflow is not part of GCC's `undefined` group; parsers turn text into doubles into integers.
const SAN = ['-fsanitize=address,undefined,float-cast-overflow', '-fno-sanitize-recover=undefined,float-cast-overflow', '-fno-omit-frame-pointer'];
const CXXFLAGS = [
  '-std=c++17', '-g', '-O1', '-fPIC', '-pthread', '-Wall', '-Wextra', '-Wno-unused-parameter', '-fno-rtti',
  '-DNODE_GYP_MODULE_NAME=procyon_collector', '-DBUILDING_NODE_EXTENSION', '-DNAPI_VERSION=8', '-DNAPI_CPP_EXCEPTIONS',
  '-D_FILE_OFFSET_BITS=64', '-D_LARGEFILE_SOURCE',
  ...includes.map((i) => `-I${i}`),
  ...SAN,
];

function newestHeader(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestHeader(full));
    else if (entry.name.endsWith('.h')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function compile(jobs) {
  // Two at a time: CI has two cores.
  return new Promise((resolve) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const startOne = () => {
      if (next >= jobs.length) {
        if (running === 0) resolve(!failed);
        return;
      }
      const { src, obj } = jobs[next++];
      running++;
      const child = spawn('g++', ['-c', ...CXXFLAGS, src, '-o', obj], { stdio: 'inherit' });
      child.on('exit', (code) => {
        running--;
        if (code !== 0) failed = true;
        startOne();
      });
    };
    startOne();
    startOne();
  });
}

async function build() {
  const sources = gypSources();
  // The metrics list binding.gyp's action writes; a changed records header rebuilds everything here anyway (newestHeader).
  writeMetricsHeader(path.join(generated, 'procyon_metrics.h'));
  mkdirSync(path.join(out, 'obj'), { recursive: true });
  // Header or flag changes are rare here; rebuilding everything then is simpler than depfiles.
  const flagsFile = path.join(out, 'flags.txt');
  const flags = CXXFLAGS.join(' ');
  const flagsChanged = !existsSync(flagsFile) || readFileSync(flagsFile, 'utf8') !== flags;
  const headers = flagsChanged ? Infinity : newestHeader(path.join(pkg, 'src'));
  const jobs = sources.map((rel) => ({
    src: path.join(pkg, rel),
    obj: path.join(out, 'obj', rel.replace(/^src\//, '').replaceAll('/', '_').replace(/\.cc$/, '.o')),
  }));
  const stale = jobs.filter(({ src, obj }) => !existsSync(obj) || statSync(obj).mtimeMs < Math.max(statSync(src).mtimeMs, headers));
  const t0 = Date.now();
  console.log(`sanitize: compiling ${stale.length} of ${jobs.length} sources with ${SAN.join(' ')}`);
  if (!(await compile(stale))) return false;
  const link = spawnSync('g++', ['-shared', ...SAN, '-pthread', '-o', addon, ...jobs.map((j) => j.obj)], { stdio: 'inherit' });
  if (link.status !== 0) return false;
  writeFileSync(flagsFile, flags);
  console.log(`sanitize: built ${path.relative(pkg, addon)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return true;
}

function libasan() {
  const r = spawnSync('g++', ['-print-file-name=libasan.so'], { encoding: 'utf8' });
  const file = r.stdout.trim();
  if (r.status !== 0 || !path.isAbsolute(file)) throw new Error('sanitize: g++ does not know where libasan.so is');
  return file;
}

if (!(await build())) process.exit(1);
if (values['build-only']) process.exit(0);

const log = path.join(out, 'reports');
mkdirSync(log, { recursive: true });
const env = {
  ...process.env,
  PROCYON_ADDON_PATH: addon,
  // node is not built with ASan, so the runtime must be loaded before it.
  LD_PRELOAD: libasan(),
  // Leak checking stays off: node does not free its heap at exit, so LeakSanitizer
  // reports V8's allocations, not ours. The fuzz harnesses check leaks in the parsers.
  ASAN_OPTIONS: `detect_leaks=0:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:halt_on_error=1:log_path=${path.join(log, 'asan')}`,
  UBSAN_OPTIONS: `halt_on_error=1:print_stacktrace=1:log_path=${path.join(log, 'ubsan')}`,
};
for (const f of readdirSync(log)) rmSync(path.join(log, f));
const t0 = Date.now();
const vitest = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', ...positionals], {
  cwd: pkg,
  env,
  stdio: 'inherit',
});
const seconds = ((Date.now() - t0) / 1000).toFixed(0);
const reports = readdirSync(log)
  .map((f) => path.join(log, f))
  .filter((f) => statSync(f).size > 0);
for (const f of reports) console.error(`\n── ${path.basename(f)} ──\n${readFileSync(f, 'utf8')}`);
console.log(`sanitize: native suite under ASan + UBSan in ${seconds} s: vitest ${vitest.status === 0 ? 'passed' : 'FAILED'}, ${reports.length} sanitizer report(s)`);
process.exit(vitest.status === 0 && reports.length === 0 ? 0 : 1);
