// psutil's _WrapNumbers: keeps counters that wrap or reset (a new value below
// the previous one) increasing across calls by adding the old value back.
// Generic over {key: number[]}, so any counters-by-device function can use it.

export class WrapNumbers {
  // Per cache name: the last raw input, the amounts added per (key, column),
  // and which (key, column) pairs each key has.
  readonly #cache = new Map<string, Map<string, readonly number[]>>();
  readonly #reminders = new Map<string, Map<string, number>>();
  readonly #reminderKeys = new Map<string, Map<string, Set<string>>>();

  /** Returns `input` adjusted so no number decreases relative to the previous call for `name`. */
  run(input: Map<string, readonly number[]>, name: string): Map<string, number[]> {
    const old = this.#cache.get(name);
    if (old === undefined) {
      this.#cache.set(name, input);
      this.#reminders.set(name, new Map());
      this.#reminderKeys.set(name, new Map());
      return new Map([...input].map(([key, values]) => [key, [...values]]));
    }
    const reminders = this.#reminders.get(name)!;
    const reminderKeys = this.#reminderKeys.get(name)!;

    // A key that disappeared (a disk removed) takes its reminders with it.
    for (const gone of old.keys()) {
      if (input.has(gone)) continue;
      for (const remkey of reminderKeys.get(gone) ?? []) reminders.delete(remkey);
      reminderKeys.delete(gone);
    }

    const output = new Map<string, number[]>();
    for (const [key, values] of input) {
      const previous = old.get(key);
      if (previous === undefined) {
        output.set(key, [...values]);
        continue;
      }
      output.set(
        key,
        values.map((value, i) => {
          const remkey = JSON.stringify([key, i]);
          const before = previous[i];
          if (before !== undefined && value < before) {
            reminders.set(remkey, (reminders.get(remkey) ?? 0) + before);
            let keys = reminderKeys.get(key);
            if (!keys) reminderKeys.set(key, (keys = new Set()));
            keys.add(remkey);
          }
          return value + (reminders.get(remkey) ?? 0);
        }),
      );
    }
    this.#cache.set(name, input);
    return output;
  }

  /** Forgets everything, or only what was kept for `name`. */
  cacheClear(name?: string): void {
    if (name === undefined) {
      this.#cache.clear();
      this.#reminders.clear();
      this.#reminderKeys.clear();
    } else {
      this.#cache.delete(name);
      this.#reminders.delete(name);
      this.#reminderKeys.delete(name);
    }
  }
}
