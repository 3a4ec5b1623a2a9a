import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { COLUMNS, DETAILS_ONLY, type ColumnId } from '../processes/columns';
import { hostLacks } from '../data/host-can';
import { toggleColumn } from '../processes/prefs';
import { useMonitor } from '../store/context';
import { placePopover } from './popover-place';
import './ColumnChooser.css';

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
  // The GPU columns are offered where the host's collector can read GPUs.
  const noGpus = useMonitor((s) => hostLacks(s.info, 'gpus'));
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties>({ visibility: 'hidden' });
  // Placed against the window, not the button: anchored to the button's right edge it ran off the left of a narrow window.
  useLayoutEffect(() => {
    if (!open) return;
    const reposition = () => {
      const button = root.current?.querySelector('button');
      if (button && panel.current) setPlace(placePopover(button.getBoundingClientRect(), panel.current.offsetWidth, window.innerWidth, window.innerHeight));
    };
    reposition();
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    return () => {
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    };
  }, [open]);
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
  // Keeps the user's arrangement: a shown column joins where it belongs among the others.
  const toggle = (id: ColumnId) => onColumns(toggleColumn(columns, id));
  return (
    <div className="menu" ref={root}>
      <button type="button" className="tool-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns &amp; options
      </button>
      {open && (
        <div ref={panel} className="menu-panel wide column-chooser" style={place} role="dialog" aria-label="Columns and options">
          <fieldset className="column-grid">
            <legend>Columns</legend>
            {COLUMNS.filter((c) => c.topic !== 'processGpu' || !noGpus).map((c) => (
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
          <p className="muted small" data-testid="network-columns-help">
            Network in, out and total (Linux) are TCP only, from the kernel’s socket list, read only while shown: UDP (and so QUIC) has no byte counters and is not
            counted, bytes of a socket opened and closed between two ticks are lost, and without privileges other users’ sockets are summed as “other users’ processes”, not attributed to a process.
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
