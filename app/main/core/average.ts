// Downsampling: many ticks → one, each number the mean of its ticks, so a
// 24-hour chart keeps the shape of the load rather than one random second of
// each minute. Shapes are matched by key and index; anything that is not a
// number (names, flags, null) is taken from the newest tick that has it.

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function averageValues(values: readonly unknown[]): unknown {
  const present = values.filter((v) => v !== undefined && v !== null);
  const newest = present[present.length - 1];
  if (newest === undefined) return values[values.length - 1];
  if (typeof newest === 'number') {
    const nums = present.filter((v): v is number => typeof v === 'number');
    return nums.reduce((a, b) => a + b, 0) / nums.length;
  }
  if (Array.isArray(newest)) {
    // Arrays of records with a `name` (disks, NICs) are matched by name: a device may come and go.
    if (newest.every((e) => isRecord(e) && typeof e.name === 'string')) {
      return newest.map((e) => {
        const name = (e as { name: string }).name;
        return averageValues(present.map((arr) => (Array.isArray(arr) ? arr.find((x) => isRecord(x) && x.name === name) : undefined)));
      });
    }
    return newest.map((_, i) => averageValues(present.map((arr) => (Array.isArray(arr) ? arr[i] : undefined))));
  }
  if (isRecord(newest)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(newest)) out[key] = averageValues(present.map((r) => (isRecord(r) ? r[key] : undefined)));
    return out;
  }
  return newest;
}
