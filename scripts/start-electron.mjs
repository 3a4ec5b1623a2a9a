// @ts-check
// What `npm start` decides about Electron, apart from start.mjs so that each
// decision is tested (test/start-electron.test.ts) against what the electron
// package and Electron itself really leave on disk and print.
//
// Since Electron 42, `require('electron')` downloads the binary on first use
// and prints to stdout while it does, so it is never called here: the binary
// is found the way the package's own install.js decides it is installed, and
// downloaded only by running that installer, with a time limit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The line main writes to stdout once it is up, when PROCYON_LAUNCHER=1 (app/main/electron/launcher.ts says the same). */
export const READY_LINE = 'procyon: ready';

/** How long `npm start` waits for a download before it starts `procyon serve` instead. */
export const DOWNLOAD_LIMIT_MS = 120_000;

/** What a stream's last bytes are kept for: the reason a launch or download failed. */
const TAIL_BYTES = 16_384;

/** @param {string} file */
function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * @typedef {{ path: string }} Found
 * @typedef {{ missing: string, state: 'never-downloaded' | 'interrupted' | 'outdated' | 'absent' }} Missing
 */

/**
 * Electron's binary as the electron package in `pkgDir` would run it, or why
 * it cannot yet. index.js reads path.txt (written last by install.js, after
 * the zip is unpacked into dist/) and honours ELECTRON_OVERRIDE_DIST_PATH;
 * install.js counts it installed only when dist/version is the package's version.
 * @param {string} pkgDir node_modules/electron
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Found | Missing}
 */
export function findElectron(pkgDir, env = process.env) {
  const version = /** @type {{ version: string }} */ (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'))).version;
  const pathTxt = readText(path.join(pkgDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = path.join(override, pathTxt || 'electron');
    return existsSync(bin) ? { path: bin } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${override}, which has no ${pathTxt || 'electron'}`, state: 'absent' };
  }
  const dist = path.join(pkgDir, 'dist');
  if (pathTxt === null) {
    return existsSync(dist)
      ? { missing: `an earlier download of Electron ${version} did not finish (${dist} is there, path.txt is not)`, state: 'interrupted' }
      : { missing: `Electron ${version}'s binary has not been downloaded (since Electron 42 nothing downloads it at install)`, state: 'never-downloaded' };
  }
  const installed = readText(path.join(dist, 'version'))?.trim().replace(/^v/, '');
  if (installed !== version) return { missing: `${dist} holds Electron ${installed ?? '(unknown)'}, the package is ${version}`, state: 'outdated' };
  const bin = path.join(dist, pathTxt);
  return existsSync(bin) ? { path: bin } : { missing: `path.txt names ${bin}, which is not there`, state: 'absent' };
}

/**
 * Why a download did not give a binary, in one line.
 * @param {{ status: number | null, signal: NodeJS.Signals | null, timedOut: boolean, stderr: string, limitMs: number }} r
 */
export function downloadFailure(r) {
  if (r.timedOut) return `the download did not finish within ${Math.ceil(r.limitMs / 1000)} s`;
  // install.js prints the error's stack: its first line says what failed ("TypeError: fetch failed", "HTTPError: Response code 404 …").
  const first = r.stderr.split('\n').map((l) => l.trim()).find((l) => /^[\w.]*(Error|Exception)\b|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|Response code/.test(l));
  const what = first ? `: ${first.slice(0, 200)}` : '';
  return r.signal ? `the download was stopped (${r.signal})${what}` : `the download failed (exit code ${r.status})${what}`;
}

/**
 * Runs the package's own installer (what `npx install-electron --no` runs), for at most `limitMs`.
 * @param {string} pkgDir
 * @param {{ limitMs?: number, echo?: NodeJS.WritableStream | null }} [options]
 * @returns {Promise<{ ok: true } | { ok: false, why: string }>}
 */
export function downloadElectron(pkgDir, { limitMs = DOWNLOAD_LIMIT_MS, echo = process.stderr } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk) => {
      echo?.write(chunk);
      stderr = (stderr + String(chunk)).slice(-TAIL_BYTES);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, why: `the installer did not start: ${err.message}` });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve(status === 0 && !timedOut ? { ok: true } : { ok: false, why: downloadFailure({ status, signal, timedOut, stderr, limitMs }) });
    });
  });
}

/**
 * Chromium's own words when its sandbox cannot start (it aborts before any of
 * the app's code runs), and what to do about each.
 * @type {{ kind: string, pattern: RegExp, advice: (m: RegExpExecArray) => string[] }[]}
 */
const SANDBOX_ABORTS = [
  {
    kind: 'suid-helper',
    // setuid_sandbox_host.cc: electron/electron#42510, Ubuntu 24.04 and any system without unprivileged user namespaces.
    pattern: /The SUID sandbox helper binary was found, but is not configured correctly\.(?:[^\n]*?make sure that (\S+) is owned by root and has mode 4755)?/,
    advice: (m) => [
      m[1] ? `make the sandbox helper setuid root: sudo chown root:root ${m[1]} && sudo chmod 4755 ${m[1]}` : 'make chrome-sandbox beside the Electron binary setuid root (owner root, mode 4755)',
      'or, on Ubuntu 23.10 and later (AppArmor restricts unprivileged user namespaces): sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile that allows userns for that binary',
    ],
  },
  {
    kind: 'no-usable-sandbox',
    // zygote_host_impl_linux.cc: neither user namespaces nor a setuid helper.
    pattern: /No usable sandbox!/,
    advice: () => ['allow unprivileged user namespaces (Ubuntu 23.10 and later: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or make chrome-sandbox setuid root'],
  },
  {
    kind: 'root',
    pattern: /Running as root without --no-sandbox is not supported/,
    advice: () => ['run `npm start` as a regular user: Chromium will not sandbox its renderers as root'],
  },
];

/**
 * How an Electron run ended, as `npm start` must act on it: it ran (its exit
 * code stands), or it failed to start (serve takes over), with Chromium's
 * reason and what to do when the sandbox was what failed.
 * @param {{ code: number | null, signal: NodeJS.Signals | null, ready: boolean, interrupted: boolean, stderr: string }} r
 * @returns {{ ran: true, code: number } | { ran: false, why: string, sandbox: string | null, advice: string[] }}
 */
export function launchOutcome(r) {
  const code = r.code ?? (r.signal ? 1 : 0);
  // Up and running, stopped by the user, or handed over to a running instance (which exits 0 before it is ready).
  if (r.ready || r.interrupted || (r.code === 0 && !r.signal)) return { ran: true, code };
  for (const s of SANDBOX_ABORTS) {
    const m = s.pattern.exec(r.stderr);
    if (m)
      return {
        ran: false,
        why: `Chromium's sandbox could not start: ${m[0].slice(0, 240)}`,
        sandbox: s.kind,
        advice: [...s.advice(m), 'or run without the sandbox, at your own risk: ELECTRON_DISABLE_SANDBOX=1 npm start'],
      };
  }
  const fatal = r.stderr.split('\n').map((l) => l.trim()).find((l) => /FATAL|error while loading shared libraries|cannot open display|Missing X server|^spawn /i.test(l));
  const how = r.signal ? `was killed by ${r.signal} before the app was up` : r.code === null ? 'could not be started' : `exited with code ${r.code} before the app was up`;
  return { ran: false, why: `Electron ${how}${fatal ? `: ${fatal.slice(0, 240)}` : ''}`, sandbox: null, advice: [] };
}

/**
 * Starts Electron on the app folder and reports how it ended. Its output
 * passes through; stdout's ready line is kept back, and stderr's tail kept
 * for the reason if it fails to start.
 * @param {string} binary
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} options quiet: keep its output back (tests)
 * @returns {Promise<ReturnType<typeof launchOutcome>>}
 */
export function launchElectron(binary, args, { cwd, env = process.env, quiet = false }) {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, env: { ...env, PROCYON_LAUNCHER: '1' }, stdio: ['inherit', 'pipe', 'pipe'] });
    let ready = false;
    let interrupted = false;
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === READY_LINE) ready = true;
        else if (!quiet) process.stdout.write(`${line}\n`);
      }
    });
    child.stderr.on('data', (chunk) => {
      if (!quiet) process.stderr.write(chunk);
      stderr = (stderr + String(chunk)).slice(-TAIL_BYTES);
    });
    const forward = (/** @type {NodeJS.Signals} */ sig) => {
      interrupted = true;
      child.kill(sig);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let finished = false;
    const done = (/** @type {{ code: number | null, signal: NodeJS.Signals | null, stderr: string }} */ end) => {
      if (finished) return;
      finished = true;
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (pending && pending !== READY_LINE && !quiet) process.stdout.write(pending);
      resolve(launchOutcome({ ...end, ready: ready || pending === READY_LINE, interrupted }));
    };
    child.on('error', (err) => done({ code: null, signal: null, stderr: `${stderr}\n${err.message}` }));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}
