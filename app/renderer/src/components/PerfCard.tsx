import type { ReactNode } from 'react';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { pageHref, type PageId } from '../routes/pages';
import './PerfCard.css';

interface Props {
  /** What the resource is ("Network", "Disk"); the card's region is named `${kind} ${name}`. */
  kind: string;
  /** Which one ("eth0", "nvme0n1"): shown in full, the kind gives way first. */
  name?: string;
  page: PageId;
  value: ReactNode;
  detail?: ReactNode;
  /** The chart's series, named under the title when there are several. */
  legend?: readonly SeriesSpec[];
  className?: string;
  children: ReactNode;
}

/** One resource on the overview: its name and live figures above a chart that takes the rest of the card. */
export function PerfCard({ kind, name, page, value, detail, legend, className, children }: Props) {
  const title = name ? `${kind} ${name}` : kind;
  return (
    <section className={`tile perf-card${className ? ` ${className}` : ''}`} aria-label={title}>
      <div className="perf-head">
        <h3 title={title}>
          {/* The link covers the card (CSS), so a click anywhere but the chart opens the page. */}
          <a className="tile-link" href={pageHref(page)} aria-label={`${title} details`}>
            {name ? (
              <>
                <span className="perf-kind">{kind}</span> <span className="perf-name">{name}</span>
              </>
            ) : (
              <span className="perf-name">{kind}</span>
            )}
          </a>
        </h3>
        <span className="tile-value">{value}</span>
      </div>
      {(detail || legend) && (
        <div className="perf-detail muted small">
          {detail && <span className="perf-detail-text">{detail}</span>}
          {legend && legend.length > 1 && (
            <ul className="perf-legend" aria-hidden="true">
              {legend.map((s) => (
                <li key={s.key}>
                  <span className={s.line ? 'swatch swatch-line' : 'swatch'} style={{ background: s.color }} />
                  {s.name}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {children}
    </section>
  );
}

/** A resource the machine lacks (no swap, no battery): one line, not an empty chart. */
export function AbsentCard({ kind, page, value, detail }: { kind: string; page: PageId; value: ReactNode; detail: ReactNode }) {
  return (
    <section className="tile perf-absent" aria-label={kind}>
      <div className="perf-head">
        <h3>
          <a className="tile-link" href={pageHref(page)} aria-label={`${kind} details`}>
            {kind}
          </a>
        </h3>
        <span className="tile-value">{value}</span>
      </div>
      <div className="perf-detail muted small">{detail}</div>
    </section>
  );
}
