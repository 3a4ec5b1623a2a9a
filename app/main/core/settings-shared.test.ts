import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AlertRule, type Settings } from '../../shared';
import { openSettings } from './settings';
import { spawnTs } from './ts-child.test-util';

// Two hosts on one settings file (a shared home, two serve instances): two
// real processes, each with its own store, add 20 rules each at the same time.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** One writer: `ready` once its store is open (both have read the empty file before either writes), `done` with the ids it was told are saved. */
function writer(file: string, prefix: string, go: string): { ready: Promise<void>; done: Promise<string[]> } {
  const child = spawnTs(path.join(__dirname, 'settings-writer.test-child.ts'), [file, prefix, go]);
  let out = '';
  let err = '';
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<string[]>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as string[]) : reject(new Error(`writer ${prefix} exited ${code}: ${err}`))));
  });
  return { ready: Promise.race([ready, done.then(() => undefined)]), done };
}

describe('two hosts sharing one settings file', () => {
  it('keeps every acknowledged rule of both: 20 + 20 on disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-shared-settings-'));
    dirs.push(dir);
    const file = path.join(dir, 'settings.json');
    const go = path.join(dir, 'go');
    const writers = [writer(file, 'a', go), writer(file, 'b', go)];
    await Promise.all(writers.map((w) => w.ready));
    writeFileSync(go, '');
    const acknowledged = (await Promise.all(writers.map((w) => w.done))).flat();
    expect(acknowledged).toHaveLength(40);
    const onDisk = (JSON.parse(readFileSync(file, 'utf8')) as { alertRules: { id: string }[] }).alertRules.map((r) => r.id);
    expect([...onDisk].sort()).toEqual([...acknowledged].sort());
    // Each side's rules stay in the order it added them.
    for (const prefix of ['a', 'b']) expect(onDisk.filter((id) => id.startsWith(prefix))).toEqual(Array.from({ length: 20 }, (_, i) => `${prefix}${i}`));
    // No lock, temp or stale file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['go', 'settings.json', 'settings.json.bak']);
  }, 60_000);
});

describe('two stores on one file changing the same thing', () => {
  const rule = (forSeconds: number): AlertRule => ({ id: 'r', kind: 'cpu', enabled: true, abovePercent: 90, forSeconds });

  it('refuses the later save with CONFLICT, shows the other\'s settings, and takes the change when it is made again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-shared-settings-'));
    dirs.push(dir);
    const file = path.join(dir, 'settings.json');
    const [a, b] = [await openSettings(file, () => {}), await openSettings(file, () => {})];
    await a.update({ intervalMs: 2000, alertRules: [rule(1)] });
    const seen: Settings[] = [];
    b.onChange((s) => seen.push(s));

    await expect(b.update({ intervalMs: 3000 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('intervalMs') });
    expect(b.get()).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 2000, alertRules: [rule(1)] });
    expect(seen).toEqual([b.get()]);
    expect(JSON.parse(readFileSync(file, 'utf8')).intervalMs).toBe(2000);

    await b.update({ intervalMs: 3000 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 3000, alertRules: [rule(1)] });

    // a still holds rule(1) as it wrote it; b's edit of it comes first, so a's edit conflicts.
    await b.update({ alertRules: [rule(2)] });
    await expect(a.update({ alertRules: [rule(3)] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('alert rule "r"') });
    // a's other change merges with b's: a adopted b's settings on the conflict, so its next save starts from them.
    await a.update({ closeToTray: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 3000, closeToTray: false, alertRules: [rule(2)] });
  });

  it('together past the rule limit: CONFLICT, not a file with too many rules', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-shared-settings-'));
    dirs.push(dir);
    const file = path.join(dir, 'settings.json');
    const [a, b] = [await openSettings(file, () => {}), await openSettings(file, () => {})];
    const many = (prefix: string) => Array.from({ length: 30 }, (_, i): AlertRule => ({ ...rule(0), id: `${prefix}${i}` }));
    await a.update({ alertRules: many('a') });
    await expect(b.update({ alertRules: many('b') })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(JSON.parse(readFileSync(file, 'utf8')).alertRules).toHaveLength(30);
  });
});
