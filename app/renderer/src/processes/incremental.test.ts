// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { diffRows } from '../../../shared/process-delta';
import { ProcessIndex } from '../../../shared/process-delta';
import { assignSlots, RowSlots } from './dom-order';
import { patchSorted, SortedRows, sortComparator, UsersOf } from './incremental';
import { filterRows, NO_FILTER, sortRows, usersOf, type ProcessFilter, type SortSpec } from './table';

// A small seeded generator, so a failure names the tick that broke and reruns the same way.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['bash', 'Bash', 'sleep', 'vim', 'kworker/0', 'node', 'Xorg'];
const USERS = ['root', 'alice', 'bob', null];

function makeRow(rnd: () => number, pid: number, createTime: number): ProcessRow {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return {
    pid,
    createTime,
    ppid: Math.floor(rnd() * 40),
    name: pick(NAMES),
    username: pick(USERS),
    status: pick(['sleeping', 'running', 'idle']),
    // Few distinct values, so ties (broken by pid) are common, as with 5,000 idle processes at 0.0.
    cpuPercent: rnd() < 0.1 ? null : pick([0, 0, 0, 0.5, 1, 12.5]),
    cpuTimes: Math.floor(rnd() * 5),
    rss: pick([1024, 2048, 4096]),
    vms: 8192,
    memoryPercent: pick([0.1, 0.2]),
    numThreads: pick([1, 2, 8]),
    nice: pick([0, 5, -5]),
    cmdline: rnd() < 0.2 ? [] : [`/bin/${pick(NAMES)}`, pick(['-a', '--x', 'run'])],
    readBytesPerSec: rnd() < 0.2 ? null : pick([0, 100]),
    writeBytesPerSec: 0,
    terminal: null,
    cpuNum: 0,
  };
}

/** A table and a stream of next tables: rows changed, processes gone and new, pids reused. */
function tables(seed: number, ticks: number, size = 60): ProcessRow[][] {
  const rnd = random(seed);
  let nextPid = 1;
  let table = Array.from({ length: size }, () => makeRow(rnd, nextPid++, 100));
  const out = [table];
  for (let t = 1; t <= ticks; t++) {
    const next: ProcessRow[] = [];
    for (const r of table) {
      const x = rnd();
      if (x < 0.08) continue; // gone
      if (x < 0.3) next.push({ ...makeRow(rnd, r.pid, r.createTime), ppid: r.ppid });
      else next.push(r); // unchanged: the same object, as the store keeps it
    }
    for (let k = Math.floor(rnd() * 6); k > 0; k--) {
      // A reused pid (a gone one) now and then, else a fresh one.
      const gone = table.find((r) => !next.some((n) => n.pid === r.pid));
      const pid = gone && rnd() < 0.3 ? gone.pid : nextPid++;
      if (!next.some((n) => n.pid === pid)) next.push(makeRow(rnd, pid, 100 + t));
    }
    table = next;
    out.push(table);
  }
  return out;
}

const SORTS: SortSpec[] = [
  { column: 'cpu', dir: 'desc' },
  { column: 'cpu', dir: 'asc' },
  { column: 'name', dir: 'asc' },
  { column: 'user', dir: 'desc' },
  { column: 'read', dir: 'desc' },
  { column: 'cmdline', dir: 'asc' },
  { column: 'pid', dir: 'asc' },
];
const FILTERS: ProcessFilter[] = [NO_FILTER, { ...NO_FILTER, onlyActive: true }, { ...NO_FILTER, search: 'BA' }, { ...NO_FILTER, search: 'bash' }, { ...NO_FILTER, search: '7' }, { ...NO_FILTER, user: 'alice', hideKernel: true }];

/** Applies each table as the live stream does: a change list against the previous one, through the store's index. */
function* live(seed: number, ticks: number) {
  const index = new ProcessIndex();
  const all = tables(seed, ticks);
  let held = all[0]!;
  yield { rows: held, change: undefined };
  for (let t = 1; t < all.length; t++) {
    const diff = diffRows(held, all[t]!);
    const applied = index.apply(held, { ...diff, count: all[t]!.length })!;
    expect(applied, `tick ${t}`).not.toBeNull();
    held = applied.rows;
    yield { rows: held, change: applied };
  }
}

describe('patchSorted', () => {
  it('gives what a full sort gives, for every column, direction and filter, tick after tick', () => {
    for (const sort of SORTS) {
      for (const filter of FILTERS) {
        for (const seed of [1, 2, 3]) {
          const view = new SortedRows<ProcessRow>(
            (r) => r,
            (r) => r,
          );
          let t = 0;
          for (const { rows, change } of live(seed, 25)) {
            const got = view.get(rows, change, filter, sort);
            const want = sortRows(filterRows(rows, filter), sort, filter.search);
            expect(got.map((r) => r.pid), `${sort.column} ${sort.dir} ${JSON.stringify(filter)} seed ${seed} tick ${t}`).toEqual(want.map((r) => r.pid));
            expect(got).toEqual(want);
            t++;
          }
        }
      }
    }
  });

  it('merges new rows among kept ones and drops removed ones', () => {
    const row = (pid: number, cpu: number) => ({ pid, cpuPercent: cpu }) as ProcessRow;
    const a = row(1, 9);
    const b = row(2, 5);
    const c = row(3, 5);
    const d = row(4, 1);
    const cmp = sortComparator({ column: 'cpu', dir: 'desc' });
    const id = (r: ProcessRow) => r;
    expect(patchSorted([a, b, c, d], id, new Set([b]), [row(5, 5), row(6, 10), row(7, 0)], cmp).map((r) => r.pid)).toEqual([6, 1, 3, 5, 4, 7]);
    expect(patchSorted([a, b], id, new Set(), [], cmp)).toEqual([a, b]);
  });

  it('keeps the wrapped items of rows a tick left alone, and recomputes in full when the sort changes', () => {
    const all = [...live(7, 3)];
    const wrap = (row: ProcessRow) => ({ row });
    const view = new SortedRows(wrap, (d: { row: ProcessRow }) => d.row);
    const first = view.get(all[0]!.rows, undefined, NO_FILTER, SORTS[0]!);
    const second = view.get(all[1]!.rows, all[1]!.change, NO_FILTER, SORTS[0]!);
    const kept = first.filter((d) => all[1]!.rows.includes(d.row));
    for (const d of kept) expect(second).toContain(d);
    expect(view.get(all[1]!.rows, all[1]!.change, NO_FILTER, SORTS[0]!)).toBe(second);
    const byName = view.get(all[1]!.rows, all[1]!.change, NO_FILTER, SORTS[2]!);
    expect(byName.map((d) => d.row)).toEqual(sortRows(all[1]!.rows, SORTS[2]!));
  });
});

describe('UsersOf', () => {
  it('matches usersOf tick after tick, and keeps the same array while the same users are there', () => {
    const users = new UsersOf();
    let last: string[] | null = null;
    for (const { rows, change } of live(11, 40)) {
      const got = users.get(rows, change);
      expect(got).toEqual(usersOf(rows));
      if (last && last.join() === got.join()) expect(got).toBe(last);
      last = got;
    }
  });
});

describe('assignSlots', () => {
  const ids = () => {
    let n = 100;
    return () => n++;
  };
  const keysOf = <K>(slots: readonly { key: K }[]) => slots.map((s) => s.key);

  it('keeps each process that stays in its element and gives a newcomer the element of one that left', () => {
    const first = assignSlots<string>([], ['a', 'b', 'c', 'd'], ids());
    expect(first).toEqual([
      { id: 100, key: 'a' },
      { id: 101, key: 'b' },
      { id: 102, key: 'c' },
      { id: 103, key: 'd' },
    ]);
    // a and c left, x and y came (in view order): they take a's and c's elements.
    const next = assignSlots(first, ['d', 'x', 'b', 'y'], ids());
    expect(next).toEqual([
      { id: 100, key: 'x' },
      { id: 101, key: 'b' },
      { id: 102, key: 'y' },
      { id: 103, key: 'd' },
    ]);
    // The survivors are the same objects: their rows see no change of element.
    expect(next[1]).toBe(first[1]);
    expect(next[3]).toBe(first[3]);
  });

  it('adds elements for more newcomers than leavers and drops the spare ones', () => {
    const first = assignSlots<string>([], ['a', 'b'], ids());
    let fresh = 7;
    const grown = assignSlots(first, ['b', 'c', 'a', 'e'], () => fresh++);
    expect(keysOf(grown)).toEqual(['a', 'b', 'c', 'e']);
    expect(grown.map((s) => s.id)).toEqual([100, 101, 7, 8]);
    const shrunk = assignSlots(grown, ['e', 'a'], ids());
    expect(shrunk).toEqual([
      { id: 100, key: 'a' },
      { id: 8, key: 'e' },
    ]);
  });

  it('shows every key in view exactly once, whatever the churn', () => {
    const slots = new RowSlots<number>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let made = new Set<number>();
    for (let tick = 0; tick < 200; tick++) {
      const start = rand(40);
      // Every 20 ticks the view changes size; between, it scrolls and reorders at a fixed size.
      const size = 5 + ((Math.floor(tick / 20) * 7) % 30);
      const view = Array.from({ length: size }, (_, i) => start + i).sort(() => rand(3) - 1);
      const got = slots.assign(view);
      expect(keysOf(got).sort((a, b) => a - b)).toEqual([...view].sort((a, b) => a - b));
      expect(new Set(got.map((s) => s.id)).size).toBe(got.length);
      // At a fixed size no element is ever added: each newcomer reuses a leaver's.
      if (tick % 20 === 0) made = new Set(got.map((s) => s.id));
      else expect(got.every((s) => made.has(s.id))).toBe(true);
    }
  });
});
