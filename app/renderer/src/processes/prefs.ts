import { COLUMN_BY_ID, DEFAULT_COLUMNS, isColumnId, type ColumnId } from './columns';

/** The process page's choices that outlive a session. */
export interface ProcessPrefs {
  /** The shown columns, in the order the user arranged them. */
  columns: ColumnId[];
  /** Widths the user dragged, px; a column not here has its default. */
  widths: Partial<Record<ColumnId, number>>;
  /** Ask before terminate / kill / kill tree / signals. */
  confirmDestructive: boolean;
  tree: boolean;
}

export const DEFAULT_PREFS: ProcessPrefs = { columns: DEFAULT_COLUMNS, widths: {}, confirmDestructive: true, tree: false };

/** The narrowest and widest a dragged column may be. */
export const MIN_COLUMN_WIDTH = 36;
export const MAX_COLUMN_WIDTH = 1200;

const KEY = 'procyon.processes';

function parseWidths(raw: unknown): ProcessPrefs['widths'] {
  const widths: ProcessPrefs['widths'] = {};
  if (!raw || typeof raw !== 'object') return widths;
  for (const [id, w] of Object.entries(raw)) {
    if (isColumnId(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));
  }
  return widths;
}

export function parsePrefs(raw: unknown): ProcessPrefs {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const columns = Array.isArray(r.columns) ? [...new Set(r.columns.filter(isColumnId))] : DEFAULT_COLUMNS;
  return {
    // PID and name always show: without them a row names nothing.
    columns: columns.includes('pid') && columns.includes('name') ? columns : DEFAULT_COLUMNS,
    widths: parseWidths(r.widths),
    confirmDestructive: r.confirmDestructive !== false,
    tree: r.tree === true,
  };
}

/** `columns` with `id` shown or hidden; a newly shown column goes where the full list has it relative to the shown ones. */
export function toggleColumn(columns: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (columns.includes(id)) return columns.filter((c) => c !== id);
  const order = [...COLUMN_BY_ID.keys()];
  const rank = order.indexOf(id);
  const at = columns.findIndex((c) => order.indexOf(c) > rank);
  return at === -1 ? [...columns, id] : [...columns.slice(0, at), id, ...columns.slice(at)];
}

/** `columns` with `moved` placed before `before` (null: at the end). */
export function moveColumn(columns: readonly ColumnId[], moved: ColumnId, before: ColumnId | null): ColumnId[] {
  if (moved === before || !columns.includes(moved)) return [...columns];
  const rest = columns.filter((c) => c !== moved);
  const at = before === null ? rest.length : rest.indexOf(before);
  return at === -1 ? [...rest, moved] : [...rest.slice(0, at), moved, ...rest.slice(at)];
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ProcessPrefs {
  try {
    const text = storage?.getItem(KEY);
    return text ? parsePrefs(JSON.parse(text)) : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(prefs: ProcessPrefs, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    /* storage disabled: the choice lasts this session */
  }
}
