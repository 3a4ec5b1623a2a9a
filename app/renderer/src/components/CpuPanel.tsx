import { useMemo } from 'react';
import { TimeSeriesChart, type SeriesSpec } from '../charts/TimeSeriesChart';
import { CHART_SPAN_MS, cpuTotalSeries, perCoreSeries } from '../charts/series';
import { formatPercent } from '../format';
import { recent } from '../store/history';
import { useMonitor } from '../store/context';
import { CpuBreakdown } from './CpuBreakdown';
import { PerCoreGrid } from './PerCoreGrid';

const TOTAL_SERIES: SeriesSpec[] = [{ key: 'total', name: 'CPU', color: 'var(--cpu)' }];

export function CpuPanel() {
  const history = useMonitor((s) => s.history);
  const latest = useMonitor((s) => s.latest);
  const logical = useMonitor((s) => s.info?.cpuCountLogical ?? 0);

  const visible = useMemo(() => recent(history, CHART_SPAN_MS), [history]);
  const total = useMemo(() => cpuTotalSeries(visible), [visible]);
  const perCore = useMemo(() => perCoreSeries(visible), [visible]);

  const cpu = latest?.cpu ?? null;
  const end = latest?.time ?? 0;
  // Before the first rate, still lay out one tile per core so the page does not jump.
  const current = cpu?.perCpu ?? Array.from({ length: logical }, () => Number.NaN);

  return (
    <section aria-label="CPU" className="panel">
      <div className="panel-head">
        <h2>CPU</h2>
        <span className="muted small">Last 5 minutes</span>
      </div>
      <div className="panel-body split">
        <div className="summary">
          <div className="big-number" aria-label="Total CPU usage">
            {cpu ? formatPercent(cpu.percent) : '—'}
          </div>
          <div className="muted small">Total utilisation</div>
          <CpuBreakdown times={cpu?.timesPercent ?? null} />
        </div>
        <div className="chart" data-testid="cpu-chart" data-points={total.length} role="img" aria-label="Total CPU usage over the last 5 minutes">
          {latest && <TimeSeriesChart data={total} series={TOTAL_SERIES} end={end} height={240} />}
        </div>
      </div>
      <h3 className="subhead">Per core</h3>
      {latest && <PerCoreGrid data={perCore} current={current} end={end} />}
    </section>
  );
}
