import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './serve';

/** Electron's binary if it was downloaded, without triggering the download that `require('electron')` would. */
export function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.join(REPO, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent); this machine cannot reach its download host' };
  const bin = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? { path: bin } : { missing: `the Electron binary is not at ${bin}` };
}
