// Downsampling: many ticks → one, each number the mean of its ticks, so a
// 24-hour chart keeps the shape of the load rather than one random second of
// each minute. Shapes are matched by key and index; anything that is not a
// number (names, flags, null) is taken from the newest tick that has it.
// `weights` (default 1 each) let averages of averages stay exact: a bucket
// that stands for 5 ticks counts 5 times.

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function averageValues(values: readonly unknown[], weights?: readonly number[]): unknown {
  const present: unknown[] = [];
  const w: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || v === null) continue;
    present.push(v);
    w.push(weights?.[i] ?? 1);
  }
  const newest = present[present.length - 1];
  if (newest === undefined) return values[values.length - 1];
  if (typeof newest === 'number') {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < present.length; i++) {
      const v = present[i];
      if (typeof v !== 'number') continue;
      sum += weights ? v * w[i]! : v;
      total += w[i]!;
    }
    return sum / total;
  }
  if (Array.isArray(newest)) {
    // Arrays of records with a `name` (disks, NICs) are matched by name: a device may come and go.
    if (newest.every((e) => isRecord(e) && typeof e.name === 'string')) {
      return newest.map((e) => {
        const name = (e as { name: string }).name;
        return averageValues(
          present.map((arr) => (Array.isArray(arr) ? arr.find((x) => isRecord(x) && x.name === name) : undefined)),
          w,
        );
      });
    }
    return newest.map((_, i) => averageValues(present.map((arr) => (Array.isArray(arr) ? arr[i] : undefined)), w));
  }
  if (isRecord(newest)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(newest)) out[key] = averageValues(present.map((r) => (isRecord(r) ? r[key] : undefined)), w);
    return out;
  }
  return newest;
}
