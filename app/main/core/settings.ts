import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlertRule, ApiError, DEFAULT_SETTINGS, MAX_ALERT_RULES, Settings, SettingsPatch, type Settings as SettingsValue, type SettingsPatch as SettingsPatchValue } from '../../shared';

export interface SettingsStore {
  get(): SettingsValue;
  /** Validates the merged result, saves it, then makes it current; rejects (and changes nothing) when either fails. */
  update(patch: SettingsPatchValue): Promise<SettingsValue>;
  /** Called after every successful update with the new settings; returns the unsubscribe. */
  onChange(listener: (settings: SettingsValue) => void): () => void;
}

type Warn = (message: string) => void;
const defaultWarn: Warn = (message) => console.warn(`procyon: ${message}`);

/**
 * Field by field, like the renderer's settings: a bad or outdated field (a
 * hand edit, a rule kind from a newer version) falls back alone instead of
 * costing the user every other choice. A bad rule is dropped, not the list.
 */
export function parseSettingsFile(raw: unknown, warn: Warn = defaultWarn): SettingsValue {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    warn('settings file is not a JSON object; using the defaults');
    return DEFAULT_SETTINGS;
  }
  const r = raw as Record<string, unknown>;
  const out: SettingsValue = { ...DEFAULT_SETTINGS };
  for (const key of ['intervalMs', 'closeToTray', 'startAtLogin'] as const) {
    if (!(key in r)) continue;
    const parsed = Settings.shape[key].safeParse(r[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
    else warn(`settings: ${key} ${JSON.stringify(r[key])} is invalid; using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
  }
  if ('alertRules' in r) {
    if (!Array.isArray(r.alertRules)) warn('settings: alertRules is not a list; starting with none');
    else {
      const rules: SettingsValue['alertRules'] = [];
      const ids = new Set<string>();
      for (const [i, candidate] of r.alertRules.entries()) {
        const rule = AlertRule.safeParse(candidate);
        if (!rule.success || ids.has(rule.data.id) || rules.length >= MAX_ALERT_RULES) {
          warn(`settings: alert rule ${i} is invalid, a duplicate or past the ${MAX_ALERT_RULES}-rule limit; dropped`);
          continue;
        }
        ids.add(rule.data.id);
        rules.push(rule.data);
      }
      out.alertRules = rules;
    }
  }
  return out;
}

async function readSettings(file: string, warn: Warn): Promise<SettingsValue> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read ${file} (${(err as Error).message}); using the defaults`);
    return DEFAULT_SETTINGS;
  }
  try {
    return parseSettingsFile(JSON.parse(text), warn);
  } catch {
    warn(`${file} is not valid JSON; using the defaults (it is replaced on the next change)`);
    return DEFAULT_SETTINGS;
  }
}

/**
 * Write beside the target and rename over it: a crash mid-write leaves the
 * old file or the new one, never half of one. 0600: alert rules can name
 * processes, which is nobody else's business.
 */
async function writeAtomic(file: string, settings: SettingsValue): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): ApiError {
  return new ApiError({
    code: 'INVALID_ARGUMENT',
    message: 'invalid settings',
    issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

/** A store over `file`, or in memory only when file is null (tests, `procyon serve --no-settings`). */
export async function openSettings(file: string | null, warn: Warn = defaultWarn): Promise<SettingsStore> {
  const initial = file === null ? DEFAULT_SETTINGS : await readSettings(file, warn);
  return createSettingsStore(initial, file === null ? null : (s) => writeAtomic(file, s));
}

/** The store itself; `persist` null keeps everything in memory. */
export function createSettingsStore(initial: SettingsValue = DEFAULT_SETTINGS, persist: ((s: SettingsValue) => Promise<void>) | null = null): SettingsStore {
  let current = initial;
  const listeners = new Set<(s: SettingsValue) => void>();
  // Updates run one after another, each merging into the result of the last,
  // so two quick patches can neither lose one another nor land out of order.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    update(patch) {
      const run = async () => {
        const checkedPatch = SettingsPatch.safeParse(patch);
        if (!checkedPatch.success) throw invalid(checkedPatch.error);
        const merged = Settings.safeParse({ ...current, ...checkedPatch.data });
        if (!merged.success) throw invalid(merged.error);
        if (persist) {
          try {
            await persist(merged.data);
          } catch (err) {
            throw new ApiError({ code: 'UNAVAILABLE', message: `settings could not be saved: ${(err as Error).message}` });
          }
        }
        current = merged.data;
        for (const l of [...listeners]) l(current);
        return current;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
