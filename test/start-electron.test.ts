import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { READY_LINE as MAIN_READY_LINE, announceReady } from '../app/main/electron/launcher';
import { downloadElectron, downloadFailure, findElectron, launchElectron, launchOutcome, READY_LINE } from '../scripts/start-electron.mjs';

// `npm start`'s decisions about Electron (scripts/start-electron.mjs), against
// the electron package's real files (copied from node_modules/electron, in
// each state its installer leaves on disk), its installer's real output, and
// Chromium's real words when it aborts. The Electron binary itself cannot be
// had here: a stand-in script plays it where a process must run.

const REPO = path.resolve(__dirname, '..');
const ELECTRON_PKG = path.join(REPO, 'node_modules', 'electron');
const VERSION = (JSON.parse(spawnSync(process.execPath, ['-p', `JSON.stringify(require(${JSON.stringify(path.join(ELECTRON_PKG, 'package.json'))}))`], { encoding: 'utf8' }).stdout) as { version: string }).version;

// What node_modules/electron/install.js (45.4.1) printed on a machine with no route to GitHub, verbatim.
const INSTALL_OFFLINE_STDERR = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///work/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async file:///work/node_modules/@electron/get/dist/index.js:158:9
    at async useAndRemoveDirectory (file:///work/node_modules/@electron/get/dist/utils.js:10:18)
    at async downloadArtifact (file:///work/node_modules/@electron/get/dist/index.js:154:12)
`;
// Chromium's FATAL lines, as Electron apps print them (electron/electron#42510; zygote_host_impl_linux.cc; content's root check).
const SUID_ABORT =
  "[13329:0614/163124.425381:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /src/procyon/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";
const NO_USABLE_SANDBOX =
  '[1:1:0101/000000.000000:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! Update your kernel or see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information on developing with the SUID sandbox. If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.';
const ROOT_ABORT = '[2:2:0101/000000.000000:ERROR:electron_main_delegate.cc(289)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-start-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;

/** A copy of the electron package as npm installs it (no binary), under a node_modules whose @electron/get is the real one. */
function electronPackage(): string {
  const dir = path.join(tmp, `pkg-${seq++}`, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) copyFileSync(path.join(ELECTRON_PKG, f), path.join(dir, f));
  return dir;
}

/** What install.js leaves once its zip is unpacked: dist/ with the binary and `version`, then path.txt (no newline, as it writes it). */
function install(pkg: string, version = VERSION): string {
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(pkg, 'dist', 'version'), version);
  const bin = path.join(pkg, 'dist', 'electron');
  writeFileSync(bin, '#!/bin/sh\nexit 0\n');
  chmodSync(bin, 0o755);
  writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  return bin;
}

function script(name: string, body: string): string {
  const file = path.join(tmp, `${name}-${seq++}`);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const nodeModulesEnv = { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') };

describe.runIf(process.platform === 'linux')('finding Electron without the download require("electron") starts', () => {
  it('says the binary was never downloaded, as npm installs the package', () => {
    const r = findElectron(electronPackage(), {});
    expect(r).toMatchObject({ state: 'never-downloaded' });
    expect('missing' in r && r.missing).toContain(`Electron ${VERSION}'s binary has not been downloaded`);
  });

  it('finds it where the package itself would, once installed, and the installer agrees it is installed', () => {
    const pkg = electronPackage();
    const bin = install(pkg);
    expect(findElectron(pkg, {})).toEqual({ path: bin });
    // The package's index.js returns the same path (it downloads nothing when the binary is there) …
    const viaIndex = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(pkg)}))`], { encoding: 'utf8', env: nodeModulesEnv, timeout: 30_000 });
    expect(viaIndex.stdout).toBe(bin);
    // … and its install.js exits at once: isInstalled() holds.
    const installer = spawnSync(process.execPath, [path.join(pkg, 'install.js')], { encoding: 'utf8', env: nodeModulesEnv, timeout: 30_000 });
    expect([installer.status, installer.stderr]).toEqual([0, '']);
  });

  it('tells a download in progress or cut short, an outdated binary and a missing one apart', () => {
    const partial = electronPackage();
    mkdirSync(path.join(partial, 'dist'));
    writeFileSync(path.join(partial, 'dist', 'LICENSE'), '');
    expect(findElectron(partial, {})).toMatchObject({ state: 'interrupted' });

    const old = electronPackage();
    install(old, '44.0.0');
    expect(findElectron(old, {})).toMatchObject({ state: 'outdated', missing: expect.stringContaining('holds Electron 44.0.0') });

    const gone = electronPackage();
    rmSync(install(gone));
    expect(findElectron(gone, {})).toMatchObject({ state: 'absent' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as index.js does', () => {
    const pkg = electronPackage();
    const dist = path.join(tmp, `override-${seq++}`);
    mkdirSync(dist);
    expect(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({ state: 'absent' });
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ path: path.join(dist, 'electron') });
  });
});

describe.runIf(process.platform === 'linux')('downloading it, bounded', () => {
  /** A package whose install.js is a stand-in for the real one's behaviour in each case. */
  function withInstaller(source: string): string {
    const pkg = electronPackage();
    writeFileSync(path.join(pkg, 'install.js'), source);
    return pkg;
  }

  it('reports the installer’s own error when it fails (offline)', async () => {
    const pkg = withInstaller(`process.stderr.write(${JSON.stringify(INSTALL_OFFLINE_STDERR)}); process.exit(1);`);
    expect(await downloadElectron(pkg, { echo: null })).toEqual({ ok: false, why: 'the download failed (exit code 1): TypeError: fetch failed' });
    expect(downloadFailure({ status: 1, signal: null, timedOut: false, stderr: 'HTTPError: Response code 404 (Not Found) for https://x/y.zip\n    at …', limitMs: 1 })).toBe(
      'the download failed (exit code 1): HTTPError: Response code 404 (Not Found) for https://x/y.zip',
    );
  });

  it('gives up at its limit on a network that never answers', async () => {
    const pkg = withInstaller('setTimeout(() => {}, 600_000);');
    expect(await downloadElectron(pkg, { limitMs: 300, echo: null })).toEqual({ ok: false, why: 'the download did not finish within 1 s' });
  });

  it('then finds the binary the installer left', async () => {
    const pkg = withInstaller(
      `const fs = require('fs'), p = require('path'); fs.mkdirSync(p.join(__dirname, 'dist')); fs.writeFileSync(p.join(__dirname, 'dist', 'version'), ${JSON.stringify(VERSION)}); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');`,
    );
    expect(await downloadElectron(pkg, { echo: null })).toEqual({ ok: true });
    expect(findElectron(pkg, {})).toEqual({ path: path.join(pkg, 'dist', 'electron') });
  });
});

describe('what a launch came to', () => {
  const ended = { code: 1, signal: null, ready: false, interrupted: false, stderr: '' } as const;

  it('lets an app that came up, or handed over to a running one, end as it ends', () => {
    expect(launchOutcome({ ...ended, ready: true })).toEqual({ ran: true, code: 1 });
    expect(launchOutcome({ ...ended, code: 0 })).toEqual({ ran: true, code: 0 });
    expect(launchOutcome({ ...ended, code: null, signal: 'SIGINT', interrupted: true })).toEqual({ ran: true, code: 1 });
  });

  it('names each sandbox abort and what to do about it', () => {
    const suid = launchOutcome({ ...ended, code: null, signal: 'SIGTRAP', stderr: `${SUID_ABORT}\nTrace/breakpoint trap (core dumped)\n` });
    expect(suid).toMatchObject({ ran: false, sandbox: 'suid-helper' });
    expect(!suid.ran && suid.advice).toEqual(
      expect.arrayContaining([
        'make the sandbox helper setuid root: sudo chown root:root /src/procyon/node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 /src/procyon/node_modules/electron/dist/chrome-sandbox',
        expect.stringContaining('kernel.apparmor_restrict_unprivileged_userns=0'),
        'or run without the sandbox, at your own risk: ELECTRON_DISABLE_SANDBOX=1 npm start',
      ]),
    );
    expect(launchOutcome({ ...ended, code: null, signal: 'SIGTRAP', stderr: NO_USABLE_SANDBOX })).toMatchObject({ ran: false, sandbox: 'no-usable-sandbox' });
    expect(launchOutcome({ ...ended, stderr: ROOT_ABORT })).toMatchObject({ ran: false, sandbox: 'root' });
  });

  it('falls back on any other failure to start, saying why', () => {
    const libs = launchOutcome({ ...ended, code: 127, stderr: 'electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory\n' });
    expect(libs).toEqual({
      ran: false,
      why: 'Electron exited with code 127 before the app was up: electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory',
      sandbox: null,
      advice: [],
    });
    expect(launchOutcome({ ...ended, code: null, signal: 'SIGSEGV' })).toMatchObject({ ran: false, why: 'Electron was killed by SIGSEGV before the app was up' });
  });
});

describe.runIf(process.platform === 'linux')('launching', () => {
  it('main and the launcher agree on the ready line, which main writes only for the launcher', () => {
    expect(MAIN_READY_LINE).toBe(READY_LINE);
    const lines: string[] = [];
    announceReady({}, (l) => lines.push(l));
    announceReady({ PROCYON_LAUNCHER: '1' }, (l) => lines.push(l));
    expect(lines).toEqual([`${READY_LINE}\n`]);
  });

  it('runs the binary on the app folder and knows when the app came up', async () => {
    // Ready only when started as the real launch must start Electron: the folder, and the launcher's flag.
    const bin = script('ready', `[ "$1" = "${REPO}" ] && [ "$PROCYON_LAUNCHER" = 1 ] && echo '${READY_LINE}'; exit 3`);
    expect(await launchElectron(bin, [REPO], { cwd: REPO, quiet: true })).toEqual({ ran: true, code: 3 });
  });

  it('sees a sandbox abort in a real process that dies of SIGTRAP, as Chromium’s FATAL does', async () => {
    const bin = script('abort', `echo "${SUID_ABORT}" >&2; kill -TRAP $$`);
    const outcome = await launchElectron(bin, [REPO], { cwd: REPO, quiet: true });
    expect(outcome).toMatchObject({ ran: false, sandbox: 'suid-helper' });
  });

  it('falls back when the binary cannot even be started', async () => {
    const bin = script('not-executable', 'exit 0');
    chmodSync(bin, 0o644);
    expect(await launchElectron(bin, [REPO], { cwd: REPO, quiet: true })).toMatchObject({ ran: false, why: expect.stringMatching(/^Electron could not be started: spawn .* EACCES/) });
  });
});
