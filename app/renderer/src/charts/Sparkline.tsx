import { memo } from 'react';
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../format';
import { ChartTooltip } from './ChartTooltip';
import type { CulpritSource } from './culprits';
import { CHART_SPAN_MS, niceCeiling, type Point } from './series';
import type { SeriesSpec } from './TimeSeriesChart';
import { useNoTabStops } from './useNoTabStops';

interface Props {
  data: Point[];
  /** One or more series; several are stacked (CPU modes per core). */
  series: SeriesSpec[];
  end: number;
  /** px, or "100%" of a parent with a definite height (the overview fills the window). */
  height: number | `${number}%`;
  spanMs?: number;
  /** Fixed top (100 for percent); omitted: rounded up from the data, at least `floor`. */
  max?: number;
  floor?: number;
  formatValue?: (value: number) => string;
  /** Name each point's top processes in its tooltip. */
  culprits?: CulpritSource;
}

const formatTooltipPercent = (value: number) => formatPercent(value, 1);

/** An axis-free chart for tiles and small multiples; same window as the big charts so they line up. */
export const Sparkline = memo(function Sparkline({ data, series, end, height, spanMs = CHART_SPAN_MS, max = 100, floor, formatValue = formatTooltipPercent, culprits }: Props) {
  const stacked = series.length > 1;
  let top = max;
  if (floor !== undefined) {
    let m = floor;
    for (const p of data) for (const s of series) m = Math.max(m, p[s.key] ?? 0);
    top = niceCeiling(m);
  }
  const noTabStops = useNoTabStops<HTMLDivElement>();
  return (
    <div ref={noTabStops} className="chart-layers">
      <ResponsiveContainer width="100%" height={height}>
        {/* No keyboard layer: a sparkline sits inside its tile's link, and a tab stop per chart only lengthens the way through the page. */}
        <AreaChart data={data} margin={{ top: 2, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <XAxis dataKey="t" type="number" domain={[end - spanMs, end]} allowDataOverflow hide />
          <YAxis domain={[0, top]} allowDataOverflow hide />
          <Tooltip content={<ChartTooltip formatValue={formatValue} {...(culprits && { culprits })} />} cursor={false} isAnimationActive={false} />
          {series.map((s) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.name}
              type={stacked ? 'linear' : 'monotone'}
              stackId={stacked ? 'stack' : undefined}
              stroke={s.color}
              strokeWidth={stacked ? 1 : 1.5}
              fill={s.color}
              fillOpacity={stacked ? 0.55 : 0.18}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
