import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'main', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The CLI bundle that bin/procyon.js runs, rebuilt when a main or shared source is newer (as test/integration does). */
export function ensureCliBuilt(): void {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > Math.max(newestMtime(path.join(REPO, 'app/main')), newestMtime(path.join(REPO, 'app/shared')))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.main.config.mts'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
}
