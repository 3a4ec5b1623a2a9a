// `npm start`: the Electron app where its binary can be had and started;
// otherwise one line that says why, then `procyon serve` in its place. The
// decisions are in start-electron.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOWNLOAD_LIMIT_MS, downloadElectron, findElectron, launchElectron } from './start-electron.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electronPkg = path.join(repo, 'node_modules', 'electron');

function ensureBuilt() {
  const probe = spawnSync(process.execPath, ['-e', "require('@procyon/collector')"], { cwd: repo, stdio: 'ignore' });
  if (probe.status !== 0 && spawnSync(npm, ['run', 'build:native'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
  const built = ['dist/main/electron.js', 'dist/main/cli.js', 'dist/preload/preload.js', 'dist/preload/popup.js', 'dist/renderer/index.html'].every((f) => existsSync(path.join(repo, f)));
  if (!built && spawnSync(npm, ['run', 'build:app'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
}

/** `procyon serve` in the foreground, for good: its exit is ours. */
function serve(why) {
  console.log(`${why}; starting \`procyon serve\` instead: open the URL below in a browser.`);
  const child = spawn(process.execPath, [path.join(repo, 'bin', 'procyon.js'), 'serve', ...process.argv.slice(2)], { cwd: repo, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The binary, downloading it first (bounded) when the electron package has none. */
async function electronBinary() {
  const found = findElectron(electronPkg);
  if ('path' in found) return found;
  console.log(
    `${found.missing}. Downloading it now with the electron package's installer (about 100 MB, at most ${DOWNLOAD_LIMIT_MS / 1000} s; ` +
      '`npx install-electron --no` downloads it with no time limit).',
  );
  const r = await downloadElectron(electronPkg, { echo: null });
  if (!r.ok) return { missing: `Electron's binary could not be downloaded: ${r.why}` };
  return findElectron(electronPkg);
}

ensureBuilt();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (headless) serve('No display (DISPLAY and WAYLAND_DISPLAY are unset)');
else {
  const bin = await electronBinary();
  if ('missing' in bin) serve(bin.missing);
  else {
    // The app folder, not its main file: Electron reads package.json only from a folder, and takes the app's name,
    // version and userData folder from it.
    const outcome = await launchElectron(bin.path, [repo], { cwd: repo });
    if (outcome.ran) process.exit(outcome.code);
    for (const line of [outcome.why, ...outcome.advice]) console.error(`procyon: ${line}`);
    serve('Electron did not start');
  }
}
