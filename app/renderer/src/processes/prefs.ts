import { DEFAULT_COLUMNS, isColumnId, type ColumnId } from './columns';

/** The process page's choices that outlive a session. */
export interface ProcessPrefs {
  columns: ColumnId[];
  /** Ask before terminate / kill / kill tree / signals. */
  confirmDestructive: boolean;
  tree: boolean;
}

export const DEFAULT_PREFS: ProcessPrefs = { columns: DEFAULT_COLUMNS, confirmDestructive: true, tree: false };

const KEY = 'procyon.processes';

export function parsePrefs(raw: unknown): ProcessPrefs {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const columns = Array.isArray(r.columns) ? [...new Set(r.columns.filter(isColumnId))] : DEFAULT_COLUMNS;
  return {
    // PID and name always show: without them a row names nothing.
    columns: columns.includes('pid') && columns.includes('name') ? columns : DEFAULT_COLUMNS,
    confirmDestructive: r.confirmDestructive !== false,
    tree: r.tree === true,
  };
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
