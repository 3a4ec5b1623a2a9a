import './SortHeaderCells.css';

/** A column a page's table sorts by: its id (the sort key) and its header text. */
export interface SortableColumn<C extends string> {
  id: C;
  label: string;
}

/**
 * The header cells of a table sorted by one column at a time (Services, Apps):
 * each a button, the sorted one marked with aria-sort and an arrow. The page
 * keeps the sort state and decides what a click does (its own natural orders).
 */
export function SortHeaderCells<C extends string>({
  columns,
  sort,
  onSort,
  cellClass,
}: {
  columns: readonly SortableColumn<C>[];
  sort: { column: C; descending: boolean };
  onSort: (column: C) => void;
  cellClass?: (column: C) => string;
}) {
  return columns.map((c) => (
    <th key={c.id} scope="col" className={cellClass?.(c.id)} aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
        {c.label}
        {sort.column === c.id && <span aria-hidden="true">{sort.descending ? ' ▾' : ' ▴'}</span>}
      </button>
    </th>
  ));
}
