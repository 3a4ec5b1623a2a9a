// `npm test`: every check, in the order that fails fastest. All steps run even
// after a failure, so one run shows everything that is wrong.
// `npm run test:fast` (--fast): the edit loop's subset — build the addon if it
// changed, type-check, lint, unit and native suites; no sanitizer build, no
// fuzzing, no browser, and neither the 60 s soak nor the Prometheus scrape.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const fast = process.argv.includes('--fast');

const UNIT_ONLY = ['--', '--exclude', 'test/soak/**', '--exclude', 'test/integration/**'];

// [name, npm arguments, what --fast appends (absent: not part of --fast)]
const steps = [
  ['native build', ['run', 'build:native'], []],
  // Before the unit tests: some start the built `procyon serve` and load its page (test/security/addon-missing.test.ts).
  ['app build', ['run', 'build:app'], []],
  ['typecheck', ['run', 'typecheck'], []],
  ['lint', ['run', 'lint'], []],
  ['unit (vitest)', ['run', 'test:unit'], UNIT_ONLY],
  ['native (vitest)', ['run', 'test:native'], []],
  // The addon rebuilt with ASan + UBSan (native/build-asan) under the same suite: 2-3 min to build, under 1 min to run.
  ['native under sanitizers (ASan + UBSan)', ['run', 'test:sanitize']],
  // 30 s per parser family, as the issue asks: 9 families, about 5 min of a 90 min CI budget.
  // `npm run fuzz -- --seconds 600` for a real session.
  ['fuzz (libFuzzer, 30 s per parser family)', ['run', 'fuzz', '--', '--seconds', '30']],
  ['electronegativity (Electron security checks)', ['run', 'electronegativity']],
  ['e2e (playwright)', ['run', 'test:e2e']],
  // The Windows addon, cross-built with mingw-w64 and run by the real node.exe under Wine (its setup is
  // idempotent: apt and the npm registry the first time, about 2 min; under 10 s after that).
  ['Windows (node.exe under Wine)', ['run', 'test:win']],
];

const results = [];
for (const [name, args, fastArgs] of steps) {
  if (fast && !fastArgs) continue;
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const r = spawnSync(npm, fast ? [...args, ...fastArgs] : args, { cwd: repo, stdio: 'inherit' });
  results.push({ name, ok: r.status === 0, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
}

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}  (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
process.exit(failed === 0 ? 0 : 1);
