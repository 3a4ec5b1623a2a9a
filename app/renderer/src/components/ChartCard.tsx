import { useMemo, useState, type ReactNode } from 'react';
import type { CulpritKind } from '../../../shared/culprits';
import type { CulpritSource } from '../charts/culprits';
import { TimeSeriesChart, type Scale, type SeriesSpec } from '../charts/TimeSeriesChart';
import type { Point } from '../charts/series';
import { buildCsv, exportFileName } from '../export/csv';
import { downloadText } from '../export/download';
import { rangeName } from '../settings/range';
import type { View } from '../store/view';
import { CulpritPanel } from './CulpritPanel';
import './ChartCard.css';

interface Props {
  title: string;
  /** The current value(s) next to the title. */
  summary?: ReactNode;
  data: Point[];
  series: SeriesSpec[];
  view: View;
  scale?: Scale;
  /** Column unit in the CSV header, e.g. "%" or "bytes/s". */
  csvUnit: string;
  stacked?: boolean;
  reference?: { value: number; label: string };
  height?: number;
  testId?: string;
  /** Which of each point's top processes this chart names on hover and lists on click. */
  culprits?: CulpritKind;
  /** A line under the chart saying what it measures. */
  note?: ReactNode;
}

/** A titled chart with the range in its description and a CSV export of exactly what it plots. */
export function ChartCard({ title, summary, data, series, view, scale, csvUnit, stacked, reference, height = 200, testId, culprits, note }: Props) {
  const source = useMemo<CulpritSource | undefined>(() => culprits && { kind: culprits, history: view.history }, [culprits, view.history]);
  // The clicked point's time: its processes stay listed under the chart until closed or another point is clicked.
  const [pinned, setPinned] = useState<number | null>(null);
  const exportCsv = () => downloadText(exportFileName(title, view.end || Date.now(), 'csv'), buildCsv(data, series, csvUnit), 'text/csv');
  return (
    <figure className="chart-card">
      <figcaption className="chart-card-head">
        <h3>{title}</h3>
        {summary && <span className="chart-card-summary">{summary}</span>}
        <button type="button" className="text-button" aria-label={`Export ${title} as CSV`} title="Download this chart's data as CSV" onClick={exportCsv}>
          CSV
        </button>
      </figcaption>
      <div
        className="chart"
        style={{ minHeight: height }}
        data-testid={testId}
        data-points={data.length}
        data-span={view.spanMs}
        role="img"
        aria-label={`${title}, ${rangeName(view.range).toLowerCase()}`}
      >
        {view.latest && (
          <TimeSeriesChart
            data={data}
            series={series}
            end={view.end}
            spanMs={view.spanMs}
            height={series.length > 1 ? height - 24 : height}
            legend={series.length > 1}
            {...(scale && { scale })}
            {...(stacked && { stacked })}
            {...(reference && { reference })}
            {...(source && { culprits: source, onPick: setPinned })}
          />
        )}
      </div>
      {note && <p className="chart-card-note">{note}</p>}
      {source && pinned !== null && <CulpritPanel source={source} t={pinned} onClose={() => setPinned(null)} />}
    </figure>
  );
}

/** A chart card's place when there is nothing to chart: its title, and in its body why not (`hint`: the details, on hover). */
export function AbsentChartCard({ title, testId, hint, children }: { title: string; testId?: string; hint?: string; children: ReactNode }) {
  return (
    <figure className="chart-card">
      <figcaption className="chart-card-head">
        <h3>{title}</h3>
      </figcaption>
      <p className="muted" data-testid={testId} title={hint}>
        {children}
      </p>
    </figure>
  );
}
