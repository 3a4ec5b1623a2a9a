import { memo, useEffect, useRef, useState } from 'react';
import { COLUMNS, DETAILS_ONLY, type ColumnId } from '../processes/columns';

interface Props {
  columns: readonly ColumnId[];
  onColumns(columns: ColumnId[]): void;
  confirmDestructive: boolean;
  onConfirmDestructive(v: boolean): void;
}

/** Which columns show (PID and Name always do), and whether destructive actions ask first. Kept in localStorage. */
// Memoised: the page re-renders every live tick, this only when its own props change.
export const ColumnChooser = memo(function ColumnChooser({ columns, onColumns, confirmDestructive, onConfirmDestructive }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  const toggle = (id: ColumnId) => {
    // Keep the table's own order whatever the click order.
    const next = new Set(columns);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onColumns(COLUMNS.map((c) => c.id).filter((c) => next.has(c)));
  };
  return (
    <div className="menu" ref={root}>
      <button type="button" className="tool-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns &amp; options
      </button>
      {open && (
        <div className="menu-panel wide" role="dialog" aria-label="Columns and options">
          <fieldset className="column-grid">
            <legend>Columns</legend>
            {COLUMNS.map((c) => (
              <label key={c.id} title={c.title}>
                <input type="checkbox" checked={columns.includes(c.id)} disabled={c.id === 'pid' || c.id === 'name'} onChange={() => toggle(c.id)} />
                {c.title}
              </label>
            ))}
          </fieldset>
          <p className="muted small">
            File descriptors, context switches (voluntary + involuntary, since start) and unique memory (what exiting would free) cost the host one more read per process each
            tick, so they are read only while shown; another user’s are “—” without privileges.
          </p>
          <p className="muted small">Only in a process’s details: {DETAILS_ONLY.join(', ')}.</p>
          <fieldset>
            <legend>Actions</legend>
            <label>
              <input type="checkbox" checked={confirmDestructive} onChange={(e) => onConfirmDestructive(e.target.checked)} />
              Ask before terminating or killing
            </label>
          </fieldset>
        </div>
      )}
    </div>
  );
});
