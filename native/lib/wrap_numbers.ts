// psutil's _WrapNumbers: keeps counters that wrap around or reset (a NIC
// driver reloaded, a 32-bit counter overflowing) monotonic, by remembering
// the last raw values and adding what was lost. State is per instance, so
// each caller can hold its own.

type Counters = Record<string, number>;

interface Entry {
  last: Record<string, unknown>;
  /** Per key, per field: the total lost to wraps so far. */
  reminders: Map<string, Map<string, number>>;
}

export class WrapNumbers {
  private readonly entries = new Map<string, Entry>();

  /**
   * Returns `input` adjusted so no field is below what it was on the previous
   * call with the same `name`: when a raw value drops, the previous raw value
   * is added to it (and to every later value of that field). The first call
   * returns `input` unchanged; keys that disappear lose their adjustment.
   */
  run<T extends { [K in keyof T]: number }>(input: Record<string, T>, name: string): Record<string, T> {
    const entry = this.entries.get(name);
    if (!entry) {
      this.entries.set(name, { last: input, reminders: new Map() });
      return input;
    }
    for (const key of entry.reminders.keys()) {
      if (!Object.prototype.hasOwnProperty.call(input, key)) entry.reminders.delete(key);
    }
    const output: Record<string, T> = {};
    for (const [key, values] of Object.entries(input)) {
      const old = Object.prototype.hasOwnProperty.call(entry.last, key) ? (entry.last[key] as Counters) : undefined;
      if (!old) {
        output[key] = values;
        continue;
      }
      let reminders = entry.reminders.get(key);
      const adjusted: Counters = {};
      for (const [field, value] of Object.entries(values as Counters)) {
        const previous = old[field];
        if (previous !== undefined && value < previous) {
          reminders ??= new Map();
          entry.reminders.set(key, reminders);
          reminders.set(field, (reminders.get(field) ?? 0) + previous);
        }
        adjusted[field] = value + (reminders?.get(field) ?? 0);
      }
      output[key] = adjusted as unknown as T;
    }
    entry.last = input;
    return output;
  }

  /** Forgets the state of `name`, or of everything when omitted (psutil's cache_clear). */
  cacheClear(name?: string): void {
    if (name === undefined) this.entries.clear();
    else this.entries.delete(name);
  }

  /** Names with state, for tests and diagnostics. */
  cachedNames(): string[] {
    return [...this.entries.keys()];
  }
}
