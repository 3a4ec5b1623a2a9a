// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { MonitorApi } from '../../../shared/api';
import type { ProcessRow } from '../../../shared/payloads';
import { outcomeOf, runAll, runOne, summarize, targetOf, type Outcome } from './actions';
import { moveColumn, parsePrefs, toggleColumn } from './prefs';
import { clickSelection, filterRows, keepSelection, keyOf, moveCursor, NO_FILTER, nextSort, rowLookup, sortRows, usersOf } from './table';
import { buildTree, flattenTree } from './tree';
import { appendRing } from '../store/process-ring';

const proc = (p: Partial<ProcessRow> & { pid: number }): ProcessRow => ({
  createTime: 1000 + p.pid,
  ppid: 1,
  name: `p${p.pid}`,
  username: 'alice',
  status: 'sleeping',
  cpuPercent: 0,
  cpuTimes: 0,
  rss: 1024,
  vms: 4096,
  memoryPercent: 0.1,
  numThreads: 1,
  nice: 0,
  cmdline: [`/bin/p${p.pid}`],
  readBytesPerSec: 0,
  writeBytesPerSec: 0,
  terminal: null,
  cpuNum: 0,
  ...p,
});

const rows = [
  proc({ pid: 1, ppid: 0, name: 'init', username: 'root', cpuPercent: 1, rss: 5000 }),
  proc({ pid: 2, ppid: 0, name: 'kthreadd', username: 'root', cmdline: [] }),
  proc({ pid: 3, ppid: 2, name: 'kworker/0', username: 'root', cmdline: [] }),
  proc({ pid: 10, ppid: 1, name: 'bash', cpuPercent: 5, rss: 3000, cmdline: ['bash', '--login'] }),
  proc({ pid: 11, ppid: 10, name: 'sleep', cpuPercent: null, rss: 100, cmdline: ['procyon-e2e-target', '300'] }),
  proc({ pid: 12, ppid: 10, name: 'Vim', cpuPercent: 20, rss: 9000, username: 'bob' }),
];

describe('sort', () => {
  it('orders by any column, nulls lowest, ties by pid', () => {
    expect(sortRows(rows, { column: 'cpu', dir: 'desc' }).map((r) => r.pid)).toEqual([12, 10, 1, 2, 3, 11]);
    expect(sortRows(rows, { column: 'cpu', dir: 'asc' }).map((r) => r.pid)).toEqual([11, 2, 3, 1, 10, 12]);
    expect(sortRows(rows, { column: 'rss', dir: 'desc' }).map((r) => r.pid).slice(0, 3)).toEqual([12, 1, 10]);
    expect(sortRows(rows, { column: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['bash', 'init', 'kthreadd', 'kworker/0', 'sleep', 'Vim']);
  });
  it('flips on the same column; a new numeric column starts descending, text ascending', () => {
    expect(nextSort({ column: 'cpu', dir: 'desc' }, 'cpu')).toEqual({ column: 'cpu', dir: 'asc' });
    expect(nextSort({ column: 'cpu', dir: 'desc' }, 'rss')).toEqual({ column: 'rss', dir: 'desc' });
    expect(nextSort({ column: 'cpu', dir: 'desc' }, 'name')).toEqual({ column: 'name', dir: 'asc' });
  });
});

describe('filter and search', () => {
  const pids = (f: Partial<typeof NO_FILTER>) => filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.pid);
  it('matches pid exactly, and name, user, command line in any case', () => {
    expect(pids({ search: '11' })).toEqual([11]);
    expect(pids({ search: 'VIM' })).toEqual([12]);
    expect(pids({ search: 'bob' })).toEqual([12]);
    expect(pids({ search: 'e2e-target' })).toEqual([11]);
    expect(pids({ search: '--login' })).toEqual([10]);
    expect(pids({ search: '  ' })).toHaveLength(rows.length);
  });
  it('quick filters: user, kernel threads, only active', () => {
    expect(pids({ user: 'root' })).toEqual([1, 2, 3]);
    expect(pids({ hideKernel: true })).toEqual([1, 10, 11, 12]);
    expect(pids({ onlyActive: true })).toEqual([1, 10, 12]);
    expect(usersOf(rows)).toEqual(['alice', 'bob', 'root']);
  });
});

describe('tree', () => {
  it('builds parent → children with totals rolled up', () => {
    const roots = buildTree(rows);
    expect(roots.map((r) => r.row.pid).sort()).toEqual([1, 2]);
    const init = roots.find((r) => r.row.pid === 1)!;
    expect(init.children.map((c) => c.row.pid)).toEqual([10]);
    expect(init.totals).toMatchObject({ cpuPercent: 26, rss: 17100, count: 4, numThreads: 4 });
    expect(init.children[0]!.totals).toMatchObject({ cpuPercent: 25, rss: 12100, count: 3 });
  });
  it('a parent started after its child is a reused pid, not the parent', () => {
    const roots = buildTree([proc({ pid: 5, ppid: 0, createTime: 9000 }), proc({ pid: 6, ppid: 5, createTime: 100 })]);
    expect(roots).toHaveLength(2);
  });
  it('flattens depth first with siblings sorted, honouring collapse and keeping ancestors of matches', () => {
    const roots = buildTree(rows);
    const flat = flattenTree(roots, { column: 'cpu', dir: 'desc' }, new Set());
    expect(flat.map((f) => [f.node.row.pid, f.depth])).toEqual([
      [1, 0],
      [10, 1],
      [12, 2],
      [11, 2],
      [2, 0],
      [3, 1],
    ]);
    const bash = keyOf(rows[3]!);
    expect(flattenTree(roots, { column: 'cpu', dir: 'desc' }, new Set([bash])).map((f) => f.node.row.pid)).toEqual([1, 10, 2, 3]);
    expect(flattenTree(roots, { column: 'pid', dir: 'asc' }, new Set(), (r) => r.name === 'sleep').map((f) => f.node.row.pid)).toEqual([1, 10, 11]);
  });
});

describe('selection', () => {
  it('keeps keys whose process is still there (pid AND createTime), same set when nothing went', () => {
    const sel = new Set([keyOf(rows[3]!), keyOf(rows[4]!)]);
    expect(keepSelection(sel, rowLookup(rows))).toBe(sel);
    const reused = rows.map((r) => (r.pid === 11 ? { ...r, createTime: r.createTime + 50 } : r));
    expect([...keepSelection(sel, rowLookup(reused))]).toEqual([keyOf(rows[3]!)]);
    expect(rowLookup(reused)(keyOf(rows[4]!))).toBeUndefined();
    expect(rowLookup(reused)(keyOf(rows[3]!))).toBe(rows[3]);
  });
  it('click, ctrl-click and shift-click over the visible order', () => {
    const vis = ['a', 'b', 'c', 'd'];
    let r = clickSelection(vis, new Set(), null, 'b', { shift: false, ctrl: false });
    expect([...r.selected]).toEqual(['b']);
    r = clickSelection(vis, r.selected, r.anchor, 'd', { shift: true, ctrl: false });
    expect([...r.selected]).toEqual(['b', 'c', 'd']);
    r = clickSelection(vis, r.selected, r.anchor, 'c', { shift: false, ctrl: true });
    expect([...r.selected].sort()).toEqual(['b', 'd']);
    expect(moveCursor(vis, 'b', 'ArrowDown', 10)).toBe('c');
    expect(moveCursor(vis, 'b', 'PageDown', 10)).toBe('d');
    expect(moveCursor(vis, null, 'ArrowDown', 10)).toBe('a');
    expect(moveCursor(vis, 'c', 'Home', 10)).toBe('a');
  });
  it('the details ring takes only the watched identity', () => {
    const w = { pid: 11, createTime: rows[4]!.createTime };
    const r1 = appendRing([], w, rows, 1000);
    expect(r1).toEqual([{ t: 1000, cpu: 0, rss: 100, io: 0 }]);
    expect(appendRing(r1, { pid: 11, createTime: 1 }, rows, 2000)).toBe(r1);
    expect(appendRing(r1, w, rows, 2000, 1)).toHaveLength(1);
  });
});

describe('actions and results', () => {
  const t = targetOf(rows[4]!);
  it('words for each error code', () => {
    expect(outcomeOf(t, new ApiError({ code: 'NO_SUCH_PROCESS', message: 'x' })).message).toBe('sleep (11): process no longer exists');
    const denied = outcomeOf({ ...t, username: 'bob' }, new ApiError({ code: 'ACCESS_DENIED', message: 'x' }));
    expect(denied.kind).toBe('denied');
    expect(denied.message).toContain('belongs to bob');
    expect(outcomeOf(t, new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'pid 1' })).kind).toBe('confirm');
  });
  it('summaries: one process in words, several counted', () => {
    const ok: Outcome = { target: t, kind: 'ok', message: 'sleep (11): done' };
    const gone: Outcome = { target: t, kind: 'gone', message: 'sleep (11): process no longer exists' };
    expect(summarize('Kill', [ok])).toBe('Kill: sleep (11): done');
    expect(summarize('Kill', [gone])).toBe('sleep (11): process no longer exists');
    expect(summarize('Kill', [ok, ok, gone])).toBe('Kill on 3 processes: 2 done, 1 no longer exist');
    expect(summarize('Kill', [])).toBe('Kill: cancelled');
  });
  it('runs one request per target with its identity, and retries with confirm only when asked', async () => {
    const calls: unknown[] = [];
    const api = {
      processAction: (r: { pid: number; confirm?: boolean }) => {
        calls.push(r);
        if (r.pid === 1 && !r.confirm) return Promise.reject(new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'PID 1' }));
        return Promise.resolve({ ok: true });
      },
    } as unknown as MonitorApi;
    const out = await runAll(api, [targetOf(rows[0]!), t], { kind: 'terminate' });
    expect(out.map((o) => o.kind)).toEqual(['confirm', 'ok']);
    expect(calls[1]).toEqual({ pid: 11, createTime: t.createTime, action: { kind: 'terminate' } });
    const again = await runAll(api, [targetOf(rows[0]!)], { kind: 'terminate' }, true);
    expect(again[0]!.kind).toBe('ok');
  });
  it('kill tree: a member that survived is an error, never "done"', async () => {
    const api = {
      killTree: () =>
        Promise.resolve([
          { pid: 11, result: 'terminated' },
          { pid: 12, result: 'survived', error: { code: 'INTERNAL', message: 'still running after SIGTERM' } },
        ]),
    } as unknown as MonitorApi;
    const out = await runOne(api, t, { kind: 'killTree' });
    expect(out.map((o) => o.kind)).toEqual(['ok', 'error']);
    expect(out[1]!.message).toContain('survived (still running after SIGTERM)');
    expect(summarize('Kill tree', out)).toBe('Kill tree on 2 processes: 1 done, 1 failed');
  });
});

describe('prefs', () => {
  it('falls back field by field and always keeps pid and name', () => {
    expect(parsePrefs({ columns: ['pid', 'name', 'ppid', 'bogus'], confirmDestructive: false, tree: true })).toEqual({ columns: ['pid', 'name', 'ppid'], widths: {}, confirmDestructive: false, tree: true });
    expect(parsePrefs({ columns: ['cpu'] }).columns).toContain('pid');
    expect(parsePrefs(null).confirmDestructive).toBe(true);
  });

  it('keeps dragged widths within bounds and drops unknown columns', () => {
    expect(parsePrefs({ widths: { name: 300.4, cpu: 5, bogus: 80, user: 'wide', rss: 1e9 } }).widths).toEqual({ name: 300, cpu: 36, rss: 1200 });
  });

  it('moves a column before another and shows a column where it belongs', () => {
    expect(moveColumn(['pid', 'name', 'cpu', 'cmdline'], 'cpu', 'pid')).toEqual(['cpu', 'pid', 'name', 'cmdline']);
    expect(moveColumn(['pid', 'name', 'cpu'], 'pid', null)).toEqual(['name', 'cpu', 'pid']);
    expect(toggleColumn(['name', 'pid', 'cmdline'], 'ppid')).toEqual(['name', 'pid', 'ppid', 'cmdline']);
    expect(toggleColumn(['name', 'pid', 'ppid'], 'ppid')).toEqual(['name', 'pid']);
  });
});

describe('store', () => {
  it('keeps process rows out of history, and fills the details ring only for the watched process', async () => {
    const { createMonitorStore } = await import('../store/monitor');
    const store = createMonitorStore();
    store.getState().watchProcess({ pid: 11, createTime: rows[4]!.createTime });
    store.getState().applySnapshot({ seq: 1, time: 1000, processes: rows } as never);
    store.getState().applySnapshot({ seq: 2, time: 2000, processes: rows } as never);
    expect(store.getState().history.every((s) => !('processes' in s))).toBe(true);
    expect(store.getState().processes?.rows).toBe(rows);
    expect(store.getState().watchedRing.map((p) => p.t)).toEqual([1000, 2000]);
    store.getState().watchProcess(null);
    expect(store.getState().watchedRing).toEqual([]);
  });

  it('applies live change lists to the table it holds, and says when one does not fit', async () => {
    const { createMonitorStore } = await import('../store/monitor');
    const { diffRows } = await import('../../../shared/process-delta');
    const store = createMonitorStore();
    const apply = (seq: number, processDelta: object) => store.getState().applySnapshot({ seq, time: seq * 1000, processDelta } as never);
    expect(apply(1, { base: null, rows, gone: [], count: rows.length })).toBe(true);
    const next = [...rows.slice(1), { ...rows[2]!, pid: 999, createTime: 5 }];
    next[0] = { ...next[0]!, cpuPercent: 77 };
    expect(apply(2, { base: 1, ...diffRows(rows, next), count: next.length })).toBe(true);
    const held = store.getState().processes!;
    expect(held.seq).toBe(2);
    expect(held.rows.map((r) => r.pid).sort()).toEqual(next.map((r) => r.pid).sort());
    expect(held.rows.find((r) => r.pid === next[0]!.pid)?.cpuPercent).toBe(77);
    // Unchanged rows are the very same objects, so memoised rows do not re-render.
    expect(held.rows).toContain(rows[3]);
    // A change list against a tick this store never had: refused, table kept, the caller refetches.
    expect(apply(4, { base: 3, rows: [], gone: [], count: next.length })).toBe(false);
    expect(store.getState().processes).toBe(held);
    store.getState().setProcesses({ seq: 4, time: 4000, processes: rows } as never);
    expect(store.getState().processes).toMatchObject({ seq: 4, rows });
  });
});
