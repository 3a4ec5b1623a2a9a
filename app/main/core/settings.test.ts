import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AlertRule, type Settings } from '../../shared';
import { createMonitorApi } from './api';
import { Collector } from './collector';
import { dispatch } from './dispatch';
import { FIXTURE_PROC, FIXTURE_SYS } from './fixture-root.test-util';
import { Sampler } from './sampler';
import { openSettings } from './settings';
import { TopicRegistry } from './topics';

// A real directory per test: what is on disk is what the next start reads.

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) {
    chmodSync(dir, 0o700); // a test may have made it read-only
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-settings-'));
  made.push(dir);
  return dir;
}

const cpuRule: AlertRule = { id: 'r1', kind: 'cpu', enabled: true, abovePercent: 90, forSeconds: 30 };

function quietWarnings(): { warn: (m: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (m) => messages.push(m), messages };
}

describe('settings store', () => {
  it('starts from the defaults when there is no file, and creates directory and file on the first change', async () => {
    const file = path.join(tempDir(), 'nested', 'procyon', 'settings.json');
    const store = await openSettings(file);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update({ intervalMs: 2000, alertRules: [cpuRule] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, intervalMs: 2000, alertRules: [cpuRule] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('persists across a reopen', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const first = await openSettings(file);
    await first.update({ closeToTray: false, alertRules: [cpuRule] });
    await first.update({ startAtLogin: true });
    const second = await openSettings(file);
    expect(second.get()).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false, startAtLogin: true, alertRules: [cpuRule] });
  });

  it('falls back to the defaults, with a warning, for a file that is not JSON or not an object', async () => {
    for (const text of ['{not json', '[1,2]', '42']) {
      const file = path.join(tempDir(), 'settings.json');
      writeFileSync(file, text);
      const { warn, messages } = quietWarnings();
      expect((await openSettings(file, warn)).get()).toEqual(DEFAULT_SETTINGS);
      expect(messages).toHaveLength(1);
    }
  });

  it('falls back for an unreadable file rather than failing to start', async () => {
    if (process.getuid?.() === 0) return; // root reads a 000 file anyway
    const file = path.join(tempDir(), 'settings.json');
    writeFileSync(file, JSON.stringify({ intervalMs: 5000 }));
    chmodSync(file, 0o000);
    const { warn, messages } = quietWarnings();
    expect((await openSettings(file, warn)).get()).toEqual(DEFAULT_SETTINGS);
    expect(messages[0]).toMatch(/cannot be read/);
  });

  it('lets a bad field fall back alone, and drops only the bad rules', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const bad = { id: 'r2', kind: 'gpu', enabled: true, forSeconds: 1 };
    writeFileSync(file, JSON.stringify({ intervalMs: 3, closeToTray: false, startAtLogin: 'yes', alertRules: [cpuRule, bad, cpuRule], extra: 1 }));
    const { warn, messages } = quietWarnings();
    const store = await openSettings(file, warn);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false, alertRules: [cpuRule] });
    expect(messages).toHaveLength(4); // intervalMs, startAtLogin, the bad rule, the duplicate
  });

  it('refuses an invalid update with INVALID_ARGUMENT and keeps file and settings as they were', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const store = await openSettings(file);
    await store.update({ intervalMs: 2000 });
    const before = readFileSync(file, 'utf8');
    await expect(store.update({ alertRules: [cpuRule, cpuRule] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ path: 'alertRules.1.id' }] });
    await expect(store.update({ intervalMs: 10 } as Partial<Settings>)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get().intervalMs).toBe(2000);
  });

  it('says UNAVAILABLE and keeps the old settings when the file cannot be written', async () => {
    if (process.getuid?.() === 0) return;
    const dir = tempDir();
    const store = await openSettings(path.join(dir, 'settings.json'));
    chmodSync(dir, 0o500);
    try {
      await expect(store.update({ intervalMs: 2000 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(store.get().intervalMs).toBe(DEFAULT_SETTINGS.intervalMs);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('serialises concurrent updates: each merges into the last, none is lost', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const store = await openSettings(file);
    const seen: Settings[] = [];
    store.onChange((s) => seen.push(s));
    await Promise.all([store.update({ intervalMs: 2000 }), store.update({ closeToTray: false }), store.update({ startAtLogin: true }), store.update({ alertRules: [cpuRule] })]);
    const expected = { intervalMs: 2000, closeToTray: false, startAtLogin: true, alertRules: [cpuRule] };
    expect(store.get()).toEqual(expected);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expected);
    expect(seen.map((s) => s.intervalMs)).toEqual([2000, 2000, 2000, 2000]);
    expect(seen[3]).toEqual(expected);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  it('keeps everything in memory when the file is null', async () => {
    const store = await openSettings(null);
    await store.update({ intervalMs: 500 });
    expect(store.get().intervalMs).toBe(500);
  });
});

describe('settings through the api', () => {
  async function makeApi(readOnly: boolean, file: string) {
    const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
    const sampler = new Sampler(collector);
    const settings = await openSettings(file);
    const api = createMonitorApi(sampler, {
      version: '1',
      readOnly,
      transport: 'websocket',
      facts: await collector.readStatic(),
      roots: { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS },
      topics: new TopicRegistry(),
      settings,
    });
    return { api, sampler, settings };
  }

  it('updateSettings saves, answers the whole settings, and moves the sampler to a new interval', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const { api, sampler } = await makeApi(false, file);
    const r = await dispatch(api, { readOnly: false }, 'updateSettings', { intervalMs: 2000, alertRules: [cpuRule] });
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, intervalMs: 2000, alertRules: [cpuRule] } });
    expect(sampler.intervalMs).toBe(2000);
    expect(await dispatch(api, { readOnly: false }, 'getSettings', undefined)).toEqual(r);
    expect(JSON.parse(readFileSync(file, 'utf8')).intervalMs).toBe(2000);
  });

  it('setInterval persists the interval, so the next start uses it', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const { api } = await makeApi(false, file);
    expect(await dispatch(api, { readOnly: false }, 'setInterval', { ms: 5000 })).toEqual({ ok: true, value: { intervalMs: 5000 } });
    expect((await openSettings(file)).get().intervalMs).toBe(5000);
  });

  it('refuses updateSettings on a read-only host, and writes nothing', async () => {
    const file = path.join(tempDir(), 'settings.json');
    const { api, settings } = await makeApi(true, file);
    expect(await dispatch(api, { readOnly: true }, 'updateSettings', { intervalMs: 2000 })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(path.dirname(file))).toEqual([]);
    // Reading settings and alert history is fine read-only.
    expect(await dispatch(api, { readOnly: true }, 'getSettings', undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await dispatch(api, { readOnly: true }, 'getAlertHistory', undefined)).toEqual({ ok: true, value: [] });
  });

  it.each([
    [{ intervalMs: 1 }],
    [{ intervalMs: 1000, theme: 'dark' }],
    [{ closeToTray: 'yes' }],
    [{ alertRules: [{ ...cpuRule, abovePercent: 101 }] }],
    [{ alertRules: [{ ...cpuRule, forSeconds: -1 }] }],
    [{ alertRules: [{ ...cpuRule, kind: 'gpu' }] }],
    [{ alertRules: [{ ...cpuRule, extra: 1 }] }],
    [{ alertRules: [{ id: 'p', kind: 'processMemory', enabled: true, forSeconds: 0, nameMatch: '   ', aboveBytes: 1 }] }],
    [{ alertRules: [{ id: 'd', kind: 'diskUsage', enabled: true, forSeconds: 0, abovePercent: 50, mountpoint: '' }] }],
    [{ alertRules: Array.from({ length: 51 }, (_, i) => ({ ...cpuRule, id: `r${i}` })) }],
    [{ alertRules: [cpuRule, cpuRule] }],
    [undefined],
    [JSON.parse('{"__proto__": {"polluted": true}}')],
  ])('updateSettings(%j) → INVALID_ARGUMENT', async (patch) => {
    const { api, settings } = await makeApi(false, path.join(tempDir(), 'settings.json'));
    expect(await dispatch(api, { readOnly: false }, 'updateSettings', patch)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
