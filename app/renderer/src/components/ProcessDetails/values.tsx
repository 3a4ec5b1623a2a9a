import type { ReactNode } from 'react';

/** An attribute psutil could not read: getProcessDetails puts {error: {code, message}} in its place. */
export interface Unreadable {
  error: { code: string; message: string };
}

export function isUnreadable(v: unknown): v is Unreadable {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as Unreadable).error === 'object';
}

/** "access denied" (or why else it is missing) instead of the value. */
export function Missing({ value }: { value: Unreadable }) {
  const denied = value.error.code === 'ACCESS_DENIED';
  return (
    <span className="muted" title={value.error.message}>
      {denied ? 'access denied' : value.error.code === 'UNSUPPORTED' ? 'not supported here' : `unavailable (${value.error.code})`}
    </span>
  );
}

/** Renders `value` with `render`, or says why it is missing; null/undefined → "—". */
export function Field<T>({ value, render }: { value: unknown; render?: (v: T) => ReactNode }): ReactNode {
  if (isUnreadable(value)) return <Missing value={value} />;
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  return render ? render(value as T) : String(value);
}

export function KeyValues({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
  return (
    <dl className="kv" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} className="kv-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of objects as a table: one column per key of the first entry. */
export function ObjectTable({ items, label, format }: { items: Record<string, unknown>[]; label: string; format?: Partial<Record<string, (v: unknown) => ReactNode>> }) {
  if (items.length === 0) return <p className="muted">None.</p>;
  const keys = Object.keys(items[0]!);
  return (
    <div className="table-wrap tall">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {keys.map((k) => (
              <th scope="col" key={k}>
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k} className={typeof it[k] === 'number' ? 'num' : 'mono'}>
                  {format?.[k] ? format[k]!(it[k]) : it[k] === null || it[k] === undefined ? '—' : typeof it[k] === 'object' ? JSON.stringify(it[k]) : String(it[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
