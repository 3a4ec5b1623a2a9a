// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings } from './settings';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('settings', () => {
  it('parse field by field, keeping what is valid', () => {
    expect(parseSettings({ rateUnit: 'bits', temperatureUnit: 'K', range: '1h', cpuModes: 'yes', intervalMs: 500 })).toEqual({
      rateUnit: 'bits',
      temperatureUnit: 'C',
      range: '1h',
      cpuModes: false,
    });
    // Older versions kept the tick length here; the host keeps it now.
    expect(parseSettings({ intervalMs: 500 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('round-trip through storage', () => {
    const storage = memoryStorage();
    const s = { ...DEFAULT_SETTINGS, temperatureUnit: 'F' as const, range: '24h' as const };
    saveSettings(s, storage);
    expect(storage.data.get('procyon.settings')).toBe('{"rateUnit":"bytes","temperatureUnit":"F","range":"24h","cpuModes":false}');
    expect(loadSettings(storage)).toEqual(s);
  });
  it('fall back to defaults on corrupt or unavailable storage', () => {
    expect(loadSettings(memoryStorage({ 'procyon.settings': '{not json' }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadSettings(throwing)).toEqual(DEFAULT_SETTINGS);
  });
});
