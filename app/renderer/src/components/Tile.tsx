import type { ReactNode } from 'react';
import { Sparkline } from '../charts/Sparkline';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import type { Point } from '../charts/series';
import { pageHref, type PageId } from '../routes/pages';
import type { View } from '../store/view';

interface Props {
  title: string;
  page: PageId;
  value: ReactNode;
  detail?: ReactNode;
  data: Point[];
  series: SeriesSpec[];
  view: View;
  /** Percent tiles are 0–100; others scale from `floor` up. */
  floor?: number;
  formatValue?: (value: number) => string;
  testId?: string;
}

/** An overview tile: name, current value, a sparkline; the whole tile opens the resource's page. */
export function Tile({ title, page, value, detail, data, series, view, floor, formatValue, testId }: Props) {
  return (
    <section className="tile" aria-label={title}>
      <div className="tile-head">
        <h3>
          {/* The link covers the tile (CSS), so a click anywhere opens the page. */}
          <a className="tile-link" href={pageHref(page)} aria-label={`${title} details`}>
            {title}
          </a>
        </h3>
        <span className="tile-value">{value}</span>
      </div>
      {detail && <div className="tile-detail muted small">{detail}</div>}
      <div className="tile-chart" data-testid={testId} data-points={data.length} data-span={view.spanMs}>
        {view.latest && (
          <Sparkline
            data={data}
            series={series}
            end={view.end}
            spanMs={view.spanMs}
            height={48}
            {...(floor !== undefined && { floor })}
            {...(formatValue && { formatValue })}
          />
        )}
      </div>
    </section>
  );
}
