import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AlertEvent } from '../../../shared/settings';
import { useApi } from '../api/context';
import { KIND_LABELS } from '../alerts/rules';
import { formatClock } from '../format';
import { addNotice } from '../alerts/notice-list';
import './AlertNotices.css';

/**
 * Serve mode's stand-in for desktop notifications: a notice in the corner per
 * rule (its resolution replaces its firing), the newest few, until dismissed.
 * A live region, not a dialog: it is announced, and never takes focus from
 * what the user is doing. The page below gets room to scroll its last
 * controls clear of the stack (--notices-height).
 */
export function AlertNotices() {
  const api = useApi();
  const [{ notices, older }, setState] = useState<{ notices: AlertEvent[]; older: number }>({ notices: [], older: 0 });
  const box = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      api.onSnapshot((s) => {
        const alerts = s.alerts;
        if (!alerts || alerts.length === 0) return;
        setState((prev) => {
          const next = addNotice(prev.notices, alerts);
          return { notices: next.notices, older: prev.older + next.dropped };
        });
      }),
    [api],
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty('--notices-height', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--notices-height');
    };
  }, []);

  return (
    <div ref={box} className="notices" aria-live="polite" aria-label="Alert notices">
      {older > 0 && notices.length > 0 && (
        <div className="notice-more muted small">
          {older} earlier {older === 1 ? 'notice' : 'notices'} on the <a href="#/alerts">Alerts</a> page
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.state}`} role="status" data-testid="alert-notice">
          <div className="notice-text">
            <strong>
              {n.state === 'firing' ? 'Alert' : 'Resolved'}: {KIND_LABELS[n.kind]}
            </strong>
            <span className="muted small"> {formatClock(n.at)}</span>
            <div>{n.message}</div>
          </div>
          <button type="button" className="notice-close" aria-label={`Dismiss: ${n.message}`} onClick={() => setState((prev) => ({ ...prev, notices: prev.notices.filter((p) => p.id !== n.id) }))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
