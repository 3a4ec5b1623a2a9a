// `npm run test:win`: runs native/test-win/*.test.mjs in the real Windows node.exe under Wine,
// against the addon `npm run build:win` made (build-win/, which dist/ loads on Windows) and the
// collector's dist/. Needs scripts/win/setup-wine.sh first. node.exe's output goes to a file, then
// is printed: on a Unix pipe Wine's handles make net.Socket fail with EBADF. The exit code is
// node --test's. Oracles node.exe cannot measure itself come from here: statfs("/"), which Wine
// shows as Z:\ (the tests read the host's /proc directly, as Z:\proc).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ADDON, winEnv } from './build.mjs';

const native = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Wine's drive Z: is the host's root.
const winPath = (p) => `Z:${path.resolve(p).replaceAll('/', '\\')}`;

const env = winEnv();
if (!existsSync(ADDON)) {
  console.error('test:win: no Windows addon; run `npm run build:win` first');
  process.exit(1);
}
if (!existsSync(path.join(native, 'dist', 'index.js'))) {
  console.error('test:win: no dist/; run `npm run build:native` first');
  process.exit(1);
}
const dir = path.join(native, 'test-win');
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => winPath(path.join(dir, f)));
const fs = statfsSync('/');
const statfs = { total: fs.blocks * fs.bsize, free: fs.bfree * fs.bsize, avail: fs.bavail * fs.bsize };

const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-test-win-'));
const log = path.join(scratch, 'out.txt');
const code = await new Promise((resolve, reject) => {
  // The shell opens the log: node.exe must inherit a file, never a pipe.
  const child = spawn('sh', ['-c', 'exec wine "$0" "$@" >"$PROCYON_WIN_LOG" 2>&1', env.PROCYON_WIN_NODE_EXE, '--test', '--test-timeout=120000', ...files], {
    cwd: native,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
      PROCYON_WIN_LOG: log,
      // No PROCYON_ADDON_PATH: dist/ finds build-win/ itself, as in the installed app.
      PROCYON_WIN_ADDON: winPath(ADDON),
      PROCYON_WIN_ORACLE_STATFS: JSON.stringify(statfs),
    },
  });
  child.on('error', reject);
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
process.stdout.write(existsSync(log) ? readFileSync(log, 'utf8').replace(/\r\n/g, '\n') : '(node.exe wrote nothing)\n');
rmSync(scratch, { recursive: true, force: true });
process.exit(code);
