import { memo } from 'react';
import { Sparkline } from '../charts/Sparkline';
import type { Point } from '../charts/series';
import { formatPercent } from '../format';

interface Props {
  data: Point[];
  current: number[];
  end: number;
}

// btop and top users scan for the pegged core first; make it stand out.
const BUSY_PERCENT = 90;

/** Small multiples, one per logical CPU, sharing the big chart's time window. */
export const PerCoreGrid = memo(function PerCoreGrid({ data, current, end }: Props) {
  return (
    <ul className="core-grid" aria-label="Per-core usage">
      {current.map((value, i) => (
        <li className={value >= BUSY_PERCENT ? 'core core-busy' : 'core'} key={i}>
          <div className="core-head">
            <span className="core-name">CPU {i}</span>
            <span className="core-value">{formatPercent(value, 0)}</span>
          </div>
          <Sparkline data={data} dataKey={`c${i}`} name={`CPU ${i}`} color="var(--cpu)" end={end} height={44} />
        </li>
      ))}
    </ul>
  );
});
