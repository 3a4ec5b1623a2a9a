import type { TooltipContentProps } from 'recharts';
import { formatClock } from '../format';
import { CULPRIT_FORMAT, CULPRIT_TITLE, culpritsAt, type CulpritSource } from './culprits';
import './ChartTooltip.css';

interface Props extends Partial<TooltipContentProps<number, string>> {
  formatValue: (value: number) => string;
  /** Name the point's top processes under its values. */
  culprits?: CulpritSource;
  /** Under the processes: what a click on the point does, where it does something. */
  hint?: string;
}

/** Time on top, then one row per series with its colour swatch and exact value, then who caused it. */
export function ChartTooltip({ active, payload, label, formatValue, culprits, hint }: Props) {
  if (!active || !payload || payload.length === 0) return null;
  const list = culprits && typeof label === 'number' ? culpritsAt(culprits, label) : undefined;
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
      {culprits && list && (
        <div className="chart-tooltip-culprits" data-testid="chart-culprits">
          <div className="chart-tooltip-time">{CULPRIT_TITLE[culprits.kind]}</div>
          {list.length === 0 && <div className="muted">None stood out</div>}
          {list.map((c) => (
            <div className="chart-tooltip-row" key={`${c.pid}:${c.createTime}`} data-pid={c.pid}>
              <span className="chart-tooltip-name culprit-name">{c.name}</span>
              <span className="muted">{c.pid}</span>
              <span className="chart-tooltip-value">{CULPRIT_FORMAT[culprits.kind](c.value)}</span>
            </div>
          ))}
          {list.length > 0 && hint && <div className="muted chart-tooltip-hint">{hint}</div>}
        </div>
      )}
    </div>
  );
}
