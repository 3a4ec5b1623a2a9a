import { useEffect, useId, useRef, type ReactNode } from 'react';
import './Modal.css';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** The buttons row. */
  actions: ReactNode;
  onSubmit(): void;
}

/** A small modal form: focus moves in, Escape cancels, Enter submits. */
export function Modal({ title, onClose, children, actions, onSubmit }: Props) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    // The control a dialog names (its safe choice, its main field) first, wherever it sits; else the first one.
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    return () => prev?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h3 id={id}>{title}</h3>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </form>
    </div>
  );
}
