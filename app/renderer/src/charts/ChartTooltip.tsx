import type { TooltipContentProps } from 'recharts';
import { formatClock } from '../format';

interface Props extends Partial<TooltipContentProps<number, string>> {
  formatValue: (value: number) => string;
}

/** Time on top, then one row per series with its colour swatch and exact value. */
export function ChartTooltip({ active, payload, label, formatValue }: Props) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-time">{typeof label === 'number' ? formatClock(label) : label}</div>
      {payload.map((entry) => (
        <div className="chart-tooltip-row" key={String(entry.dataKey)}>
          <span className="swatch" style={{ background: entry.color }} />
          <span className="chart-tooltip-name">{entry.name}</span>
          <span className="chart-tooltip-value">{typeof entry.value === 'number' ? formatValue(entry.value) : '—'}</span>
        </div>
      ))}
    </div>
  );
}
