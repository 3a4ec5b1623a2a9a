// os-release(5) read with the collector's rules: the app's core asks for it
// here instead of opening /etc itself, so what is there (a FIFO, a device, a
// file of any size) is a typed error at once, never a hang.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collector } from './helpers';

const { osRelease, parseOsRelease, OS_RELEASE_MAX_BYTES, InvalidFile } = collector;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'procyon-os-release-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('osRelease', () => {
  it('parses KEY=value lines, unquoting values, ignoring the rest', () => {
    expect(parseOsRelease('# comment\nNAME="Debian GNU/Linux"\nPRETTY_NAME=\'Debian 12\'\nID=debian\nnot a field\n')).toEqual({
      NAME: 'Debian GNU/Linux',
      PRETTY_NAME: 'Debian 12',
      ID: 'debian',
    });
  });

  it('reads the first file that exists, as os-release(5) says', async () => {
    const file = path.join(dir, 'os-release');
    writeFileSync(file, 'PRETTY_NAME="Test OS 1"\n');
    expect(await osRelease({ files: [path.join(dir, 'absent'), file] })).toEqual({ PRETTY_NAME: 'Test OS 1' });
    expect(await osRelease({ files: [path.join(dir, 'absent')] })).toBeNull();
  });

  it('refuses a FIFO with InvalidFile at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo');
    const r = spawnSync('mkfifo', [fifo], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    await expect(osRelease({ files: [fifo] })).rejects.toBeInstanceOf(InvalidFile);
  });

  it('refuses a directory and a file past the size cap', async () => {
    await expect(osRelease({ files: [dir] })).rejects.toBeInstanceOf(InvalidFile);
    const big = path.join(dir, 'big');
    writeFileSync(big, 'X'.repeat(OS_RELEASE_MAX_BYTES + 1));
    await expect(osRelease({ files: [big] })).rejects.toThrow(/larger than/);
  });
});
