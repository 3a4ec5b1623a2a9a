import { useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { COLUMN_BY_ID, columnLabel, isColumnId, type ColumnId } from '../processes/columns';
import { hasPriorityClasses } from '../processes/priority';
import { useMonitor } from '../store/context';
import type { SortSpec } from '../processes/table';
import './ColumnHeader.css';

interface Props {
  column: ColumnId;
  sort: SortSpec;
  /** The width the grid gives the column now, px. */
  width: number;
  onSort(column: ColumnId): void;
  /** While dragging the right edge (`done` false), and once on release. */
  onResizing(column: ColumnId, width: number, done: boolean): void;
  onMove(column: ColumnId, before: ColumnId | null): void;
}

// The drag carries the column id under our own type, so text or files dropped here are ignored.
const DRAG_TYPE = 'application/x-procyon-column';

/** A column's header: click sorts, drag the name to move the column, drag the right edge to resize it. */
export function ColumnHeader({ column, sort, width, onSort, onResizing, onMove }: Props) {
  const col = COLUMN_BY_ID.get(column)!;
  const label = columnLabel(col, useMonitor((s) => hasPriorityClasses(s.info?.constants.priorityClasses)));
  const active = sort.column === column;
  const [dropHere, setDropHere] = useState(false);
  const start = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (start.current) onResizing(column, start.current.width + e.clientX - start.current.x, false);
  };
  const onPointerUp = (e: PointerEvent<HTMLSpanElement>) => {
    if (!start.current) return;
    onResizing(column, start.current.width + e.clientX - start.current.x, true);
    start.current = null;
  };
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);

  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-column={column}
      className={`${col.numeric ? 'num ' : ''}pt-th${dropHere ? ' pt-drop' : ''}`}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setDropHere(true);
      }}
      onDragLeave={() => setDropHere(false)}
      onDrop={(e) => {
        setDropHere(false);
        const moved = e.dataTransfer.getData(DRAG_TYPE);
        if (!isColumnId(moved)) return;
        e.preventDefault();
        onMove(moved, column);
      }}
    >
      <button
        type="button"
        tabIndex={-1}
        draggable
        title={`Sort by ${col.title}; drag to move the column`}
        onClick={() => onSort(column)}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, column);
          e.dataTransfer.effectAllowed = 'move';
        }}
        className={active ? 'pt-sort active' : 'pt-sort'}
      >
        {label}
        {active && <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
      </button>
      <span
        className="pt-resize"
        aria-hidden="true"
        data-testid={`resize-${column}`}
        title={`Drag to resize ${label}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (start.current = null)}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
}
