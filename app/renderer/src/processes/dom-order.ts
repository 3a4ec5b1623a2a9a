/** A row element of the table: its stable id (the React key) and the process it shows now. */
export interface Slot<K> {
  id: number;
  key: K;
}

/**
 * Which row element shows which process. Rows are placed by transform and
 * carry aria-rowindex, so neither the DOM order nor the element a process is
 * drawn in has to follow the visual order:
 * - a process still in view keeps its element, so a tick that reorders the
 *   rows (a process climbing the CPU sort) only moves them by transform.
 *   Rendered in visual order instead, React re-inserts every row it passes
 *   over, and each re-inserted row is styled and laid out from scratch;
 * - a process coming into view takes over the element of one that left, so a
 *   tick swaps the text of a row instead of removing one row of a dozen
 *   elements and inserting another (its style, layout objects and layout).
 * `prev` is the last result; `nextId` makes the id of an element added.
 */
export function assignSlots<K>(prev: readonly Slot<K>[], next: readonly K[], nextId: () => number): Slot<K>[] {
  const wanted = new Set(next);
  const kept = new Set<K>();
  for (const s of prev) if (wanted.has(s.key)) kept.add(s.key);
  const incoming = next.filter((k) => !kept.has(k));
  let n = 0;
  const out: Slot<K>[] = [];
  for (const s of prev) {
    if (kept.has(s.key)) out.push(s);
    else if (n < incoming.length) out.push({ id: s.id, key: incoming[n++]! });
  }
  while (n < incoming.length) out.push({ id: nextId(), key: incoming[n++]! });
  return out;
}

/** assignSlots against the previous render's elements. */
export class RowSlots<K> {
  private last: Slot<K>[] = [];
  private ids = 0;

  assign(next: readonly K[]): readonly Slot<K>[] {
    this.last = assignSlots(this.last, next, () => this.ids++);
    return this.last;
  }
}
