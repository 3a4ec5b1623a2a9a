import { useId } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAgo, formatPercent } from '../format';
import { ChartTooltip } from './ChartTooltip';
import { CHART_SPAN_MS, minuteTicks, type Point } from './series';

export interface SeriesSpec {
  key: string;
  name: string;
  /** A CSS colour, usually var(--…) so it follows the theme. */
  color: string;
  /** Outline only, no fill: for a secondary series drawn over a filled one. */
  line?: boolean;
}

interface Props {
  data: Point[];
  series: SeriesSpec[];
  /** Time of the newest tick: the right edge, so the chart scrolls with the host clock. */
  end: number;
  height: number;
  spanMs?: number;
  /** Name the series above the plot; worth it only when there is more than one. */
  legend?: boolean;
}

const percentTicks = [0, 25, 50, 75, 100];
const formatTooltipPercent = (value: number) => formatPercent(value, 1);

/** A 0–100 % chart over a fixed window that ends at the newest tick. */
export function TimeSeriesChart({ data, series, end, height, spanMs = CHART_SPAN_MS, legend = false }: Props) {
  // useId output contains characters that are not valid in url(#…) references.
  const gradientPrefix = `g${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <>
      {legend && (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className={s.line ? 'swatch swatch-line' : 'swatch'} style={{ background: s.color }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <ResponsiveContainer width="100%" height={height}>
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            {series.map((s) => (
              <linearGradient key={s.key} id={`${gradientPrefix}-${s.key}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" style={{ stopColor: s.color, stopOpacity: 0.45 }} />
                <stop offset="100%" style={{ stopColor: s.color, stopOpacity: 0.04 }} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[end - spanMs, end]}
            ticks={minuteTicks(end, spanMs)}
            tickFormatter={(t: number) => formatAgo(t - end)}
            allowDataOverflow
            stroke="var(--axis)"
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            tickLine={false}
          />
          <YAxis
            domain={[0, 100]}
            ticks={percentTicks}
            tickFormatter={(v: number) => `${v}%`}
            width={44}
            stroke="var(--axis)"
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            content={<ChartTooltip formatValue={formatTooltipPercent} />}
            cursor={{ stroke: 'var(--axis)', strokeDasharray: '3 3' }}
            isAnimationActive={false}
          />
          {series.map((s) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.name}
              type="monotone"
              stroke={s.color}
              strokeWidth={s.line ? 1.5 : 2}
              fill={s.line ? 'none' : `url(#${gradientPrefix}-${s.key})`}
              dot={false}
              activeDot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </>
  );
}
