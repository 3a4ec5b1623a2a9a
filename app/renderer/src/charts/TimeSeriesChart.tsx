import { memo, useId } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAgo, formatPercent } from '../format';
import { axisTicks } from '../settings/range';
import { ChartTooltip } from './ChartTooltip';
import { valueTicks } from './value-ticks';
import { useNoTabStops } from './useNoTabStops';
import type { CulpritSource } from './culprits';
import { CHART_SPAN_MS, niceCeiling, type Point } from './series';
import './TimeSeriesChart.css';

export interface SeriesSpec {
  key: string;
  name: string;
  /** A CSS colour, usually var(--…) so it follows the theme. */
  color: string;
  /** Outline only, no fill: for a secondary series drawn over a filled one. */
  line?: boolean;
}

export interface Scale {
  /** Formats axis labels and tooltip values. */
  format: (value: number) => string;
  /** Fixed maximum (100 for percent); omitted: rounded up from the data. */
  max?: number;
  /** The smallest maximum an auto scale may pick, so a quiet disk does not look busy. */
  floor?: number;
  /** Round the auto maximum to powers of 1024 (bytes) rather than 1000. */
  binary?: boolean;
  /** Room for axis labels, px. */
  width?: number;
}

export const PERCENT_SCALE: Scale = { format: (v) => formatPercent(v, v % 1 === 0 ? 0 : 1), max: 100, width: 44 };

interface Props {
  data: Point[];
  series: SeriesSpec[];
  /** Time of the newest tick: the right edge, so the chart scrolls with the host clock. */
  end: number;
  /** px, or "100%" of a parent with a definite height (the overview fills the window). */
  height: number | `${number}%`;
  spanMs?: number;
  scale?: Scale;
  /** Stack the filled series (CPU modes, memory composition). */
  stacked?: boolean;
  /** A horizontal mark, e.g. the core count on a load-average chart. */
  reference?: { value: number; label: string };
  /** Name the series above the plot; worth it only when there is more than one. */
  legend?: boolean;
  /** Name each point's top processes in its tooltip. */
  culprits?: CulpritSource;
  /** A click on the plot: the time of the point under the pointer. */
  onPick?: (t: number) => void;
}

const PERCENT_TICKS = [0, 25, 50, 75, 100];

function maxOf(data: Point[], series: SeriesSpec[], stacked: boolean): number {
  let max = 0;
  for (const p of data) {
    let sum = 0;
    for (const s of series) {
      const v = p[s.key] ?? 0;
      if (stacked && !s.line) sum += v;
      else if (v > max) max = v;
    }
    if (sum > max) max = sum;
  }
  return max;
}

/** A chart over a fixed window that ends at the newest tick; percent by default. */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  data,
  series,
  end,
  height,
  spanMs = CHART_SPAN_MS,
  scale = PERCENT_SCALE,
  stacked = false,
  reference,
  legend = false,
  culprits,
  onPick,
}: Props) {
  // useId output contains characters that are not valid in url(#…) references.
  const gradientPrefix = `g${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const noTabStops = useNoTabStops<HTMLDivElement>();
  const top = scale.max ?? niceCeiling(Math.max(maxOf(data, series, stacked), reference?.value ?? 0, scale.floor ?? 0), scale.binary);
  const yTicks = scale.max === 100 ? PERCENT_TICKS : valueTicks(top, scale.binary);
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
      <div ref={noTabStops} className="chart-layers">
        <ResponsiveContainer width="100%" height={height}>
          {/* No keyboard layer: the chart is a labelled image (ChartCard's role="img"); a focusable inside it is a tab stop that leads nowhere. */}
          <AreaChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            accessibilityLayer={false}
            {...(onPick && {
              onClick: (state: { activeTooltipIndex?: number | string | null }) => {
                const point = state.activeTooltipIndex == null ? undefined : data[Number(state.activeTooltipIndex)];
                if (point) onPick(point.t);
              },
              style: { cursor: 'pointer' },
            })}
          >
            <defs>
              {series.map((s) => (
                <linearGradient key={s.key} id={`${gradientPrefix}-${s.key}`} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" style={{ stopColor: s.color, stopOpacity: stacked ? 0.7 : 0.45 }} />
                  <stop offset="100%" style={{ stopColor: s.color, stopOpacity: stacked ? 0.5 : 0.04 }} />
                </linearGradient>
              ))}
            </defs>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[end - spanMs, end]}
              ticks={axisTicks(end, spanMs)}
              tickFormatter={(t: number) => formatAgo(t - end)}
              allowDataOverflow
              stroke="var(--axis)"
              tick={{ fill: 'var(--muted)', fontSize: 11 }}
              tickLine={false}
            />
            <YAxis
              domain={[0, top]}
              ticks={yTicks}
              tickFormatter={scale.format}
              width={scale.width ?? 72}
              allowDataOverflow
              stroke="var(--axis)"
              tick={{ fill: 'var(--muted)', fontSize: 11 }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              content={<ChartTooltip formatValue={scale.format} {...(culprits && { culprits })} {...(onPick && { hint: 'Click the point to list them and open one' })} />}
              cursor={{ stroke: 'var(--axis)', strokeDasharray: '3 3' }}
              isAnimationActive={false}
            />
            {reference && (
              <ReferenceLine
                y={reference.value}
                stroke="var(--muted)"
                strokeDasharray="4 4"
                label={{ value: reference.label, position: 'insideTopLeft', fill: 'var(--muted)', fontSize: 11 }}
              />
            )}
            {series.map((s) => (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.name}
                type={stacked ? 'linear' : 'monotone'}
                stackId={stacked && !s.line ? 'stack' : undefined}
                stroke={s.color}
                strokeWidth={s.line ? 1.5 : stacked ? 1 : 2}
                // Dashed, so a line with the same values as the area under it (lo: send = receive) leaves both colours showing.
                strokeDasharray={s.line ? '5 4' : undefined}
                fill={s.line ? 'none' : `url(#${gradientPrefix}-${s.key})`}
                dot={false}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </>
  );
});
