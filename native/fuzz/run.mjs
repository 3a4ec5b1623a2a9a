// `npm run fuzz [-- --seconds N] [--only TARGET]`: builds a libFuzzer harness
// per /proc and /sys parser family (clang, with ASan and UBSan), seeds it from
// the captured fixture trees, runs each for N seconds, and replays the inputs
// kept in regressions/. A crash, a leak or a sanitizer report fails the run
// and the input is saved under regressions/<target>/ to stay a test. Executions,
// rate and time per target go to build-fuzz/summary.json (--summary FILE).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { unpackFixture } from '../../test/support/fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const native = path.resolve(here, '..');
const out = path.join(native, 'build-fuzz');

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, only: { type: 'string' }, summary: { type: 'string', default: path.join(out, 'summary.json') } },
});
const seconds = Number(values.seconds);
if (!Number.isInteger(seconds) || seconds < 1) {
  console.error('fuzz: --seconds must be a whole number ≥ 1');
  process.exit(2);
}

// Seeds: real captures of the files each harness parses, named by the harness
// itself in a `// seeds: <fixture paths>` line, so a parser joining a family
// brings its seeds in the same file.
function seedsOf(name) {
  const text = readFileSync(path.join(here, 'targets', `${name}.cc`), 'utf8');
  const line = /^\/\/ seeds: (.*)$/m.exec(text);
  return line ? line[1].split(/\s+/).filter((rel) => rel && rel !== '(none)') : [];
}

// libFuzzer reports every new coverage unit on stderr: a family with a large seed
// corpus writes megabytes in 30 s, past spawnSync's 1 MiB default (ENOBUFS).
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return r;
}

function need(tool, pkg) {
  if (run('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`fuzz: ${tool} is missing (apt-get install ${pkg})`);
    process.exit(2);
  }
}
need('clang++', 'clang libclang-rt-14-dev');

const SAN = ['-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer'];
const CXX = ['-std=c++17', '-g', '-O1', `-I${path.join(native, 'src')}`, ...SAN];

// An object is current when it is newer than its source and every header the
// compiler said it read (its -MMD file): a record's header changing under an
// old object would link two layouts of one struct into a harness.
function upToDate(obj, src) {
  if (!existsSync(obj) || !existsSync(`${obj}.d`)) return false;
  const built = statSync(obj).mtimeMs;
  const deps = readFileSync(`${obj}.d`, 'utf8').replace(/\\\n/g, ' ').split(':').slice(1).join(':').split(/\s+/).filter(Boolean);
  return [src, ...deps].every((dep) => existsSync(dep) && statSync(dep).mtimeMs < built);
}

// The parsers and the little of common/ they use, compiled once for every harness.
function buildLibrary() {
  mkdirSync(path.join(out, 'obj'), { recursive: true });
  const sources = [
    ...readdirSync(path.join(native, 'src/linux/parse')).filter((f) => f.endsWith('.cc')).map((f) => path.join(native, 'src/linux/parse', f)),
    path.join(native, 'src/common/error.cc'),
    path.join(native, 'src/common/percent.cc'),
  ];
  const objects = sources.map((src) => path.join(out, 'obj', `${path.basename(path.dirname(src))}_${path.basename(src, '.cc')}.o`));
  const jobs = sources.map((src, i) => {
    const obj = objects[i];
    if (upToDate(obj, src)) return null;
    return ['-c', ...CXX, '-fsanitize=fuzzer-no-link', '-MMD', '-MF', `${obj}.d`, src, '-o', obj];
  });
  // Two at a time: this kind of machine has two cores.
  const pending = jobs.filter(Boolean);
  for (let i = 0; i < pending.length; i += 2) {
    const batch = pending.slice(i, i + 2).map((args) => spawnSync('clang++', args, { stdio: 'inherit' }));
    if (batch.some((r) => r.status !== 0)) process.exit(1);
  }
  return objects;
}

function buildTarget(name, objects) {
  const bin = path.join(out, name);
  const r = run('clang++', [...CXX, '-fsanitize=fuzzer', path.join(here, 'targets', `${name}.cc`), ...objects, '-o', bin], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
  return bin;
}

// The captured trees, unpacked from the repository's archive; this and every
// temporary folder below go when the run ends, however it ends.
const temporary = [];
process.on('exit', () => {
  for (const cleanup of temporary) cleanup();
});
const { root: fixture, cleanup: removeFixture } = unpackFixture();
temporary.push(removeFixture);
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function seedDir(name) {
  const dir = tempDir(`procyon-seed-${name}-`);
  for (const rel of seedsOf(name)) {
    // A seed under test/ is one of the collector's own trees (test/fixtures/gpu); the rest are the captured tree's.
    const src = rel.startsWith('test/') ? path.join(here, '..', rel) : path.join(fixture, rel);
    if (existsSync(src) && statSync(src).isFile()) cpSync(src, path.join(dir, rel.replaceAll('/', '_')));
  }
  return dir;
}

const targets = readdirSync(path.join(here, 'targets'))
  .map((f) => path.basename(f, '.cc'))
  .filter((t) => !values.only || t === values.only)
  .sort();
if (targets.length === 0) {
  console.error(`fuzz: no target named ${values.only}`);
  process.exit(2);
}

const objects = buildLibrary();
const results = [];
for (const name of targets) {
  const bin = buildTarget(name, objects);
  const regressions = path.join(here, 'regressions', name);
  mkdirSync(regressions, { recursive: true });
  const kept = readdirSync(regressions).filter((f) => !f.startsWith('.'));
  // Replay every input that once crashed: each must now pass.
  if (kept.length > 0) {
    const replay = run(bin, kept.map((f) => path.join(regressions, f)), { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
    if (replay.status !== 0) {
      console.error(replay.stderr.slice(-4000));
      results.push({ name, ok: false, execs: 0, note: 'a kept regression input fails again' });
      continue;
    }
  }
  const corpus = tempDir(`procyon-corpus-${name}-`);
  const t0 = Date.now();
  const r = run(bin, [
    corpus,
    seedDir(name),
    `-max_total_time=${seconds}`,
    '-timeout=10',
    '-rss_limit_mb=2048',
    '-max_len=65536',
    '-print_final_stats=1',
    `-artifact_prefix=${regressions}/`,
  ], { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' } });
  const stat = (key) => Number(new RegExp(`stat::${key}:\\s*(\\d+)`).exec(r.stderr)?.[1] ?? 0);
  const execs = stat('number_of_executed_units');
  const ok = r.status === 0;
  if (!ok) console.error(r.stderr.slice(-6000));
  results.push({
    name,
    ok,
    execs,
    seconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
    execsPerSecond: stat('average_exec_per_sec'),
    newUnits: stat('new_units_added'),
    peakRssMb: stat('peak_rss_mb'),
    regressionsReplayed: kept.length,
    note: ok ? '' : `crash input saved under native/fuzz/regressions/${name}/`,
  });
}

console.log(`\nfuzz: ${seconds} s per target, ASan + UBSan + LeakSanitizer`);
for (const r of results) {
  const rate = r.execsPerSecond ? `${String(r.execsPerSecond).padStart(7)}/s` : '';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(16)} ${String(r.execs).padStart(10)} execs ${rate} ${r.seconds ?? ''}${r.seconds ? ' s' : ''}  ${r.note}`);
}
// Kept for the README's figures and for comparing runs: one row per target.
mkdirSync(path.dirname(path.resolve(values.summary)), { recursive: true });
writeFileSync(values.summary, `${JSON.stringify({ secondsPerTarget: seconds, finishedAt: new Date().toISOString(), targets: results }, null, 2)}\n`);
console.log(`summary: ${path.relative(process.cwd(), path.resolve(values.summary))}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
