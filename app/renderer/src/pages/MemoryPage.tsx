import { useMemo, type ReactNode } from 'react';
import type { MemorySample, SwapSample } from '../../../shared/payloads';
import { BYTES_SCALE, rateScale } from '../charts/scales';
import { buildSeries, memorySeries } from '../charts/series';
import type { Scale, SeriesSpec } from '../charts/TimeSeriesChart';
import { AbsentChartCard, ChartCard } from '../components/ChartCard';
import { PageHeader } from '../components/PageHeader';
import { MetricCards } from '../components/MetricCards';
import { UsageBar, type Segment } from '../components/UsageBar';
import { hostMemorySeries, memoryFigureMeaning, memoryPageFigures } from '../data/memory';
import { formatBytes, formatPercent, formatRate } from '../format';
import { pageTopics } from '../routes/pages';
import { useMonitor } from '../store/context';
import { useView } from '../store/view';
import './MemoryPage.css';

const PERCENT: SeriesSpec[] = [{ key: 'memory', name: 'Memory', color: 'var(--mem)' }];
const PERCENT_WITH_SWAP: SeriesSpec[] = [...PERCENT, { key: 'swap', name: 'Swap', color: 'var(--swap)', line: true }];
// Used + buffers + cached + free is the whole of RAM on Linux (psutil's `used`
// excludes the other two), so they stack to `total`; shared (tmpfs, part of
// cached) and available are drawn as lines over the stack. A host whose psutil
// has no buffers, cached or shared (Windows) draws only what it reads.
const COMPOSITION: SeriesSpec[] = [
  { key: 'used', name: 'used', color: 'var(--mem)' },
  { key: 'buffers', name: 'buffers', color: 'var(--mem-buffers)' },
  { key: 'cached', name: 'cached', color: 'var(--mem-cached)' },
  { key: 'free', name: 'free', color: 'var(--mem-free)' },
  { key: 'shared', name: 'shared', color: 'var(--cpu-irq)', line: true },
  { key: 'available', name: 'available', color: 'var(--ok)', line: true },
];
const SWAP_USED: SeriesSpec[] = [{ key: 'used', name: 'Swap used', color: 'var(--swap)' }];
const SWAP_IO: SeriesSpec[] = [
  { key: 'sin', name: 'Swap in', color: 'var(--swap)' },
  { key: 'sout', name: 'Swap out', color: 'var(--cpu-system)', line: true },
];

function memorySegments(m: MemorySample, fields: readonly string[] | undefined): Segment[] {
  return hostMemorySeries([
    { key: 'used', label: 'used', value: m.used, color: 'var(--mem)', text: formatBytes(m.used) },
    { key: 'buffers', label: 'buffers', value: m.buffers, color: 'var(--mem-buffers)', text: formatBytes(m.buffers) },
    { key: 'cached', label: 'cached', value: m.cached, color: 'var(--mem-cached)', text: formatBytes(m.cached) },
    { key: 'free', label: 'free', value: m.free, color: 'var(--mem-free)', text: formatBytes(m.free) },
  ], fields);
}

function Stat({ label, title, children }: { label: string; title?: string; children: ReactNode }) {
  return (
    <div className="stat-row" title={title}>
      <span className="stat-label">{label}</span>
      <span>{children}</span>
    </div>
  );
}

function SwapSummary({ swap, unit }: { swap: SwapSample; unit: 'bytes' | 'bits' }) {
  if (swap.total === 0) return <Stat label="Swap">No swap configured</Stat>;
  return (
    <>
      <Stat label="Swap used">
        {formatBytes(swap.used)} <span className="muted">of {formatBytes(swap.total)} ({formatPercent(swap.percent)})</span>
      </Stat>
      <Stat label="Swap in / out">
        {swap.sinPerSec === null ? '—' : formatRate(swap.sinPerSec, unit)} / {swap.soutPerSec === null ? '—' : formatRate(swap.soutPerSec, unit)}
      </Stat>
    </>
  );
}

export function MemoryPage() {
  const view = useView();
  const unit = useMonitor((s) => s.settings.rateUnit);
  const fields = useMonitor((s) => s.info?.constants.virtualMemoryFields);
  const compositionSeries = useMemo(() => hostMemorySeries(COMPOSITION, fields), [fields]);
  const { history, latest } = view;
  const percent = useMemo(() => memorySeries(history), [history]);
  const composition = useMemo(
    () => buildSeries(history, (s) => ({ used: s.memory.used, buffers: s.memory.buffers, cached: s.memory.cached, free: s.memory.free, shared: s.memory.shared, available: s.memory.available })),
    [history],
  );
  const swapUsed = useMemo(() => buildSeries(history, (s) => (s.swap ? { used: s.swap.used } : null)), [history]);
  const swapIo = useMemo(() => buildSeries(history, (s) => (!s.swap || s.swap.sinPerSec === null ? null : { sin: s.swap.sinPerSec, sout: s.swap.soutPerSec ?? 0 })), [history]);
  const total = latest?.memory.total ?? 0;
  const compositionScale = useMemo<Scale>(() => ({ ...BYTES_SCALE, max: total }), [total]);
  const swapScale = useMemo<Scale>(() => ({ ...BYTES_SCALE, max: latest?.swap?.total || undefined }), [latest?.swap?.total]);
  const ioScale = useMemo(() => rateScale(unit), [unit]);

  if (!latest) return <PageHeader title="Memory">Waiting for the first tick…</PageHeader>;
  const { memory: m, swap } = latest;
  const hasSwap = swap !== null && swap.total > 0;
  // No swap reading this tick (a platform that has none in Procyon, or a failed read): said, not shown as "no swap".
  const swapError = swap === null ? latest.errors?.swap : undefined;

  return (
    <>
      <PageHeader title="Memory" topics={pageTopics('memory')}>
        <span data-testid="memory-total">{formatBytes(m.total)}</span> of RAM{hasSwap ? `, ${formatBytes(swap.total)} of swap` : swap === null ? '' : ', no swap'}
      </PageHeader>
      <section className="panel" aria-label="Memory" data-testid="memory-panel">
        <div className="panel-body split">
          <div className="summary">
            <div className="big-number">{formatPercent(m.percent)}</div>
            <div className="muted small">{memoryFigureMeaning('percent', fields)}</div>
            {memoryPageFigures(m, fields).map((f) => (
              <Stat key={f.name} label={f.name} title={memoryFigureMeaning(f.name, fields)}>
                {f.text}
                {f.name === 'used' && <span className="muted"> of {formatBytes(m.total)}</span>}
              </Stat>
            ))}
            <UsageBar label="Memory composition" segments={memorySegments(m, fields)} total={m.total} />
            <div className="swap">
              {swap ? <SwapSummary swap={swap} unit={unit} /> : <Stat label="Swap">not read</Stat>}
            </div>
          </div>
          <ChartCard title="Memory and swap use" data={percent} series={hasSwap ? PERCENT_WITH_SWAP : PERCENT} view={view} csvUnit="%" height={240} testId="memory-chart" culprits="memory" />
        </div>
      </section>
      <div className="card-grid">
        <ChartCard title="Composition" data={composition} series={compositionSeries} stacked view={view} scale={compositionScale} csvUnit="bytes" height={240} testId="composition-chart" culprits="memory" />
        {hasSwap ? (
          <>
            <ChartCard title="Swap used" data={swapUsed} series={SWAP_USED} view={view} scale={swapScale} csvUnit="bytes" testId="swap-chart" />
            <ChartCard title="Swap in and out" data={swapIo} series={SWAP_IO} view={view} scale={ioScale} csvUnit="bytes/s" testId="swap-io-chart" />
          </>
        ) : (
          <AbsentChartCard title="Swap" testId={swap === null ? 'swap-not-read' : undefined} hint={swapError ? `${swapError.code}: ${swapError.message}` : undefined}>
            {swap === null
              ? `Not reported: swap could not be read on this host${swapError ? ` (${swapError.code})` : ''}.`
              : 'This machine has no swap, so nothing can be paged out: when RAM runs out, the kernel’s OOM killer ends a process instead.'}
          </AbsentChartCard>
        )}
      </div>
      <MetricCards page="memory" view={view} grid />
    </>
  );
}
