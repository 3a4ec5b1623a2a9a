import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AlertRule } from '../../shared';
import { openSettings } from './settings';

// What the settings file does on disk: a file that fails to parse is kept,
// never written over; the last good copy is kept as .bak; a FIFO, directory
// or device in its place is refused at once, never waited on.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-settings-file-'));
  dirs.push(dir);
  return path.join(dir, 'settings.json');
}

const rule = (i: number): AlertRule => ({ id: `r${i}`, kind: 'cpu', enabled: true, abovePercent: 90, forSeconds: i });
const FIVE_RULES = { ...DEFAULT_SETTINGS, intervalMs: 2000, alertRules: [0, 1, 2, 3, 4].map(rule) };

function warnings(): { warn: (m: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (m) => messages.push(m), messages };
}

const asideFiles = (file: string) => readdirSync(path.dirname(file)).filter((n) => n.startsWith('settings.json.invalid-'));

describe('a settings file that fails to parse', () => {
  it('a trailing comma, then a change: the file is kept aside whole, the change is saved, .bak follows each write', async () => {
    const file = tempFile();
    const typo = JSON.stringify(FIVE_RULES, null, 2).replace(/\n}$/, ',\n}');
    writeFileSync(file, typo, { mode: 0o644 });
    const { warn, messages } = warnings();
    const store = await openSettings(file, warn);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);

    const [aside] = asideFiles(file);
    expect(aside).toMatch(/^settings\.json\.invalid-\d{8}T\d{6}\.\d{3}Z$/);
    const asidePath = path.join(path.dirname(file), aside!);
    expect(readFileSync(asidePath, 'utf8')).toBe(typo);
    expect(statSync(asidePath).mode & 0o777).toBe(0o600);
    expect(messages).toEqual([`${file} is not valid JSON; it is kept as ${asidePath}, and the defaults are used`]);

    await store.update({ closeToTray: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false });
    // Nothing good was there to back up.
    expect(readdirSync(path.dirname(file)).sort()).toEqual([aside, 'settings.json'].sort());

    await store.update({ alertRules: [rule(9)] });
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false });
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false, alertRules: [rule(9)] });
    expect(readFileSync(asidePath, 'utf8')).toBe(typo);
  });

  it('broken by a hand edit while the host runs: kept aside at the next save, not written over', async () => {
    const file = tempFile();
    const store = await openSettings(file, () => {});
    await store.update({ alertRules: [rule(1)] });
    writeFileSync(file, '{"alertRules": [');
    const { warn, messages } = warnings();
    const again = await openSettings(file, warn); // another host: it moves the file aside at its start
    expect(asideFiles(file)).toHaveLength(1);
    expect(messages).toHaveLength(1);
    writeFileSync(file, '{"intervalMs": 2000,}');
    await store.update({ intervalMs: 3000 });
    const aside = asideFiles(file).map((n) => readFileSync(path.join(path.dirname(file), n), 'utf8'));
    // Two files broken at different moments, both kept, even within one millisecond.
    expect(aside.sort()).toEqual(['{"alertRules": [', '{"intervalMs": 2000,}']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 3000, alertRules: [rule(1)] });
    expect(again.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('not an object, or too large: kept aside the same way', async () => {
    for (const text of ['[1,2]', '42', 'null', `{"x": "${'y'.repeat(1 << 20)}"}`]) {
      const file = tempFile();
      writeFileSync(file, text);
      const { warn, messages } = warnings();
      expect((await openSettings(file, warn)).get()).toEqual(DEFAULT_SETTINGS);
      expect(messages).toHaveLength(1);
      expect(asideFiles(file)).toHaveLength(1);
      expect(readdirSync(path.dirname(file))).not.toContain('settings.json');
    }
  });

  it('a file it cannot move aside is left alone, and no change is saved over it', async () => {
    if (process.getuid?.() === 0) return; // root writes into a read-only directory anyway
    const file = tempFile();
    writeFileSync(file, '{,');
    const dir = path.dirname(file);
    spawnSync('chmod', ['0500', dir]);
    try {
      const { warn, messages } = warnings();
      const store = await openSettings(file, warn);
      expect(messages[0]).toMatch(/no change is saved until the file is fixed or removed/);
      await expect(store.update({ intervalMs: 2000 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(readFileSync(file, 'utf8')).toBe('{,');
    } finally {
      spawnSync('chmod', ['0700', dir]);
    }
  });
});

describe('a settings path that is not a regular file', () => {
  const kinds: [string, (p: string) => void, string][] = [
    ['a FIFO', (p) => expect(spawnSync('mkfifo', [p]).status).toBe(0), 'a FIFO'],
    ['a directory', (p) => mkdirSync(p), 'a directory'],
  ];

  it.each(kinds)('%s: refused at once with INVALID_ARGUMENT naming the path', async (_, make, kind) => {
    const file = tempFile();
    make(file);
    await expect(openSettings(file, () => {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: `settings file ${file} is ${kind}, not a regular file` });
  });

  it('a device: refused the same way', async () => {
    await expect(openSettings('/dev/null', () => {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'settings file /dev/null is a character device, not a regular file' });
  });

  it('a FIFO put in its place while the host runs: the save fails with UNAVAILABLE, nothing waits', async () => {
    const file = tempFile();
    const store = await openSettings(file, () => {});
    await store.update({ intervalMs: 2000 });
    rmSync(file);
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    await expect(store.update({ intervalMs: 3000 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining(`${file} is a FIFO`) });
    expect(store.get().intervalMs).toBe(2000);
    expect(statSync(file).isFIFO()).toBe(true);
  });
});
