// `npm run electronegativity`: Doyensec's Electron security checker over the
// Electron main process, the preload and the page's CSP. Fails on any finding
// above LOW; a reviewed finding is silenced where it is, with an
// `eng-disable CHECK_NAME` comment on its line and the reason on the line above.
//
// It lives in its own folder because it pins TypeScript 4.2 and ESLint 7;
// `npm ci` there (run here on first use) keeps them away from the app's.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const bin = path.join(here, 'node_modules', '.bin', 'electronegativity');

if (!existsSync(bin)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// What runs with Electron's privileges or decides what the page may load; the
// renderer's own code runs sandboxed without Node and is not Electron API code.
const SOURCES = [
  ...readdirSync(path.join(repo, 'app/main/electron')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `app/main/electron/${f}`),
  ...readdirSync(path.join(repo, 'app/preload')).filter((f) => f.endsWith('.ts')).map((f) => `app/preload/${f}`),
  'app/renderer/index.html',
  'app/renderer/popup.html',
];

const stage = mkdtempSync(path.join(os.tmpdir(), 'procyon-electronegativity-'));
const require = createRequire(path.join(here, 'package.json'));
const babel = require('@babel/parser');
const unparsable = [];
for (const rel of SOURCES) {
  const dest = path.join(stage, rel);
  mkdirSync(path.dirname(dest), { recursive: true });
  copyFileSync(path.join(repo, rel), dest);
  // The checker skips a file it cannot parse without saying so: parse each first with its own parser.
  if (rel.endsWith('.ts')) {
    try {
      babel.parse(readFileSync(dest, 'utf8'), { sourceType: 'module', plugins: ['typescript'] });
    } catch (err) {
      unparsable.push(`${rel}: ${err.message}`);
    }
  }
}

const electronVersion = JSON.parse(readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8')).version;
const csv = path.join(stage, 'findings.csv');
function runChecker() {
  rmSync(csv, { force: true });
  const r = spawnSync(bin, ['-i', stage, '-e', electronVersion, '-r', '-v', 'false', '-o', csv], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(csv)) {
    console.error(r.stdout, r.stderr);
    console.error('electronegativity: the checker itself failed');
    process.exit(1);
  }
}

// issue, severity, confidence, filename, location, sample, description, url;
// quoted fields may hold commas, doubled quotes and line breaks (a sample
// taken from a multi-line attribute), so this reads the CSV as a whole.
function parseCsv(text) {
  const out = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      if (row.some((f) => f !== '')) out.push(row);
      row = [];
    } else field += c;
  }
  endField();
  if (row.some((f) => f !== '')) out.push(row);
  return out;
}
// The checker sometimes writes two findings' lines into each other (one in
// about six runs here): a row whose severity is not one of its five is such a
// garbled line, not a finding, so read the checker's output again.
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
let rows = [];
for (let attempt = 1; attempt <= 5; attempt++) {
  runChecker();
  rows = parseCsv(readFileSync(csv, 'utf8')).slice(1).map((r) => r.map((f) => f.trim()));
  if (rows.every((r) => SEVERITIES.has(r[1]))) break;
  if (attempt === 5) console.log('electronegativity: its output stayed garbled over 5 runs');
}
if (process.env.KEEP_STAGE) console.log(readFileSync(csv, 'utf8'));
rmSync(stage, { recursive: true, force: true });

const ALLOWED = new Set(['INFORMATIONAL', 'LOW']);
console.log(`electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ${SOURCES.length} files, ${rows.length} finding(s)`);
for (const [issue, severity, confidence, file, location, , description] of rows) {
  console.log(`${ALLOWED.has(severity) ? 'ok  ' : 'FAIL'}  ${severity}/${confidence}  ${issue}  ${file}:${location}  ${description}`);
}
for (const u of unparsable) console.log(`FAIL  cannot parse ${u}`);
const failed = rows.filter(([, severity]) => !ALLOWED.has(severity)).length + unparsable.length;
console.log(failed === 0 ? 'no finding above LOW' : `${failed} finding(s) above LOW or unparsable files`);
process.exit(failed === 0 ? 0 : 1);
