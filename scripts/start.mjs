// `npm start`: the Electron app where its binary can be had; otherwise one line
// that says so, then `procyon serve` in its place.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function ensureBuilt() {
  const probe = spawnSync(process.execPath, ['-e', "require('@procyon/collector')"], { cwd: repo, stdio: 'ignore' });
  if (probe.status !== 0 && spawnSync(npm, ['run', 'build:native'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
  const built = ['dist/main/electron.js', 'dist/main/cli.js', 'dist/preload/preload.js', 'dist/renderer/index.html'].every((f) => existsSync(path.join(repo, f)));
  if (!built && spawnSync(npm, ['run', 'build:app'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
}

/** The binary's path, downloading it on first use as the electron package does; or why not. */
function electronBinary() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: repo, encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0 && r.stdout && existsSync(r.stdout)) return { path: r.stdout };
  const why = (r.stderr || '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|failed/i.test(l)) ?? 'download failed';
  return { missing: why.trim().slice(0, 160) };
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: repo, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureBuilt();
const serveArgs = [path.join(repo, 'bin', 'procyon.js'), 'serve', ...process.argv.slice(2)];
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const bin = electronBinary();
if ('missing' in bin) {
  console.log(`Electron's binary is not available on this machine (${bin.missing}); starting \`procyon serve\` instead: open the URL below in a browser.`);
  run(process.execPath, serveArgs);
} else if (headless) {
  console.log('No display (DISPLAY and WAYLAND_DISPLAY are unset); starting `procyon serve` instead: open the URL below in a browser.');
  run(process.execPath, serveArgs);
} else {
  run(bin.path, [path.join(repo, 'dist', 'main', 'electron.js')]);
}
