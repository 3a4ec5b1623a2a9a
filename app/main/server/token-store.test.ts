import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_PATTERN } from './auth';
import { serveToken, tokenFileFor, TokenFileError } from './token-store';

// Issue 17, item 6: the token outlives a restart, lives beside the settings
// with mode 0600, is rotated by --new-token, set by PROCYON_TOKEN, and a file
// that others could have read or swapped is refused.

let dir: string;
let settingsFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-token-'));
  settingsFile = path.join(dir, 'conf', 'procyon', 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stored = (rotate = false) => serveToken({ settingsFile, rotate, env: undefined });

describe('serveToken', () => {
  it('creates the token beside the settings file, mode 0600, and returns the same one at every later start', () => {
    const first = stored();
    expect(first).toMatchObject({ origin: 'created', file: path.join(path.dirname(settingsFile), 'token') });
    expect(first.token).toMatch(TOKEN_PATTERN);
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.token);
    expect(stored()).toEqual({ token: first.token, origin: 'file', file: first.file });
  });

  it('--new-token replaces it (still 0600); the new one then stays', () => {
    const before = stored().token;
    const rotated = stored(true);
    expect(rotated.origin).toBe('rotated');
    expect(rotated.token).not.toBe(before);
    expect(statSync(rotated.file!).mode & 0o777).toBe(0o600);
    expect(stored().token).toBe(rotated.token);
  });

  it('PROCYON_TOKEN sets it and touches no file; a malformed one is refused', () => {
    expect(serveToken({ settingsFile, rotate: false, env: 'my-own-token-0123456789' })).toEqual({ token: 'my-own-token-0123456789', origin: 'env' });
    expect(() => statSync(tokenFileFor(settingsFile))).toThrow();
    expect(() => serveToken({ settingsFile, rotate: false, env: 'short' })).toThrow(TokenFileError);
    expect(() => serveToken({ settingsFile, rotate: false, env: 'has space in it 0123456789' })).toThrow(/PROCYON_TOKEN/);
    expect(() => serveToken({ settingsFile, rotate: true, env: 'my-own-token-0123456789' })).toThrow(/contradict/);
  });

  it('--no-settings: a random token in memory, new at every start', () => {
    const a = serveToken({ settingsFile: null, rotate: false, env: undefined });
    const b = serveToken({ settingsFile: null, rotate: false, env: undefined });
    expect(a.origin).toBe('memory');
    expect(a.token).not.toBe(b.token);
    expect(() => serveToken({ settingsFile: null, rotate: true, env: undefined })).toThrow(/--no-settings/);
  });

  describe('refuses a token file it cannot trust, and says which and what to do', () => {
    const file = () => tokenFileFor(settingsFile);
    beforeEach(() => mkdirSync(path.dirname(settingsFile), { recursive: true }));

    it('group or world readable', () => {
      writeFileSync(file(), 'a-token-others-could-read-0123\n', { mode: 0o644 });
      chmodSync(file(), 0o644);
      expect(() => stored()).toThrow(new RegExp(`${file()}.*other users \\(mode 644\\).*--new-token`));
    });

    it('owned by another user', () => {
      writeFileSync(file(), 'a-token-of-someone-else-0123\n', { mode: 0o600 });
      chownSync(file(), 4242, 4242);
      if (statSync(file()).uid !== 4242) return; // not root: cannot make such a file here
      expect(() => stored()).toThrow(/belongs to uid 4242/);
    });

    it('a symbolic link', () => {
      const target = path.join(dir, 'elsewhere');
      writeFileSync(target, 'a-token-somewhere-else-0123\n', { mode: 0o600 });
      symlinkSync(target, file());
      expect(() => stored()).toThrow(/symbolic link/);
    });

    it('a FIFO (without hanging the start)', () => {
      execFileSync('mkfifo', ['-m', '600', file()]);
      expect(() => stored()).toThrow(/not a regular file/);
    });

    it('one that holds no valid token', () => {
      writeFileSync(file(), 'not a token\n', { mode: 0o600 });
      expect(() => stored()).toThrow(/holds no valid token/);
    });

    it('--new-token replaces an untrusted file with a good one', () => {
      writeFileSync(file(), 'a-token-others-could-read-0123\n', { mode: 0o644 });
      chmodSync(file(), 0o644);
      const t = stored(true);
      expect(statSync(file()).mode & 0o777).toBe(0o600);
      expect(stored().token).toBe(t.token);
    });
  });
});
