import type { Outcome } from '../processes/actions';
import type { Report } from './ActionDialogs/useActionFlow';
import './ActionReport.css';

/** What the last action did, per process: the host's answer in words. */
// Only each outcome's kind and words: a service's report (the Services page) has no process target.
export function ActionReport({ report, onDismiss }: { report: Pick<Report, 'summary'> & { outcomes: readonly Pick<Outcome, 'kind' | 'message'>[] }; onDismiss(): void }) {
  const bad = report.outcomes.some((o) => o.kind !== 'ok');
  return (
    <div className={bad ? 'banner action-report' : 'banner ok action-report'} role="status" data-testid="action-report">
      <div className="action-report-head">
        <strong>{report.summary}</strong>
        <button type="button" className="text-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {report.outcomes.length > 1 && (
        <ul>
          {report.outcomes.map((o, i) => (
            <li key={i} className={o.kind === 'ok' ? undefined : 'bad'}>
              {o.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
