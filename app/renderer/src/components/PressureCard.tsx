import { useMemo } from 'react';
import type { PressureLineSample, PressureSample } from '../../../shared/payloads';
import { buildSeries } from '../charts/series';
import type { Scale, SeriesSpec } from '../charts/TimeSeriesChart';
import { hostLacks, isCaptured } from '../data/host-can';
import { formatPercent } from '../format';
import { useMonitor } from '../store/context';
import type { View } from '../store/view';
import { ChartCard } from './ChartCard';

type Resource = 'cpu' | 'memory' | 'io';

type LineKey = 'some' | 'full';
const LINE_NAMES: Record<LineKey, string> = { some: 'Some', full: 'Full' };

/**
 * What each page charts of its resource, with the colour of each line. The
 * CPU has no `full` chart: at system level the kernel reports it as zero
 * (something always runs).
 */
const CHARTED: Record<Resource, { title: string; lines: [LineKey, string][]; meaning: string }> = {
  cpu: { title: 'CPU pressure', lines: [['some', 'var(--cpu)']], meaning: 'Share of time at least one runnable task waited for a CPU.' },
  memory: {
    title: 'Memory pressure',
    lines: [
      ['some', 'var(--mem)'],
      ['full', 'var(--swap)'],
    ],
    meaning: 'Share of time some tasks (some) or all non-idle tasks at once (full) waited for memory: reclaim, swap-in, refaults.',
  },
  io: {
    title: 'I/O pressure',
    lines: [
      ['some', 'var(--disk)'],
      ['full', 'var(--disk-write)'],
    ],
    meaning: 'Share of time some tasks (some) or all non-idle tasks at once (full) waited for I/O.',
  },
};

/** Stalls are usually a few percent: an auto scale with a 10% floor shows them, a 0–100 one would flatten them. */
const STALL_SCALE: Scale = { format: (v) => formatPercent(v, v % 1 === 0 ? 0 : 1), floor: 10, width: 44 };

type ResourceSample = NonNullable<PressureSample[Resource]>;

/** A tick's charted shares; null when it has none (the first reading has no rate). */
function shares(r: ResourceSample, keys: readonly LineKey[]): Record<string, number> | null {
  const point: Record<string, number> = {};
  for (const k of keys) {
    const v = r[k]?.stalledPercent;
    if (v !== null && v !== undefined) point[k] = v;
  }
  return Object.keys(point).length > 0 ? point : null;
}

const kernelAverages = (k: LineKey, l: PressureLineSample) => `${LINE_NAMES[k]}: ${[l.avg10, l.avg60, l.avg300].map((v) => formatPercent(v, 2)).join(' · ')}`;

function Summary({ current, keys }: { current: ResourceSample; keys: readonly LineKey[] }) {
  const averages = keys.flatMap((k) => (current[k] ? [kernelAverages(k, current[k])] : []));
  const now = keys.map((k) => {
    const v = current[k]?.stalledPercent;
    return `${k} ${v === null || v === undefined ? '—' : formatPercent(v)}`;
  });
  return <span title={`The kernel’s 10 s · 60 s · 300 s averages\n${averages.join('\n')}`}>{now.join(' · ')}</span>;
}

/**
 * A resource's pressure-stall information (/proc/pressure) over the page's
 * range: how much of the time tasks could not run because they waited for it.
 * Utilisation says how busy a resource is; this says whether work queued for it.
 */
export function PressureCard({ resource, view }: { resource: Resource; view: View }) {
  const info = useMonitor((s) => s.info);
  const { title, lines, meaning } = CHARTED[resource];
  const keys = useMemo(() => lines.map(([k]) => k), [lines]);
  const series = useMemo<SeriesSpec[]>(() => lines.map(([key, color], i) => ({ key, name: LINE_NAMES[key], color, line: i > 0 })), [lines]);
  const data = useMemo(() => buildSeries(view.history, (s) => (s.pressure?.[resource] ? shares(s.pressure[resource], keys) : null)), [view.history, resource, keys]);
  const latest = view.latest?.pressure;
  const current = latest?.[resource];

  // The collector says the kernel (or the captured tree) has no PSI at all; or it has PSI but not this resource's file.
  const noPsi = hostLacks(info, 'pressureStall') || latest === null;
  if (noPsi || (latest && !current)) {
    return (
      <figure className="chart-card">
        <figcaption className="chart-card-head">
          <h3>{title}</h3>
        </figcaption>
        <p className="muted" data-testid={`pressure-${resource}-absent`}>
          {isCaptured(info)
            ? `Not reported: the captured tree has no /proc/pressure${noPsi ? '' : `/${resource}`}.`
            : noPsi
              ? 'Not reported: this host’s kernel has no pressure-stall information (/proc/pressure needs Linux 4.20 or later built with PSI, and not booted with psi=0).'
              : `Not reported: this host’s kernel has no /proc/pressure/${resource}.`}
        </p>
      </figure>
    );
  }
  return (
    <ChartCard
      title={title}
      summary={current ? <Summary current={current} keys={keys} /> : '—'}
      data={data}
      series={series}
      view={view}
      scale={STALL_SCALE}
      csvUnit="% of time stalled"
      testId={`pressure-${resource}-chart`}
      note={meaning}
    />
  );
}
