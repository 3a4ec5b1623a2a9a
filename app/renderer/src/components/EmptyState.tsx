import type { ReactNode } from 'react';
import './EmptyState.css';

/** Says why there is nothing to show, so an empty page never looks broken. */
export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" role="status" data-testid={testId}>
      <h3>{title}</h3>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
