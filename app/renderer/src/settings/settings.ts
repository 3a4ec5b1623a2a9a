import type { RateUnit, TemperatureUnit } from '../format';
import { DEFAULT_RANGE, isRangeId, type RangeId } from './range';

/** What the user chose, kept across restarts. The theme has its own key (store/theme.ts). */
export interface Settings {
  rateUnit: RateUnit;
  temperatureUnit: TemperatureUnit;
  range: RangeId;
  /** Stack CPU charts by mode (user, system, iowait, irq, steal) instead of one total. */
  cpuModes: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  rateUnit: 'bytes',
  temperatureUnit: 'C',
  range: DEFAULT_RANGE,
  cpuModes: false,
};

/** The choices the interval setting offers: the 0.5 s to 10 s. */
export const INTERVAL_CHOICES_MS = [500, 1000, 2000, 5000, 10_000] as const;

const STORAGE_KEY = 'procyon.settings';

/**
 * Field by field, so one bad or outdated value (a renamed range, a hand-edited
 * key) falls back alone instead of discarding every other choice. An
 * `intervalMs` left by older versions is dropped: the host keeps the interval now.
 */
export function parseSettings(raw: unknown): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    rateUnit: r.rateUnit === 'bits' ? 'bits' : 'bytes',
    temperatureUnit: r.temperatureUnit === 'F' ? 'F' : 'C',
    range: isRangeId(r.range) ? r.range : DEFAULT_RANGE,
    cpuModes: r.cpuModes === true,
  };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Settings {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    return text ? parseSettings(JSON.parse(text)) : DEFAULT_SETTINGS;
  } catch {
    // Disabled storage or corrupt JSON: defaults still give a working dashboard.
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: Settings, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    /* see loadSettings */
  }
}
