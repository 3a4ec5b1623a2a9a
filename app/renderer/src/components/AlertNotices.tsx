import { useEffect, useState } from 'react';
import type { AlertEvent } from '../../../shared/settings';
import { useApi } from '../api/context';
import { KIND_LABELS } from '../alerts/rules';
import { formatClock } from '../format';

const MAX_NOTICES = 5;

/**
 * Serve mode's stand-in for desktop notifications: each alert event of a tick
 * becomes a notice in the corner until dismissed. A live region, not a
 * dialog: it is announced, and never takes focus from what the user is doing.
 */
export function AlertNotices() {
  const api = useApi();
  const [notices, setNotices] = useState<AlertEvent[]>([]);

  useEffect(
    () =>
      api.onSnapshot((s) => {
        const alerts = s.alerts;
        if (alerts && alerts.length > 0) setNotices((prev) => [...prev, ...alerts].slice(-MAX_NOTICES));
      }),
    [api],
  );

  return (
    <div className="notices" aria-live="polite" aria-label="Alert notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.state}`} role="status" data-testid="alert-notice">
          <div className="notice-text">
            <strong>
              {n.state === 'firing' ? 'Alert' : 'Resolved'}: {KIND_LABELS[n.kind]}
            </strong>
            <span className="muted small"> {formatClock(n.at)}</span>
            <div>{n.message}</div>
          </div>
          <button type="button" className="notice-close" aria-label={`Dismiss: ${n.message}`} onClick={() => setNotices((prev) => prev.filter((p) => p.id !== n.id))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
