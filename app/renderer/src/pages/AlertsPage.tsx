import { useEffect, useState } from 'react';
import { toApiError } from '../../../shared/errors';
import type { AlertEvent } from '../../../shared/settings';
import { useApi } from '../api/context';
import { KIND_LABELS } from '../alerts/rules';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { formatClock, formatDateTime } from '../format';

/** The host's alert history (the last 500 events), newest first, growing live. */
export function AlertsPage() {
  const api = useApi();
  const [events, setEvents] = useState<AlertEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Ticks that arrive before the history does are merged in by id, so none is shown twice or lost.
    const early: AlertEvent[] = [];
    const merge = (prev: AlertEvent[], more: AlertEvent[]) => {
      const seen = new Set(prev.map((e) => e.id));
      return [...prev, ...more.filter((e) => !seen.has(e.id))];
    };
    let loaded = false;
    const off = api.onSnapshot((s) => {
      const alerts = s.alerts;
      if (!alerts) return;
      if (loaded) setEvents((prev) => merge(prev ?? [], alerts));
      else early.push(...alerts);
    });
    api
      .getAlertHistory()
      .then((history) => {
        loaded = true;
        if (live) setEvents(merge(history, early));
      })
      .catch((e: unknown) => live && setError(toApiError(e).message));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const newestFirst = events ? [...events].reverse() : [];
  return (
    <>
      <PageHeader title="Alerts">
        Every time an alert rule fired or resolved on this host since it started (the last 500). Rules are set in <a href="#/settings">Settings</a>.
      </PageHeader>
      <section className="panel" aria-label="Alert history">
        {error ? (
          <p className="bad" role="alert">
            {error}
          </p>
        ) : events === null ? (
          <p className="muted">Loading…</p>
        ) : events.length === 0 ? (
          <EmptyState title="No alerts yet">Nothing has fired since the host started.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="alert-history">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Subject</th>
                  <th scope="col">State</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((e) => (
                  <tr key={e.id}>
                    <td className="num" title={formatDateTime(e.at / 1000)}>
                      {formatClock(e.at)}
                    </td>
                    <td>{KIND_LABELS[e.kind]}</td>
                    <td>{e.subject ?? '—'}</td>
                    <td>
                      <span className={e.state === 'firing' ? 'pill pill-bad' : 'pill pill-ok'}>{e.state === 'firing' ? 'firing' : 'resolved'}</span>
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
