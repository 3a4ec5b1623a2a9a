// The top processes of each tick and of each history bucket (see
// shared/culprits.ts for what the values mean).
import { CULPRIT_KINDS, CULPRIT_NAME_CHARS, CULPRITS_PER_KIND, type Culprit, type CulpritKind, type Culprits, type ProcessRow } from '../../shared';

/**
 * A row that may have non-zero rates this tick: the live table's rows whose
 * counters moved or whose rates are still settling. Every other process's
 * rates are 0, so only these are ranked: a tick costs JS time for the
 * processes that did something, not for every process.
 */
export interface ActiveRow {
  row: ProcessRow;
  /** rss now minus rss at the previous tick, bytes (0 for a new process). */
  rssDelta: number;
}

/** Each kind's value of an active row over `seconds`, or 0 when it contributed nothing. */
const VALUE_OF: Record<CulpritKind, (a: ActiveRow, seconds: number, cpuCount: number) => number> = {
  cpu: (a, _s, cpuCount) => (a.row.cpuPercent ?? 0) / cpuCount,
  memory: (a, seconds) => (seconds > 0 ? a.rssDelta / seconds : 0),
  disk: (a) => (a.row.readBytesPerSec ?? 0) + (a.row.writeBytesPerSec ?? 0),
};

/** Values are kept to what a tooltip shows: shorter JSON for a day of history. */
const round = (kind: CulpritKind, v: number): number => (kind === 'cpu' ? Math.round(v * 100) / 100 : Math.round(v));

/** Inserts into `top` (largest first, at most CULPRITS_PER_KIND) when v makes the cut. */
function offer<T extends { value: number }>(top: T[], item: T): void {
  if (!(item.value > 0)) return;
  if (top.length === CULPRITS_PER_KIND && item.value <= top[top.length - 1]!.value) return;
  let i = top.length;
  while (i > 0 && top[i - 1]!.value < item.value) i--;
  top.splice(i, 0, item);
  if (top.length > CULPRITS_PER_KIND) top.pop();
}

const culpritOf = (row: ProcessRow, value: number): Culprit => ({ pid: row.pid, createTime: row.createTime, name: row.name.slice(0, CULPRIT_NAME_CHARS), value });

/** The tick's top processes per kind, from its active rows; `seconds` is the tick's length. */
export function pickCulprits(active: readonly ActiveRow[], seconds: number, cpuCount: number): Culprits {
  const out: Culprits = {};
  for (const kind of CULPRIT_KINDS) {
    const value = VALUE_OF[kind];
    const top: { a: ActiveRow; value: number }[] = [];
    for (const a of active) offer(top, { a, value: value(a, seconds, Math.max(1, cpuCount)) });
    if (top.length > 0) out[kind] = top.map((t) => culpritOf(t.a.row, round(kind, t.value)));
  }
  return out;
}

/**
 * A bucket's culprits: each process ranked by its time-weighted average over
 * the bucket (its values summed, each times the span of the point it came
 * from, divided by the bucket's span), counting 0 where a finer point did not
 * list it. That average is exactly how much the process moved the bucket's
 * averaged chart point, so a process that spiked for one second of a minute
 * weighs a sixtieth of its spike, as on the chart, and one that ran the whole
 * minute ranks by what it used. Since finer points keep only their top
 * CULPRITS_PER_KIND, a process just below that cut in every finer point is
 * under-counted (a lower bound): the price of keeping three per point.
 */
export class CulpritSum {
  private readonly sums = new Map<CulpritKind, Map<string, Culprit>>();
  private weight = 0;

  add(culprits: Culprits | undefined, weight: number): void {
    this.weight += weight;
    if (culprits === undefined) return;
    for (const kind of CULPRIT_KINDS) {
      const list = culprits[kind];
      if (list === undefined) continue;
      let byProcess = this.sums.get(kind);
      if (byProcess === undefined) this.sums.set(kind, (byProcess = new Map()));
      for (const c of list) {
        const key = `${c.pid}:${c.createTime}`;
        const held = byProcess.get(key);
        if (held === undefined) byProcess.set(key, { ...c, value: c.value * weight });
        else held.value += c.value * weight;
      }
    }
  }

  /** The bucket's culprits, or undefined when no point had any; starts a new bucket. */
  take(): Culprits | undefined {
    let out: Culprits | undefined;
    for (const kind of CULPRIT_KINDS) {
      const byProcess = this.sums.get(kind);
      if (byProcess === undefined) continue;
      const top: Culprit[] = [];
      for (const c of byProcess.values()) offer(top, { ...c, value: c.value / this.weight });
      if (top.length > 0) (out ??= {})[kind] = top.map((c) => ({ ...c, value: round(kind, c.value) }));
    }
    this.sums.clear();
    this.weight = 0;
    return out;
  }
}
