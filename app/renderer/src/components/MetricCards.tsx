import { useMemo } from 'react';
import type { AnyMetric, CardDeclaration, Formats } from '../../../shared/metrics/define';
import { cardsFor, type MetricSamples } from '../../../shared/metrics/registry';
import type { Snapshot } from '../../../shared/payloads';
import { buildSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { hostLacks, isCaptured } from '../data/host-can';
import { formatBytes, formatCount, formatPercent } from '../format';
import type { PageId } from '../routes/pages';
import { useMonitor } from '../store/context';
import type { View } from '../store/view';
import { AbsentChartCard, ChartCard } from './ChartCard';

/** What a declaration's text makers format with: the UI's own formats. */
const FORMATS: Formats = { percent: formatPercent, count: formatCount, bytes: formatBytes };

/** A tick's sample of a declared metric: undefined when the tick did not read it, null when the machine has none. */
const sampleOf = (s: Snapshot, topic: string): unknown => (s as MetricSamples as Record<string, unknown>)[topic];

/** One declared card over the page's range, or, where there is nothing to chart, a card saying why. */
function MetricCard({ metric, card, view }: { metric: AnyMetric; card: CardDeclaration<unknown>; view: View }) {
  const info = useMonitor((s) => s.info);
  const { topic } = metric;
  const series = useMemo<SeriesSpec[]>(() => [...card.lines], [card]);
  const scale = useMemo(() => card.scale(FORMATS), [card]);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const sample = sampleOf(s, topic);
        return sample !== null && sample !== undefined && card.has(sample) ? card.point(sample) : null;
      }),
    [view.history, topic, card],
  );
  const latest = view.latest ? sampleOf(view.latest, topic) : undefined;

  // The collector says the platform has none of it, or the newest reading says this machine (or captured tree) has none; or it has it but not this card's part.
  const none = hostLacks(info, metric.source) || latest === null;
  if (none || (latest !== undefined && !card.has(latest))) {
    return (
      <AbsentChartCard title={card.title} testId={`${card.id}-absent`}>
        {hostLacks(info, metric.source) ? `Not reported: the host’s platform has no ${card.title.toLowerCase()} in Procyon.` : card.absent(none ? 'none' : 'part', isCaptured(info))}
      </AbsentChartCard>
    );
  }
  const summary = latest !== undefined ? card.summary(latest, FORMATS) : null;
  return (
    <ChartCard
      title={card.title}
      summary={summary ? <span title={summary.title}>{summary.text}</span> : '—'}
      data={data}
      series={series}
      view={view}
      scale={scale}
      csvUnit={card.csvUnit}
      testId={`${card.id}-chart`}
      note={card.note}
    />
  );
}

/**
 * The cards the declared metrics (app/shared/metrics) have for `page`, where
 * the page places them; `grid`: in a card grid of their own (none when there
 * are no cards), rather than among the page's grid of cards.
 */
export function MetricCards({ page, view, grid = false }: { page: PageId; view: View; grid?: boolean }) {
  const declared = useMemo(() => cardsFor(page), [page]);
  if (declared.length === 0) return null;
  const cards = declared.map(({ metric, card }) => <MetricCard key={card.id} metric={metric} card={card} view={view} />);
  return grid ? <div className="card-grid">{cards}</div> : <>{cards}</>;
}
