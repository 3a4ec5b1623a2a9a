import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, REPO } from './cli-build';

// `--settings` naming a FIFO used to leave serve waiting for a writer before
// it ever listened. It must refuse at once, name the path, and exit non-zero:
// serving with settings that silently go nowhere would lose every change the
// user makes and is told was saved.

let dir: string;

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-settings-kind-'));
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serveWith(settings: string) {
  // Port 0: were it to start, it would not collide with anything; the timeout turns a hang into a failure.
  return spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'serve', '--port', '0', '--settings', settings], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
}

describe('procyon serve --settings naming something that is not a regular file', () => {
  it.each([
    ['a FIFO', (p: string) => expect(spawnSync('mkfifo', [p]).status).toBe(0)],
    ['a directory', (p: string) => mkdirSync(p)],
  ])('%s: exits 1 with one line naming the path', (kind, make) => {
    const file = path.join(dir, kind.replace(/ /g, '-'));
    make(file);
    const r = serveWith(file);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`procyon: INVALID_ARGUMENT: settings file ${file} is ${kind}, not a regular file\n`);
  });

  it('a device: the same', () => {
    const r = serveWith('/dev/zero');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('procyon: INVALID_ARGUMENT: settings file /dev/zero is a character device, not a regular file\n');
  });
});
