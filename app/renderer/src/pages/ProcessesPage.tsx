import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/context';
import { ActionReport } from '../components/ActionReport';
import { useActionFlow, type ActionRequest } from '../components/ActionDialogs/useActionFlow';
import { ColumnChooser } from '../components/ColumnChooser';
import { PageHeader } from '../components/PageHeader';
import { ACTION_ITEMS, ActionToolbar, ContextMenu, hostHint } from '../components/ProcessActions';
import { actionsBlocked, platformOffers } from '../data/host-can';
import { ProcessDetails } from '../components/ProcessDetails/ProcessDetails';
import { ProcessTable, type DisplayRow } from '../components/ProcessTable';
import { hasPosixSignals, targetOf, type Target } from '../processes/actions';
import { takeOpenRequest, takeSearchRequest } from '../processes/open-request';
import { columnTopics, type ColumnId } from '../processes/columns';
import { usePortPids } from '../processes/use-port-pids';
import './ProcessesPage.css';
import { loadPrefs, moveColumn, savePrefs, type ProcessPrefs } from '../processes/prefs';
import { SortedRows, UsersOf } from '../processes/incremental';
import { clickSelection, DEFAULT_SORT, keepSelection, kernelRuleOf, keyOf, matchesFilter, moveCursor, NO_FILTER, nextSort, rowLookup, type ProcessFilter, type ProcessKey, type SortSpec } from '../processes/table';
import { buildTree, flattenTree } from '../processes/tree';
import { useSelectExactMatch } from '../processes/useSelectExactMatch';
import { descendantsOf } from '../processes/subtree';
import type { ProcessRow } from '../../../shared/payloads';
import { useMonitor } from '../store/context';
import { selectProcesses } from '../store/monitor';
import { ProcessFilters } from '../components/ProcessFilters';

const EMPTY: never[] = [];

/** The process manager: a live, sortable, searchable table (or tree) with actions and details. */
export function ProcessesPage() {
  const api = useApi();
  const set = useMonitor(selectProcesses);
  const info = useMonitor((s) => s.info);
  const rows = set?.rows ?? EMPTY;
  const change = set?.change;
  const [prefs, setPrefs] = useState<ProcessPrefs>(loadPrefs);
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  // Another page may hand over a search (the Services page's pid link).
  const [filter, setFilter] = useState<ProcessFilter>(() => {
    const search = takeSearchRequest();
    return search === null ? NO_FILTER : { ...NO_FILTER, search };
  });
  const portPids = usePortPids(filter.search);
  // The filter as applied: with the sockets a port: filter found.
  const kernelRule = useMemo(() => kernelRuleOf(hasPosixSignals(info?.constants)), [info]);
  const applied = useMemo(() => ({ ...filter, ...(portPids && { portPids }), isKernel: kernelRule.isKernel }), [filter, portPids, kernelRule]);
  const [chosen, setChosen] = useState<ReadonlySet<ProcessKey>>(new Set());
  const [cursor, setCursor] = useState<ProcessKey | null>(null);
  const [anchor, setAnchor] = useState<ProcessKey | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<ProcessKey>>(new Set());
  const [menu, setMenu] = useState<{ x: number; y: number; targets: Target[] } | null>(null);
  // A chart's culprit asked to be opened (CulpritPanel): its details open with the page.
  const [details, setDetails] = useState<Target | null>(takeOpenRequest);
  const search = useRef<HTMLInputElement>(null);
  // The same DisplayRow for the same row object: rows a tick left unchanged keep
  // their identity through the store, so their memoised cells skip rendering.
  const [flatRows] = useState(() => {
    const cache = new WeakMap<ProcessRow, DisplayRow>();
    const wrap = (row: ProcessRow) => {
      let item = cache.get(row);
      if (!item) cache.set(row, (item = { key: keyOf(row), row }));
      return item;
    };
    return new SortedRows<DisplayRow>(wrap, (d) => d.row);
  });
  const [userList] = useState(() => new UsersOf());
  const table = useRef<HTMLDivElement>(null);

  useEffect(() => savePrefs(prefs), [prefs]);
  const setColumnTopics = useMonitor((s) => s.setColumnTopics);
  useEffect(() => setColumnTopics(columnTopics(prefs.columns)), [prefs.columns, setColumnTopics]);
  const patchPrefs = useCallback((p: Partial<ProcessPrefs>) => setPrefs((old) => ({ ...old, ...p })), []);
  // Stable, so the memoised filter bar and column chooser skip the live ticks.
  const onTree = useCallback((tree: boolean) => patchPrefs({ tree }), [patchPrefs]);
  const onColumns = useCallback((columns: ProcessPrefs['columns']) => patchPrefs({ columns }), [patchPrefs]);
  const onConfirmDestructive = useCallback((confirmDestructive: boolean) => patchPrefs({ confirmDestructive }), [patchPrefs]);
  const onResize = useCallback((column: ColumnId, width: number) => setPrefs((old) => ({ ...old, widths: { ...old.widths, [column]: width } })), []);
  const onMove = useCallback((column: ColumnId, before: ColumnId | null) => setPrefs((old) => ({ ...old, columns: moveColumn(old.columns, column, before) })), []);

  const find = useMemo(() => rowLookup(rows), [rows]);
  // Selection survives ticks by identity; a process that went is dropped from it.
  const selected = useMemo(() => keepSelection(chosen, find), [chosen, find]);

  const display: DisplayRow[] = useMemo(() => {
    if (prefs.tree) {
      const filtering = filter.search.trim() !== '' || filter.user !== '' || filter.hideKernel || filter.onlyActive;
      return flattenTree(buildTree(rows), sort, collapsed, filtering ? (r) => matchesFilter(r, applied) : undefined).map((f) => ({
        key: f.node.key,
        row: f.node.row,
        depth: f.depth,
        hasChildren: f.node.children.length > 0,
        collapsed: f.collapsed,
        totals: f.node.totals,
      }));
    }
    return flatRows.get(rows, change, applied, sort);
  }, [rows, change, applied, filter, sort, prefs.tree, collapsed, flatRows]);
  useSelectExactMatch(filter.search, display, (key) => {
    setChosen(new Set([key]));
    setCursor(key);
    setAnchor(key);
  });
  // The visible order as keys, for the keyboard and Shift-click: made when one asks, not every tick.
  const visibleKeys = () => display.map((d) => d.key);
  const users = useMemo(() => userList.get(rows, change), [rows, change, userList]);

  const nameOf = useCallback((pid: number) => rows.find((r) => r.pid === pid)?.name, [rows]);
  const niceOf = useCallback((t: Target) => find(keyOf(t))?.nice ?? 0, [find]);
  const flow = useActionFlow({
    api,
    cpuCount: info?.cpuCountLogical ?? 1,
    confirmDestructive: prefs.confirmDestructive,
    setConfirmDestructive: (v) => patchPrefs({ confirmDestructive: v }),
    niceOf,
    nameOf,
    descendantsOf: (targets) => descendantsOf(rows, targets.map((t) => t.pid)).length,
  });
  const blocked = actionsBlocked(info);
  const actionItems = useMemo(() => ACTION_ITEMS.filter((a) => platformOffers(info, a.kind)).map((a) => ({ ...a, hint: hostHint(a, info?.constants) })), [info]);

  // The processes behind keys that are still in the table.
  const targetsOf = (keys: readonly ProcessKey[]): Target[] =>
    keys.flatMap((k) => {
      const row = find(k);
      return row ? [targetOf(row)] : [];
    });
  const selectedTargets = (): Target[] => targetsOf(selected.size ? [...selected] : cursor ? [cursor] : []);
  const act = (kind: ActionRequest, targets = selectedTargets()) => {
    if (blocked || !platformOffers(info, kind)) return;
    void flow.start(kind, targets);
  };
  const open = (key: ProcessKey) => {
    const row = find(key);
    if (row) setDetails(targetOf(row));
  };

  // "/" jumps to the search box, as in htop and less.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.altKey || e.metaKey || t?.closest('input, textarea, select, [role="dialog"]')) return;
      e.preventDefault();
      search.current?.focus();
      search.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openMenu = (key: ProcessKey, x: number, y: number) => {
    // Right-click on an unselected row acts on that row alone, as file managers do.
    const keys = selected.has(key) ? [...selected] : [key];
    if (!selected.has(key)) {
      setChosen(new Set([key]));
      setAnchor(key);
    }
    setCursor(key);
    setMenu({ x, y, targets: targetsOf(keys) });
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>, pageRows: number) => {
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      // The keyboard's context menu (Shift+F10, the Menu key): at the cursor row, as a right-click there would.
      const key = cursor ?? [...selected][0];
      if (!key) return;
      const box = (document.getElementById(`proc-row-${key.replace(/[:.]/g, '-')}`) ?? e.currentTarget).getBoundingClientRect();
      openMenu(key, box.left + 24, box.bottom);
    } else if (e.key === 'Enter') {
      if (cursor) open(cursor);
    } else if (e.key === 'Delete') {
      act(e.shiftKey ? 'kill' : 'terminate');
    } else if (prefs.tree && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && cursor) {
      setCollapsed((c) => {
        const n = new Set(c);
        if (e.key === 'ArrowLeft') n.add(cursor);
        else n.delete(cursor);
        return n;
      });
    } else if (e.key === 'Escape') {
      setChosen(new Set());
    } else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      setChosen(new Set(visibleKeys()));
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(e.key)) {
      const keys = visibleKeys();
      const next = moveCursor(keys, cursor, e.key, pageRows);
      if (next !== null) {
        setCursor(next);
        if (e.shiftKey && anchor) setChosen(clickSelection(keys, selected, anchor, next, { shift: true, ctrl: false }).selected);
        else {
          setChosen(new Set([next]));
          setAnchor(next);
        }
      }
    } else {
      return;
    }
    e.preventDefault();
  };

  // Stable, so that the memoised rows do not re-render for a new function each tick.
  const toggle = useCallback(
    (key: ProcessKey) =>
      setCollapsed((c) => {
        const n = new Set(c);
        if (n.has(key)) n.delete(key);
        else n.add(key);
        return n;
      }),
    [],
  );

  const count = set ? rows.length : null;
  return (
    <>
      <PageHeader title="Processes" topics={['processes']}>
        {count === null ? 'Waiting for the first process list…' : `${display.length} of ${count} processes${selected.size ? ` · ${selected.size} selected` : ''}`}
      </PageHeader>
      <section className="panel proc-panel" aria-label="Process list">
        <div className="proc-controls">
          <ProcessFilters filter={filter} onFilter={setFilter} kernelLabel={kernelRule.label} users={users} me={info?.user ?? null} searchRef={search} tree={prefs.tree} onTree={onTree} />
          <ColumnChooser columns={prefs.columns} onColumns={onColumns} confirmDestructive={prefs.confirmDestructive} onConfirmDestructive={onConfirmDestructive} />
        </div>
        <ActionToolbar count={selected.size || (cursor && find(cursor) ? 1 : 0)} items={actionItems} blocked={blocked} busy={flow.busy} onAction={(k) => act(k)} />
        {prefs.tree && <p className="muted small proc-legend">Tree view: bold CPU, memory, thread and I/O figures on a parent are totals for it and all its descendants. ← / → collapse and expand.</p>}
        {flow.report && <ActionReport report={flow.report} onDismiss={flow.dismissReport} />}
        <div ref={table} className="proc-table-wrap">
          <ProcessTable
            rows={display}
            columns={prefs.columns}
            sort={sort}
            selected={selected}
            cursor={cursor}
            tree={prefs.tree}
            widths={prefs.widths}
            onResize={onResize}
            onMove={onMove}
            onSort={(c) => setSort((s) => nextSort(s, c))}
            onClickRow={(key, mods) => {
              const r = clickSelection(visibleKeys(), selected, anchor, key, mods);
              setChosen(r.selected);
              setAnchor(r.anchor);
              setCursor(key);
            }}
            onOpen={open}
            onContextMenu={openMenu}
            onToggle={toggle}
            onKey={onKey}
          />
        </div>
      </section>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          title={menu.targets.length === 1 ? `${menu.targets[0]!.name} (${menu.targets[0]!.pid})` : `${menu.targets.length} processes`}
          items={actionItems}
          blocked={blocked}
          onClose={() => setMenu(null)}
          onDetails={() => {
            setMenu(null);
            setDetails(menu.targets[0] ?? null);
          }}
          // The identities captured when the menu opened: if one has gone since, the host says so.
          onAction={(kind) => act(kind, menu.targets)}
        />
      )}
      {flow.dialog}
      {details && (
        <ProcessDetails
          key={keyOf(details)}
          target={details}
          rows={rows}
          onOpen={open}
          onClose={() => {
            setDetails(null);
            table.current?.querySelector<HTMLElement>('[data-testid="process-table"]')?.focus();
          }}
        />
      )}
    </>
  );
}
