import { useMemo } from 'react';
import type { MemorySample, SwapSample } from '../../../shared/payloads';
import { TimeSeriesChart, type SeriesSpec } from '../charts/TimeSeriesChart';
import { CHART_SPAN_MS, memorySeries } from '../charts/series';
import { formatBytes, formatPercent } from '../format';
import { recent } from '../store/history';
import { useMonitor } from '../store/context';
import { UsageBar, type Segment } from './UsageBar';

const MEMORY_SERIES: SeriesSpec[] = [{ key: 'memory', name: 'Memory', color: 'var(--mem)' }];
const WITH_SWAP: SeriesSpec[] = [...MEMORY_SERIES, { key: 'swap', name: 'Swap', color: 'var(--swap)', line: true }];

// psutil's Linux `used` excludes buffers and cache, so these four add up to
// total and the bar reads like free(1).
function memorySegments(m: MemorySample): Segment[] {
  return [
    { key: 'used', label: 'Used', value: m.used, color: 'var(--mem)', text: formatBytes(m.used) },
    { key: 'buffers', label: 'Buffers', value: m.buffers, color: 'var(--mem-buffers)', text: formatBytes(m.buffers) },
    { key: 'cached', label: 'Cached', value: m.cached, color: 'var(--mem-cached)', text: formatBytes(m.cached) },
    { key: 'free', label: 'Free', value: m.free, color: 'var(--track)', text: formatBytes(m.free) },
  ];
}

function Swap({ swap }: { swap: SwapSample }) {
  if (swap.total === 0) {
    return (
      <div className="swap">
        <div className="stat-row">
          <span className="stat-label">Swap</span>
          <span className="muted">No swap</span>
        </div>
      </div>
    );
  }
  return (
    <div className="swap">
      <div className="stat-row">
        <span className="stat-label">Swap</span>
        <span>
          {formatBytes(swap.used)} / {formatBytes(swap.total)} <span className="muted">({formatPercent(swap.percent)})</span>
        </span>
      </div>
      <UsageBar
        label="Swap"
        legend={false}
        total={swap.total}
        segments={[{ key: 'used', label: 'Used', value: swap.used, color: 'var(--swap)', text: formatBytes(swap.used) }]}
      />
    </div>
  );
}

export function MemoryPanel() {
  const history = useMonitor((s) => s.history);
  const latest = useMonitor((s) => s.latest);
  const data = useMemo(() => memorySeries(recent(history, CHART_SPAN_MS)), [history]);

  const memory = latest?.memory;
  const swap = latest?.swap;
  const series = swap && swap.total > 0 ? WITH_SWAP : MEMORY_SERIES;

  return (
    <section aria-label="Memory" data-testid="memory-panel" className="panel">
      <div className="panel-head">
        <h2>Memory</h2>
        <span className="muted small">Last 5 minutes</span>
      </div>
      <div className="panel-body split">
        <div className="summary">
          {memory ? (
            <>
              <div className="big-number">{formatPercent(memory.percent)}</div>
              <div className="muted small">In use (total − available)</div>
              <div className="stat-row">
                <span className="stat-label">Used</span>
                <span>
                  {formatBytes(memory.used)} <span className="muted">of {formatBytes(memory.total)}</span>
                </span>
              </div>
              <div className="stat-row">
                <span className="stat-label">Available</span>
                <span>{formatBytes(memory.available)}</span>
              </div>
              <UsageBar label="Memory composition" segments={memorySegments(memory)} total={memory.total} />
            </>
          ) : (
            <div className="big-number">—</div>
          )}
          {swap && <Swap swap={swap} />}
        </div>
        <div className="chart" data-testid="memory-chart" data-points={data.length} role="img" aria-label="Memory usage over the last 5 minutes">
          {latest && <TimeSeriesChart data={data} series={series} end={latest.time} height={series.length > 1 ? 216 : 240} legend={series.length > 1} />}
        </div>
      </div>
    </section>
  );
}
