// History's storage form of a point's culprits: their numbers in one
// Float64Array and their names in one array, interned. As objects, nine
// culprits cost about 1.3 KiB a point (nine objects, three arrays, a name
// string per culprit per tick, since each changed row brings a new one);
// packed, at most 27 numbers and 9 references: 3 × 8 + 9 × (3 × 8 + 8) = 312
// bytes of payload plus two array headers, whatever the names.
import { CULPRIT_KINDS, type Culprit, type Culprits } from '../../shared';

export interface PackedCulprits {
  /** Per kind in CULPRIT_KINDS order: its count, then pid, createTime, value for each culprit. */
  readonly numbers: Float64Array;
  readonly names: readonly string[];
}

/** Past this many distinct names the table starts over (names still held by packed points stay alive through them). */
export const MAX_NAMES = 4096;
const names = new Map<string, string>();

function intern(name: string): string {
  const held = names.get(name);
  if (held !== undefined) return held;
  if (names.size >= MAX_NAMES) names.clear();
  names.set(name, name);
  return name;
}

/** How many names the table holds now (for tests: it must stay bounded). */
export const internedNames = (): number => names.size;

export function packCulprits(c: Culprits | undefined): PackedCulprits | undefined {
  if (c === undefined) return undefined;
  let count = 0;
  for (const kind of CULPRIT_KINDS) count += c[kind]?.length ?? 0;
  if (count === 0) return undefined;
  const numbers = new Float64Array(CULPRIT_KINDS.length + 3 * count);
  const out: string[] = [];
  let i = 0;
  for (const kind of CULPRIT_KINDS) {
    const list = c[kind] ?? [];
    numbers[i++] = list.length;
    for (const x of list) {
      numbers[i++] = x.pid;
      numbers[i++] = x.createTime;
      numbers[i++] = x.value;
      out.push(intern(x.name));
    }
  }
  return { numbers, names: out };
}

export function unpackCulprits(p: PackedCulprits): Culprits {
  const out: Culprits = {};
  let i = 0;
  let n = 0;
  for (const kind of CULPRIT_KINDS) {
    const count = p.numbers[i++]!;
    if (count === 0) continue;
    const list: Culprit[] = [];
    for (let k = 0; k < count; k++, i += 3) list.push({ pid: p.numbers[i]!, createTime: p.numbers[i + 1]!, name: p.names[n++]!, value: p.numbers[i + 2]! });
    out[kind] = list;
  }
  return out;
}
