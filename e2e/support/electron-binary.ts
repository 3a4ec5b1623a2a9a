import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectron } from '../../scripts/start-electron.mjs';
import { REPO } from './serve';

/** node_modules/electron: where its installer puts the binary (e2e/electron/binary.setup.ts runs it). */
export const ELECTRON_PACKAGE = path.join(REPO, 'node_modules', 'electron');

/**
 * Electron's binary if it is installed, found the way `npm start` finds it:
 * never through `require('electron')` (nor Playwright's default launch),
 * which would start a download.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const found = findElectron(ELECTRON_PACKAGE);
  if ('missing' in found) return { missing: found.missing };
  // Electron opens windows even under Playwright: on Linux it needs an X or Wayland display (.ci/run gives it Xvfb).
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { missing: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset; run the suite under xvfb-run)' };
  return found;
}

export interface Launched {
  app: ElectronApplication;
  /** The profile folder (settings, window state, the single-instance lock) this launch uses. */
  userData: string;
  /** The command line a second instance of this launch would use, less the binary. */
  args: string[];
  close(): Promise<void>;
}

/**
 * Procyon as `npm start` launches it: Electron on the app folder (so app.name,
 * its version and userData are Procyon's, not Electron's), in a profile of its
 * own so that no spec touches the user's settings or meets a running Procyon.
 */
export async function launchProcyon(env: Record<string, string> = {}, userData = mkdtempSync(path.join(os.tmpdir(), 'procyon-electron-'))): Promise<Launched> {
  const binary = electronBinary();
  if ('missing' in binary) throw new Error(binary.missing);
  const args = [REPO, `--user-data-dir=${userData}`];
  const app = await electron.launch({ executablePath: binary.path, args, cwd: REPO, env: { ...process.env, ...env } as Record<string, string> });
  return {
    app,
    userData,
    args,
    async close() {
      await app.close();
    },
  };
}

/** Removes a profile folder made by launchProcyon, once no launch uses it. */
export function removeProfile(userData: string): void {
  rmSync(userData, { recursive: true, force: true });
}
