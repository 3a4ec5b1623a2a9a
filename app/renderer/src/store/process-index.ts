import type { ProcessRow } from '../../../shared/payloads';
import { processKey, type ProcessDelta } from '../../../shared/process-delta';

/** What one change list did to the table: lets the page patch its sorted view instead of re-sorting. */
export interface ProcessChange {
  /** The table the change list applied to. */
  from: readonly ProcessRow[];
  /** Row objects in the new table that were not in `from` (new processes and new versions of changed ones). */
  added: readonly ProcessRow[];
  /** Row objects of `from` that are not in the new table (gone processes and old versions of changed ones). */
  removed: readonly ProcessRow[];
}

export interface Applied extends ProcessChange {
  rows: ProcessRow[];
}

/**
 * applyDelta (app/shared/process-delta.ts) with the pid index kept from one
 * tick to the next: rebuilding a 5,000-entry Map every second was the
 * store's share of a tick. Same rules, same row order, same result; and it
 * says which row objects came and went.
 */
export class ProcessIndex {
  private table: readonly ProcessRow[] | null = null;
  private readonly byPid = new Map<number, ProcessRow>();

  apply(prev: readonly ProcessRow[], delta: Pick<ProcessDelta, 'rows' | 'gone' | 'count'>): Applied | null {
    if (this.table !== prev) {
      this.byPid.clear();
      for (const r of prev) this.byPid.set(r.pid, r);
    }
    // Mutated in place from here on: any failure forgets the index, so the
    // next apply rebuilds it from whatever table the store then holds.
    this.table = null;
    const byPid = this.byPid;
    const removed: ProcessRow[] = [];
    const fresh = new Set<ProcessRow>();
    for (const key of delta.gone) {
      const row = byPid.get(Number.parseInt(key, 10));
      if (!row || processKey(row) !== key) return null;
      byPid.delete(row.pid);
      if (!fresh.delete(row)) removed.push(row);
    }
    for (const r of delta.rows) {
      const was = byPid.get(r.pid);
      if (was && was.createTime !== r.createTime) return null;
      if (was === r) continue;
      if (was && !fresh.delete(was)) removed.push(was);
      byPid.set(r.pid, r);
      fresh.add(r);
    }
    if (byPid.size !== delta.count) return null;
    // Sized once: grown by push, a 5,000-row array per tick is several times its size in garbage.
    const rows = new Array<ProcessRow>(byPid.size);
    let i = 0;
    for (const r of byPid.values()) rows[i++] = r;
    this.table = rows;
    return { rows, from: prev, added: [...fresh], removed };
  }

  /** The table changed some other way (a full table): the index is rebuilt on the next apply. */
  forget(): void {
    this.table = null;
  }
}
