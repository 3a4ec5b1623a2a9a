/**
 * The order the table's row elements sit in the DOM. Rows are placed by
 * transform and carry aria-rowindex, so DOM order is free to differ from the
 * visual order; keeping it stable means a tick that reorders the rows (a
 * process climbing the CPU sort) only moves them by transform. Rendered in
 * visual order instead, React re-inserts every row it passes over, and each
 * re-inserted row is styled and laid out from scratch.
 */
export function stableOrder<K>(prev: readonly K[], next: readonly K[]): K[] {
  const wanted = new Set(next);
  const out = prev.filter((k) => wanted.has(k));
  const placed = new Set(out);
  for (const k of next) if (!placed.has(k)) out.push(k);
  return out;
}

/** stableOrder against the previous render's order. */
export class StableOrder<K> {
  private last: readonly K[] = [];

  arrange(next: readonly K[]): K[] {
    const order = stableOrder(this.last, next);
    this.last = order;
    return order;
  }
}
