import { useMemo, type ReactNode } from 'react';
import type { CulpritKind } from '../../../shared/culprits';
import { Sparkline } from '../charts/Sparkline';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import type { Point } from '../charts/series';
import { pageHref, type PageId } from '../routes/pages';
import './Tile.css';
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
  /** Which of each point's top processes the sparkline's tooltip names. */
  culprits?: CulpritKind;
}

/** An overview tile: name, current value, a sparkline; the whole tile opens the resource's page. */
export function Tile({ title, page, value, detail, data, series, view, floor, formatValue, testId, culprits }: Props) {
  const source = useMemo(() => culprits && { kind: culprits, history: view.history }, [culprits, view.history]);
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
      {/* With culprits, the sparkline takes the pointer (its tooltip names each point's processes); a click on it still opens the page. */}
      <div
        className={source ? 'tile-chart tile-chart-culprits' : 'tile-chart'}
        data-testid={testId}
        data-points={data.length}
        data-span={view.spanMs}
        {...(source && { onClick: () => window.location.assign(pageHref(page)) })}
      >
        {view.latest && (
          <Sparkline
            data={data}
            series={series}
            end={view.end}
            spanMs={view.spanMs}
            height={48}
            {...(floor !== undefined && { floor })}
            {...(formatValue && { formatValue })}
            {...(source && { culprits: source })}
          />
        )}
      </div>
    </section>
  );
}
