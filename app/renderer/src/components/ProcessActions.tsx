import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Blocked } from '../data/host-can';
import { hasPosixSignals, signalNote, type ActionWords } from '../processes/actions';
import { hasPriorityClasses } from '../processes/priority';
import type { NiceRange } from '../processes/nice-input';
import type { ActionRequest } from './ActionDialogs/useActionFlow';
import './ProcessActions.css';

export interface ActionItem {
  kind: ActionRequest;
  label: string;
  /** Shown in the tooltip. */
  hint: string;
  danger?: boolean;
}

// The accessible names are the issue's: tests and screen readers find them by these.
export const ACTION_ITEMS: readonly ActionItem[] = [
  { kind: 'terminate', label: 'Terminate', hint: 'Ask to exit (SIGTERM) — Delete', danger: true },
  { kind: 'kill', label: 'Kill', hint: 'Force to exit (SIGKILL) — Shift+Delete', danger: true },
  { kind: 'suspend', label: 'Suspend', hint: 'Stop running (SIGSTOP)' },
  { kind: 'resume', label: 'Resume', hint: 'Continue (SIGCONT)' },
  { kind: 'renice', label: 'Change priority…', hint: 'Nice value -20…19' },
  { kind: 'ionice', label: 'I/O priority…', hint: 'I/O class and level' },
  { kind: 'setAffinity', label: 'CPU affinity…', hint: 'Which CPUs it may run on' },
  { kind: 'signal', label: 'Send signal…', hint: 'Any signal by name' },
  { kind: 'killTree', label: 'Kill tree', hint: 'Terminate the process and all its descendants, killing survivors', danger: true },
];

/** An item's tooltip in the host's terms: the signal only where the action is one there, the host's priority scale. */
export function hostHint(item: ActionItem, host: (ActionWords & { nice?: NiceRange }) | undefined): string {
  switch (item.kind) {
    // Where ending a process is no signal (Windows' TerminateProcess), both end it at once: it cannot ask to exit.
    case 'terminate':
      return hasPosixSignals(host) ? `Ask to exit${signalNote(host, 'SIGTERM')} — Delete` : 'End it now (exit code 15); it gets no chance to clean up — Delete';
    case 'kill':
      return hasPosixSignals(host) ? `Force to exit${signalNote(host, 'SIGKILL')} — Shift+Delete` : 'End it now (exit code 9); it gets no chance to clean up — Shift+Delete';
    case 'suspend':
      return `Stop running${signalNote(host, 'SIGSTOP')}`;
    case 'resume':
      return `Continue${signalNote(host, 'SIGCONT')}`;
    case 'renice':
      if (hasPriorityClasses(host?.priorityClasses)) return 'Priority class';
      return host?.nice ? `Nice value ${host.nice.min}…${host.nice.max}` : item.hint;
    case 'ionice':
      // Windows' ionice is one level (very low … high), with no class and no value.
      return Object.keys(host?.ioPriorities ?? {}).length > 0 ? 'I/O priority level' : item.hint;
    default:
      return item.hint;
  }
}

interface Props {
  count: number;
  /** The actions this platform offers (ACTION_ITEMS less what it lacks). */
  items: readonly ActionItem[];
  /** Why none can be taken now (read-only host, captured tree), or null. */
  blocked: Blocked | null;
  busy: boolean;
  onAction(kind: ActionRequest): void;
}

/** Acts on the selected rows. */
export function ActionToolbar({ count, items, blocked, busy, onAction }: Props) {
  const disabled = blocked !== null || busy || count === 0;
  return (
    <div role="toolbar" aria-label="Process actions" className="proc-toolbar">
      {items.map((a) => (
        <button
          key={a.kind}
          type="button"
          className={a.danger ? 'tool-button danger-text' : 'tool-button'}
          disabled={disabled}
          title={blocked ? blocked.hint : count === 0 ? 'Select a process first' : a.hint}
          onClick={() => onAction(a.kind)}
        >
          {a.label}
        </button>
      ))}
      {blocked && (
        <span className="pill pill-warn" title={blocked.hint} data-testid="actions-blocked">
          {blocked.label}
        </span>
      )}
    </div>
  );
}

/** The right-click menu over a row: the same actions, keyboard-navigable. */
export function ContextMenu({ x, y, title, items, blocked, onAction, onClose, onDetails }: { x: number; y: number; title: string; items: readonly ActionItem[]; blocked: Blocked | null; onAction(kind: ActionRequest): void; onClose(): void; onDetails(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  // Keep the menu on screen.
  const left = Math.min(x, window.innerWidth - 230);
  const top = Math.min(y, window.innerHeight - 380);
  return (
    <div ref={ref} role="menu" aria-label={title} className="context-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      <div className="context-title" aria-hidden="true">
        {title}
      </div>
      <button type="button" role="menuitem" onClick={onDetails}>
        Details
      </button>
      <hr />
      {items.map((a) => (
        <button
          key={a.kind}
          type="button"
          role="menuitem"
          className={a.danger ? 'danger-text' : undefined}
          disabled={blocked !== null}
          title={blocked ? blocked.hint : a.hint}
          onClick={() => {
            onClose();
            onAction(a.kind);
          }}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
