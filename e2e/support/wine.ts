import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './serve';

// The Wine side of the Windows specs: the prefix native/scripts/win/setup-wine.sh
// prepared, node.exe in it, and Wine's own tools as oracles.

/** The variables native/scripts/win/setup-wine.sh wrote. */
export function winEnv(): Record<string, string> {
  const file = path.join(process.env.PROCYON_WIN_ROOT ?? path.join(os.homedir(), '.cache', 'procyon-win'), 'env.sh');
  const env: Record<string, string> = {};
  for (const [, name, quoted, bare] of readFileSync(file, 'utf8').matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) env[name!] = quoted ?? bare ?? '';
  return env;
}

/** node.exe under Wine with `args`, its output into `log`: Wine's handles on a Unix pipe break net.Socket (EBADF). */
export function wineNode(args: string[], log: string): ChildProcess {
  const env = winEnv();
  return spawn('sh', ['-c', 'exec wine "$0" "$@" >"$LOG" 2>&1', env.PROCYON_WIN_NODE_EXE!, ...args], {
    cwd: REPO,
    stdio: 'ignore',
    env: { ...process.env, ...env, LOG: log },
  });
}

export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

/** Wine's `sc <args>` (its own service manager client), its output as text. */
export function wineSc(...args: string[]): string {
  const r = spawnSync('wine', ['sc', ...args], { env: { ...process.env, ...winEnv() }, encoding: 'utf8', timeout: 60_000 });
  return (r.stdout ?? '').replace(/\r\n/g, '\n');
}

/** A service's state as Wine's `sc query` reports it, in psutil's spelling ("running", "stop_pending", …). */
export function scState(name: string): string | undefined {
  return /STATE\s*:\s*\d+\s+(\w+)/.exec(wineSc('query', name))?.[1]?.toLowerCase();
}
