import type { ProcessRow } from '../../../shared/payloads';

/**
 * The processes under each root in the table as it is now (by ppid), the
 * roots not counted: what kill tree is about to end, for its confirmation.
 * A pid listed under two roots counts once.
 */
export function descendantsOf(rows: readonly ProcessRow[], roots: readonly number[]): ProcessRow[] {
  const children = new Map<number, ProcessRow[]>();
  for (const r of rows) {
    if (r.pid === r.ppid) continue;
    const list = children.get(r.ppid);
    if (list) list.push(r);
    else children.set(r.ppid, [r]);
  }
  const seen = new Set<number>(roots);
  const out: ProcessRow[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (seen.has(c.pid)) continue;
      seen.add(c.pid);
      out.push(c);
      stack.push(c.pid);
    }
  }
  return out;
}
