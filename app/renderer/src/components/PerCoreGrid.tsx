import { memo } from 'react';
import { Sparkline } from '../charts/Sparkline';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import type { Point } from '../charts/series';
import { formatFrequency, formatPercent } from '../format';
import './PerCoreGrid.css';

interface Props {
  data: Point[];
  current: number[];
  /** MHz per core, when the machine reports it. */
  freq?: number[];
  /** Series for core i: one total, or the stacked modes. */
  seriesFor: (core: number) => SeriesSpec[];
  end: number;
  spanMs?: number;
}

// btop and top users scan for the pegged core first; make it stand out.
const BUSY_PERCENT = 90;

/** Small multiples, one per logical CPU, sharing the big chart's time window. */
export const PerCoreGrid = memo(function PerCoreGrid({ data, current, freq, seriesFor, end, spanMs }: Props) {
  return (
    <ul className="core-grid" aria-label="Per-core usage">
      {current.map((value, i) => (
        <li className={value >= BUSY_PERCENT ? 'core core-busy' : 'core'} key={i}>
          <div className="core-head">
            <span className="core-name">CPU {i}</span>
            {freq?.[i] !== undefined && <span className="core-freq muted">{formatFrequency(freq[i])}</span>}
            <span className="core-value">{formatPercent(value, 0)}</span>
          </div>
          <Sparkline data={data} series={seriesFor(i)} end={end} height={44} {...(spanMs !== undefined && { spanMs })} />
        </li>
      ))}
    </ul>
  );
});
