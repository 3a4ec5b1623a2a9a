import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlertRule, ApiError, DEFAULT_SETTINGS, MAX_ALERT_RULES, Settings, SettingsPatch, type Settings as SettingsValue, type SettingsPatch as SettingsPatchValue } from '../../shared';
import { acquireLock, type LockOptions } from './file-lock';
import { NotRegularFileError, readRegularFile } from './regular-file';
import { mergeSettings } from './settings-merge';
import { issuesInWords } from '../../shared/issue-words';
import type { z } from 'zod';

export interface SettingsStore {
  get(): SettingsValue;
  /**
   * Validates the merged result, saves it, then makes it current; rejects (and
   * changes nothing) when either fails. Another host's change to the same file
   * is merged in, or, when it changed the same setting or rule, refused with
   * CONFLICT (and the other host's settings become current).
   */
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

/** A settings file holds little (50 bounded rules): past this it is not one of ours. */
const MAX_SETTINGS_BYTES = 1 << 20;

/** What the file holds right now. */
type OnDisk = { kind: 'missing' } | { kind: 'good'; text: string; settings: SettingsValue } | { kind: 'bad'; why: string };

/** A FIFO, directory or device in the file's place is refused (NotRegularFileError); anything else that cannot be used is 'bad'. */
async function look(file: string, warn: Warn): Promise<OnDisk> {
  let text: string | null;
  try {
    text = await readRegularFile(file, MAX_SETTINGS_BYTES, 'settings file');
  } catch (err) {
    if (err instanceof NotRegularFileError) throw err;
    return { kind: 'bad', why: `cannot be read (${(err as Error).message})` };
  }
  if (text === null) return { kind: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: it quotes the file's bytes into the log.
    return { kind: 'bad', why: 'is not valid JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'bad', why: 'is not a JSON object' };
  return { kind: 'good', text, settings: parseSettingsFile(raw, warn) };
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}

/** 20261207T020154.123Z: ISO 8601 (basic format, so no ':' for filesystems that refuse it). */
function fileTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

/** The unusable file could not be moved aside: nothing may be written in its place. */
class CannotKeepAside extends Error {}

/**
 * A file that cannot be read as settings is never written over: it is moved
 * aside (0600, like the file) for its owner to repair, and the host goes on
 * without it. Done under the lock, after a fresh look, so a good file another
 * host has just written is never the one moved.
 */
async function keepAside(file: string, why: string, warn: Warn, then: string): Promise<void> {
  // Under the lock no other Procyon moves a file aside, so a free name stays free until the rename.
  let aside = `${file}.invalid-${fileTime(new Date())}`;
  for (let n = 2; await exists(aside); n++) aside = `${file}.invalid-${fileTime(new Date())}-${n}`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // gone meanwhile: nothing left to keep
    throw new CannotKeepAside(`${file} ${why}, and it could not be moved aside (${(err as Error).message})`);
  }
  await chmod(aside, 0o600);
  warn(`${file} ${why}; it is kept as ${aside}, ${then}`);
}

/**
 * Write beside the target and rename over it: a crash mid-write leaves the
 * old file or the new one, never half of one. 0600: alert rules can name
 * processes, which is nobody else's business.
 */
async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Another host's change cannot be merged with this one: the save is refused, and this host now shows the other's settings. */
class SettingsConflict extends ApiError {
  constructor(
    readonly theirs: SettingsValue,
    message: string,
  ) {
    super({ code: 'CONFLICT', message: `${message}; nothing was saved, and this host now holds the other's settings: reload them before changing again` });
  }
}

/**
 * One save, under the file's lock: read what is there now, merge this host's
 * change into it (settings-merge.ts), keep the file being replaced as .bak,
 * write. Resolves to what was written, which is this host's settings from then on.
 */
async function save(file: string, base: SettingsValue, ours: SettingsValue, warn: Warn, lockOptions: LockOptions): Promise<SettingsValue> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const release = await acquireLock(`${file}.lock`, lockOptions);
  try {
    const disk = await look(file, warn);
    if (disk.kind === 'bad') await keepAside(file, disk.why, warn, "and this host's settings are written in its place");
    const theirs = disk.kind === 'good' ? disk.settings : base;
    const merged = mergeSettings(base, theirs, ours);
    if (!merged.ok) {
      throw new SettingsConflict(theirs, `another Procyon changed ${merged.conflicts.join(', ')} in ${file} differently in the meantime`);
    }
    // Each side's change was valid alone; together they can pass a limit (the number of rules).
    const checked = Settings.safeParse(merged.settings);
    if (!checked.success) {
      throw new SettingsConflict(theirs, `together with what another Procyon saved in ${file} in the meantime, this change breaks a limit (${checked.error.issues.map((i) => i.message).join('; ')})`);
    }
    if (disk.kind === 'good') await writeAtomic(`${file}.bak`, disk.text);
    await writeAtomic(file, `${JSON.stringify(checked.data, null, 2)}\n`);
    return checked.data;
  } finally {
    await release();
  }
}

function invalid(error: { issues: readonly z.core.$ZodIssue[] }): ApiError {
  return new ApiError({
    code: 'INVALID_ARGUMENT',
    message: 'invalid settings',
    issues: issuesInWords(error),
  });
}

/**
 * A store over `file`, or in memory only when file is null (tests, `procyon
 * serve --no-settings`). Rejects with INVALID_ARGUMENT, naming the path, when
 * the path is a FIFO, a directory or a device: never a host that waits forever.
 */
export async function openSettings(file: string | null, warn: Warn = defaultWarn, lockOptions: LockOptions = {}): Promise<SettingsStore> {
  if (file === null) return createSettingsStore();
  let initial = DEFAULT_SETTINGS;
  const disk = await look(file, warn);
  if (disk.kind === 'good') initial = disk.settings;
  else if (disk.kind === 'bad') {
    try {
      const release = await acquireLock(`${file}.lock`, lockOptions);
      try {
        const again = await look(file, warn);
        if (again.kind === 'good') initial = again.settings;
        else if (again.kind === 'bad') await keepAside(file, again.why, warn, 'and the defaults are used');
      } finally {
        await release();
      }
    } catch (err) {
      if (err instanceof NotRegularFileError) throw err;
      const why = err instanceof CannotKeepAside ? err.message : `${file} ${disk.why} (${(err as Error).message})`;
      warn(`${why}; using the defaults, and no change is saved until the file is fixed or removed`);
    }
  }
  return createSettingsStore(initial, (ours, base) => save(file, base, ours, warn, lockOptions));
}

/**
 * The store itself; `persist` null keeps everything in memory. `persist(next,
 * base)` saves `next`, made from `base` (what this store holds), and resolves
 * to what it saved: `next` merged with changes other writers made meanwhile.
 */
export function createSettingsStore(
  initial: SettingsValue = DEFAULT_SETTINGS,
  persist: ((next: SettingsValue, base: SettingsValue) => Promise<SettingsValue>) | null = null,
): SettingsStore {
  let current = initial;
  const listeners = new Set<(s: SettingsValue) => void>();
  const publish = (next: SettingsValue) => {
    current = next;
    for (const l of [...listeners]) l(current);
  };
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
        let saved = merged.data;
        if (persist) {
          try {
            saved = await persist(merged.data, current);
          } catch (err) {
            if (err instanceof SettingsConflict) {
              publish(err.theirs);
              throw err;
            }
            throw new ApiError({ code: 'UNAVAILABLE', message: `settings could not be saved: ${(err as Error).message}` });
          }
        }
        publish(saved);
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
