import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../format';
import { ChartTooltip } from './ChartTooltip';
import { CHART_SPAN_MS, type Point } from './series';

interface Props {
  data: Point[];
  dataKey: string;
  name: string;
  color: string;
  end: number;
  height: number;
}

const formatTooltipPercent = (value: number) => formatPercent(value, 1);

/** An axis-free 0–100 % chart for small multiples; same window as the big chart so they line up. */
export function Sparkline({ data, dataKey, name, color, end, height }: Props) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <AreaChart data={data} margin={{ top: 2, right: 0, bottom: 0, left: 0 }}>
        <XAxis dataKey="t" type="number" domain={[end - CHART_SPAN_MS, end]} allowDataOverflow hide />
        <YAxis domain={[0, 100]} hide />
        <Tooltip content={<ChartTooltip formatValue={formatTooltipPercent} />} cursor={false} isAnimationActive={false} />
        <Area
          dataKey={dataKey}
          name={name}
          type="monotone"
          stroke={color}
          strokeWidth={1.5}
          fill={color}
          fillOpacity={0.18}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}
