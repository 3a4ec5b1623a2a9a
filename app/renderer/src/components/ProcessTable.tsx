import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { ProcessRow } from '../../../shared/payloads';
import { cellText, SUMMED } from '../processes/cells';
import { COLUMN_BY_ID, columnLabel, type ColumnId } from '../processes/columns';
import { priorityClasses, type PriorityClassTable } from '../processes/priority';
import { useMonitor } from '../store/context';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ProcessPrefs } from '../processes/prefs';
import { ColumnHeader } from './ColumnHeader';
import './ProcessTable.css';
import { RowSlots } from '../processes/dom-order';
import type { ProcessKey, SortSpec } from '../processes/table';
import type { Totals } from '../processes/tree';

export interface DisplayRow {
  key: ProcessKey;
  row: ProcessRow;
  /** Tree view only. */
  depth?: number;
  hasChildren?: boolean;
  collapsed?: boolean;
  totals?: Totals;
}

const ROW_HEIGHT = 28;

interface Props {
  rows: readonly DisplayRow[];
  columns: readonly ColumnId[];
  sort: SortSpec;
  selected: ReadonlySet<ProcessKey>;
  cursor: ProcessKey | null;
  tree: boolean;
  onSort(column: ColumnId): void;
  onClickRow(key: ProcessKey, mods: { shift: boolean; ctrl: boolean }): void;
  onOpen(key: ProcessKey): void;
  onContextMenu(key: ProcessKey, x: number, y: number): void;
  onToggle(key: ProcessKey): void;
  /** Arrow keys, Enter, Delete…: the page decides what they do. */
  onKey(e: KeyboardEvent<HTMLDivElement>, pageRows: number): void;
  /** Widths the user dragged. */
  widths: ProcessPrefs['widths'];
  onResize(column: ColumnId, width: number): void;
  /** Drop `column` before `before` (null: last). */
  onMove(column: ColumnId, before: ColumnId | null): void;
}

type Widths = Partial<Record<ColumnId, number>>;

/** The user's width (or the default), never below what the column's widest value and its header need. */
function widthOf(c: ColumnId, tree: boolean, widths: Widths, fitted: Widths): number {
  const chosen = widths[c] ?? COLUMN_BY_ID.get(c)!.width;
  return Math.max(chosen, fitted[c] ?? 0) + (tree && c === 'name' ? 110 : 0);
}

function template(columns: readonly ColumnId[], tree: boolean, widths: Widths, fitted: Widths): string {
  return columns.map((c) => (c === 'cmdline' ? `minmax(${widthOf(c, tree, widths, fitted)}px, 1fr)` : `${widthOf(c, tree, widths, fitted)}px`)).join(' ');
}

/**
 * The grid's width floor, given rather than left to `max-content`: that would
 * make the browser shape every visible command line in full on each tick only
 * to find how wide it could be (the cell ellipsises it anyway).
 */
function minWidth(columns: readonly ColumnId[], tree: boolean, widths: Widths, fitted: Widths): number {
  return columns.reduce((sum, c) => sum + widthOf(c, tree, widths, fitted), 0);
}

/**
 * What each numeric column needs, measured once in the table's own font: its
 * widest value (ColumnDef.widest) in a cell, and its header with a sort arrow.
 */
function useFittedWidths(measure: RefObject<HTMLDivElement | null>, again: string): Widths {
  const [fitted, setFitted] = useState<Widths>({});
  useLayoutEffect(() => {
    const run = () => {
      const el = measure.current;
      if (!el) return;
      const next: Widths = {};
      for (const span of el.querySelectorAll<HTMLElement>('[data-fit]')) {
        const id = span.dataset.fit as ColumnId;
        next[id] = Math.max(next[id] ?? 0, Math.ceil(span.getBoundingClientRect().width) + 2);
      }
      setFitted(next);
    };
    run();
    // Again once web fonts have loaded: a fallback font's digits may be narrower.
    let live = true;
    void document.fonts?.ready.then(() => live && run());
    return () => {
      live = false;
    };
    // `again`: what the samples depend on besides the columns (the host's priority class words).
  }, [measure, again]);
  return fitted;
}

/** Hidden samples the table measures (useFittedWidths): never seen, never read out. */
const Measure = memo(function Measure({ measureRef, priorityWords }: { measureRef: RefObject<HTMLDivElement | null>; priorityWords: readonly string[] }) {
  return (
    <div ref={measureRef} className="pt-measure" aria-hidden="true">
      {/* Where the host has priority classes, the Nice column shows their words ("Above normal"). */}
      {priorityWords.map((w) => (
        <span key={`nice-${w}`} data-fit="nice" className="pt-cell num">
          {w}
        </span>
      ))}
      {[...COLUMN_BY_ID.values()].flatMap((col) =>
        col.widest === undefined
          ? []
          : [
              <span key={`${col.id}-v`} data-fit={col.id} className="pt-cell num">
                {col.widest}
              </span>,
              <span key={`${col.id}-h`} data-fit={col.id} className="pt-sort">
                {columnLabel(col, priorityWords.length > 0)} ▼
              </span>,
            ],
      )}
    </div>
  );
});

/** The host's priority class words (none where priority is a nice value), one array while the host's table is the same. */
function usePriorityWords(): readonly string[] {
  const table: PriorityClassTable = useMonitor((s) => s.info?.constants.priorityClasses);
  return useMemo(() => priorityClasses(table).map((c) => c.word), [table]);
}

/** Command lines can be kilobytes long; the cell shows what fits and the tooltip has the rest. */
const CELL_CHARS = 400;

const Row = memo(function Row({
  item,
  columns,
  tree,
  onToggle,
}: {
  item: DisplayRow;
  columns: readonly ColumnId[];
  tree: boolean;
  onToggle(key: ProcessKey): void;
}) {
  const { row, totals } = item;
  const classes = useMonitor((s) => s.info?.constants.priorityClasses);
  const parentTotals = tree && item.hasChildren ? totals : undefined;
  return (
    <>
      {columns.map((c) => {
        const col = COLUMN_BY_ID.get(c)!;
        const summed = parentTotals && SUMMED.has(c);
        const text = cellText(c, row, summed ? parentTotals : undefined, classes);
        if (c === 'name') {
          return (
            <div role="gridcell" key={c} className="pt-cell pt-name" title={row.name}>
              {tree && <span className="pt-indent" style={{ width: (item.depth ?? 0) * 12 }} />}
              {tree &&
                (item.hasChildren ? (
                  <button
                    type="button"
                    className="pt-twisty"
                    tabIndex={-1}
                    aria-label={item.collapsed ? `Expand ${row.name}` : `Collapse ${row.name}`}
                    aria-expanded={!item.collapsed}
                    onClick={(e) => {
                      e.stopPropagation();
                      onToggle(item.key);
                    }}
                  >
                    {item.collapsed ? '▸' : '▾'}
                  </button>
                ) : (
                  <span className="pt-twisty" />
                ))}
              <span className="pt-text">{text}</span>
            </div>
          );
        }
        return (
          <div
            role="gridcell"
            key={c}
            className={`pt-cell${col.numeric ? ' num' : ''}${c === 'cmdline' ? ' pt-cmd mono' : ''}${summed ? ' pt-sum' : ''}${c === 'status' ? ` pt-status-${row.status}` : ''}`}
            title={summed ? `${text}: total of this process and its ${parentTotals!.count - 1} descendants` : c === 'cmdline' ? text : undefined}
          >
            {c === 'cmdline' && text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text}
          </div>
        );
      })}
    </>
  );
});

/** The row a mouse event happened in, by the key it carries. */
function rowKeyOf(e: MouseEvent): ProcessKey | null {
  return (e.target as Element).closest<HTMLElement>('[role="row"][data-key]')?.dataset.key ?? null;
}

const RowShell = memo(function RowShell({
  item,
  index,
  start,
  selected,
  isCursor,
  cols,
  floor,
  columns,
  tree,
  onToggle,
}: {
  item: DisplayRow;
  index: number;
  start: number;
  selected: boolean;
  isCursor: boolean;
  cols: string;
  floor: number;
  columns: readonly ColumnId[];
  tree: boolean;
  onToggle(key: ProcessKey): void;
}) {
  return (
    <div
      role="row"
      id={`proc-row-${item.key.replace(/[:.]/g, '-')}`}
      data-key={item.key}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-level={tree ? (item.depth ?? 0) + 1 : undefined}
      aria-expanded={tree && item.hasChildren ? !item.collapsed : undefined}
      data-pid={item.row.pid}
      className={`pt-row${selected ? ' selected' : ''}${isCursor ? ' cursor' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: cols, height: ROW_HEIGHT, minWidth: floor }}
    >
      <Row item={item} columns={columns} tree={tree} onToggle={onToggle} />
    </div>
  );
});

/** The virtualised process grid: only the rows in view are in the DOM, so 5,000 processes scroll smoothly. */
export function ProcessTable(props: Props) {
  const { rows, columns, sort, selected, cursor, tree } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const [rowSlots] = useState(() => new RowSlots<ProcessKey>());
  const virtualItems = virtualizer.getVirtualItems();
  const inView = new Map(virtualItems.map((v) => [rows[v.index]!.key, v]));
  const slots = rowSlots.assign([...inView.keys()]);
  const measureRef = useRef<HTMLDivElement>(null);
  const priorityWords = usePriorityWords();
  const fitted = useFittedWidths(measureRef, priorityWords.join('\n'));
  // While a header edge is dragged: the width under the pointer, committed (persisted) on release.
  const [dragWidth, setDragWidth] = useState<{ column: ColumnId; width: number } | null>(null);
  const widths = dragWidth ? { ...props.widths, [dragWidth.column]: dragWidth.width } : props.widths;
  const cols = template(columns, tree, widths, fitted);
  const floor = minWidth(columns, tree, widths, fitted);
  const onResizing = (column: ColumnId, width: number, done: boolean) => {
    const w = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, fitted[column] ?? 0, width)));
    if (done) {
      setDragWidth(null);
      props.onResize(column, w);
    } else setDragWidth({ column, width: w });
  };
  const cursorIndex = cursor === null ? -1 : rows.findIndex((r) => r.key === cursor);

  // Keep the cursor row in view when the keyboard moves it (not when ticks reorder rows).
  const lastCursor = useRef<ProcessKey | null>(null);
  useEffect(() => {
    if (cursor !== lastCursor.current && cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
    lastCursor.current = cursor;
  }, [cursor, cursorIndex, virtualizer]);

  const mods = (e: MouseEvent) => ({ shift: e.shiftKey, ctrl: e.ctrlKey || e.metaKey });

  return (
    <div
      ref={scrollRef}
      className="pt-scroll"
      role={tree ? 'treegrid' : 'grid'}
      aria-label="Processes"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      data-testid="process-table"
      aria-activedescendant={cursorIndex >= 0 ? `proc-row-${cursor!.replace(/[:.]/g, '-')}` : undefined}
      onKeyDown={(e) => props.onKey(e, Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 2))}
    >
      <div role="row" aria-rowindex={1} className="pt-head" style={{ gridTemplateColumns: cols, minWidth: floor }}>
        {columns.map((c) => (
          <ColumnHeader
            key={c}
            column={c}
            sort={sort}
            width={widthOf(c, tree, widths, fitted)}
            onSort={props.onSort}
            onResizing={onResizing}
            onMove={props.onMove}
          />
        ))}
      </div>
      <div
        role="rowgroup"
        className="pt-body"
        style={{ height: virtualizer.getTotalSize(), minWidth: floor }}
        // One handler each for all rows (found by data-key), so a row's props are
        // plain values and a row a tick did not touch skips rendering.
        onClick={(e) => {
          const key = rowKeyOf(e);
          if (key) props.onClickRow(key, mods(e));
        }}
        onDoubleClick={(e) => {
          const key = rowKeyOf(e);
          if (key) props.onOpen(key);
        }}
        onContextMenu={(e) => {
          const key = rowKeyOf(e);
          if (!key) return;
          e.preventDefault();
          props.onContextMenu(key, e.clientX, e.clientY);
        }}
      >
        {/* Keyed by element, not by process: a process coming into view reuses the element of one that left (RowSlots). */}
        {slots.map(({ id, key }) => {
          const v = inView.get(key)!;
          return (
            <RowShell
              key={id}
              item={rows[v.index]!}
              index={v.index}
              start={v.start}
              selected={selected.has(key)}
              isCursor={key === cursor}
              cols={cols}
              floor={floor}
              columns={columns}
              tree={tree}
              onToggle={props.onToggle}
            />
          );
        })}
      </div>
      {rows.length === 0 && <p className="muted small pt-empty">No processes match.</p>}
      <Measure measureRef={measureRef} priorityWords={priorityWords} />
    </div>
  );
}
