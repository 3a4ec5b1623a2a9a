import type { ReactNode } from 'react';
import { fieldWords, psutilName } from '../../data/field-names';
import './values.css';

/** An attribute psutil could not read: getProcessDetails puts {error: {code, message}} in its place. */
export interface Unreadable {
  error: { code: string; message: string };
}

export function isUnreadable(v: unknown): v is Unreadable {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as Unreadable).error === 'object';
}

/** Whether the host's platform has the attribute at all: not where its collector answers UNSUPPORTED (a row for it is left out, not shown failing). */
export function supported(v: unknown): boolean {
  return !(isUnreadable(v) && v.error.code === 'UNSUPPORTED');
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

/** A psutil field in words, psutil's own name in the tooltip (a field without words shows as it is). */
export function FieldName({ field, record }: { field: string; record?: Readonly<Record<string, unknown>> }) {
  const words = fieldWords(field, record);
  if (words === field) return <>{field}</>;
  return (
    <span className="psutil-name" title={`psutil: ${psutilName(field)}`} data-psutil={psutilName(field)}>
      {words}
    </span>
  );
}

/** "Children, user 0.12 s, …": a psutil record's fields in words, each with its psutil name in a tooltip. */
export function FieldList({ values, format }: { values: Record<string, number>; format: (n: number, field: string) => string }) {
  return (
    <>
      {Object.entries(values).map(([k, n], i) => (
        <span key={k}>
          {i > 0 && ', '}
          <FieldName field={k} record={values} /> {format(n, k)}
        </span>
      ))}
    </>
  );
}

/** `psutil`: the keys are psutil field names, shown in words. */
export function KeyValues({ rows, label, psutil = false }: { rows: [string, ReactNode][]; label: string; psutil?: boolean }) {
  return (
    <dl className="kv" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} className="kv-row">
          <dt>{psutil ? <FieldName field={k} /> : k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of objects as a table: one column per key of the first entry. */
/** `tall`: a long list scrolls inside its own box; a short fixed one (limits) shows whole. */
export function ObjectTable({
  items,
  label,
  format,
  tall = true,
}: {
  items: Record<string, unknown>[];
  label: string;
  format?: Partial<Record<string, (v: unknown) => ReactNode>>;
  tall?: boolean;
}) {
  if (items.length === 0) return <p className="muted">None.</p>;
  const keys = Object.keys(items[0]!);
  return (
    <div className={tall ? 'table-wrap tall' : 'table-wrap'}>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {keys.map((k) => (
              <th scope="col" key={k}>
                <FieldName field={k} />
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
