import { useCallback, useMemo } from 'react';
import { COUNT_RATE_SCALE, FREQUENCY_SCALE, LOAD_SCALE } from '../charts/scales';
import { buildSeries, cpuModeSeries, cpuModesOf, cpuTotalSeries, perCoreModeSeries, perCoreSeries, type CpuMode } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { AbsentChartCard, ChartCard } from '../components/ChartCard';
import { CpuBreakdown } from '../components/CpuBreakdown';
import { PageHeader } from '../components/PageHeader';
import { PerCoreGrid } from '../components/PerCoreGrid';
import { MetricCards } from '../components/MetricCards';
import { formatCountRate, formatFrequency, formatPercent } from '../format';
import { pageTopics } from '../routes/pages';
import { useMonitor } from '../store/context';
import { useSystemInfo } from '../store/system-info';
import { useView } from '../store/view';

const TOTAL: SeriesSpec[] = [{ key: 'total', name: 'CPU', color: 'var(--cpu)' }];
const MODE_NAMES: Record<CpuMode, string> = { user: 'User', system: 'System', iowait: 'I/O wait', irq: 'IRQ', steal: 'Steal', interrupt: 'Interrupt', dpc: 'DPC' };
// The checkbox's words for the modes, as a sentence has them.
const MODE_WORDS: Record<CpuMode, string> = { user: 'user', system: 'system', iowait: 'I/O wait', irq: 'IRQ', steal: 'steal', interrupt: 'interrupt', dpc: 'DPC' };
const modeSeries = (modes: readonly CpuMode[], prefix: string): SeriesSpec[] =>
  modes.map((m) => ({ key: `${prefix}${m}`, name: MODE_NAMES[m], color: `var(--cpu-${m})` }));
const LOAD: SeriesSpec[] = [
  { key: 'l1', name: '1 min', color: 'var(--cpu)' },
  { key: 'l5', name: '5 min', color: 'var(--cpu-system)', line: true },
  { key: 'l15', name: '15 min', color: 'var(--cpu-iowait)', line: true },
];
const EVENTS: SeriesSpec[] = [
  { key: 'ctx', name: 'Context switches', color: 'var(--cpu)' },
  { key: 'intr', name: 'Interrupts', color: 'var(--cpu-irq)', line: true },
];
const FREQ: SeriesSpec[] = [
  { key: 'avg', name: 'Average', color: 'var(--cpu)' },
  { key: 'max', name: 'Fastest core', color: 'var(--cpu-system)', line: true },
];

function cores(logical: number, physical: number | null): string {
  return physical === null ? `${logical} logical cores` : `${physical} physical · ${logical} logical cores`;
}

export function CpuPage() {
  const view = useView();
  const info = useMonitor((s) => s.info);
  const modes = useMonitor((s) => s.settings.cpuModes);
  const updateSettings = useMonitor((s) => s.updateSettings);
  const system = useSystemInfo();
  const { history, latest } = view;

  const total = useMemo(() => (modes ? cpuModeSeries(history) : cpuTotalSeries(history)), [history, modes]);
  const perCore = useMemo(() => (modes ? perCoreModeSeries(history) : perCoreSeries(history)), [history, modes]);
  const load = useMemo(
    () => buildSeries(history, (s) => (s.cpuDetails?.loadavg ? { l1: s.cpuDetails.loadavg[0], l5: s.cpuDetails.loadavg[1], l15: s.cpuDetails.loadavg[2] } : null)),
    [history],
  );
  // A platform without cpu_stats (errors.cpuStats) has no points: the card says so.
  const events = useMemo(
    () => buildSeries(history, (s) => (s.cpu && s.cpu.ctxSwitchesPerSec !== null && s.cpu.interruptsPerSec !== null ? { ctx: s.cpu.ctxSwitchesPerSec, intr: s.cpu.interruptsPerSec } : null)),
    [history],
  );
  const freq = useMemo(
    () =>
      buildSeries(history, (s) => {
        const f = s.cpuDetails?.perCpuFreq;
        if (!f || f.length === 0) return null;
        return { avg: f.reduce((a, b) => a + b.current, 0) / f.length, max: Math.max(...f.map((x) => x.current)) };
      }),
    [history],
  );
  const cpu = latest?.cpu ?? null;
  // The platform's modes, from its record (Windows has interrupt and DPC where Linux has I/O wait, IRQ and steal).
  const platformModes = cpuModesOf(cpu?.timesPercent);
  const totalModes = useMemo(() => modeSeries(platformModes, ''), [platformModes]);
  const seriesFor = useCallback(
    (i: number): SeriesSpec[] => (modes ? modeSeries(platformModes, `c${i}`) : [{ key: `c${i}`, name: `CPU ${i}`, color: 'var(--cpu)' }]),
    [modes, platformModes],
  );

  const statsError = latest?.errors?.cpuStats;
  const loadError = latest?.errors?.loadavg;
  const logical = info?.cpuCountLogical ?? 0;
  const details = latest?.cpuDetails;
  const perFreq = details?.perCpuFreq ?? [];
  const current = cpu?.perCpu ?? Array.from({ length: logical }, () => Number.NaN);

  return (
    <>
      <PageHeader title="CPU" topics={pageTopics('cpu')}>
        <span data-testid="cpu-model">{system?.cpuModel ?? '…'}</span> · <span data-testid="cpu-counts">{info ? cores(logical, info.cpuCountPhysical) : '—'}</span>
      </PageHeader>
      <section className="panel" aria-label="CPU">
        <div className="panel-body split">
          <div className="summary">
            <div className="big-number" aria-label="Total CPU usage">
              {cpu ? formatPercent(cpu.percent) : '—'}
            </div>
            <div className="muted small">Total utilisation</div>
            <CpuBreakdown times={cpu?.timesPercent ?? null} />
            <label className="check">
              <input type="checkbox" checked={modes} onChange={(e) => updateSettings({ cpuModes: e.target.checked })} />
              Stack charts by mode ({platformModes.map((m) => MODE_WORDS[m]).join(', ')})
            </label>
          </div>
          <ChartCard
            title={modes ? 'CPU by mode' : 'Total CPU'}
            data={total}
            series={modes ? totalModes : TOTAL}
            stacked={modes}
            view={view}
            csvUnit="%"
            height={240}
            testId="cpu-chart"
            culprits="cpu"
          />
        </div>
        <h3 className="subhead">Per core</h3>
        {latest && <PerCoreGrid data={perCore} current={current} freq={perFreq.map((f) => f.current)} seriesFor={seriesFor} end={view.end} spanMs={view.spanMs} />}
      </section>
      <div className="card-grid">
        {details && details.loadavg === null ? (
          <AbsentChartCard title="Load average" testId="loadavg-not-reported" hint={loadError ? `${loadError.code}: ${loadError.message}` : undefined}>
            Not reported: {loadError ? `the load average could not be read (${loadError.code})` : 'the host’s platform has no load average in Procyon'}.
          </AbsentChartCard>
        ) : (
          <ChartCard
            title="Load average"
            summary={
              details?.loadavg ? (
                <span data-testid="loadavg" data-value={details.loadavg[0]}>
                  {details.loadavg.map((v) => v.toFixed(2)).join(' · ')} <span className="muted">on {logical} cores</span>
                </span>
              ) : (
                '—'
              )
            }
            data={load}
            series={LOAD}
            view={view}
            scale={LOAD_SCALE}
            csvUnit="runnable tasks"
            reference={{ value: logical, label: `${logical} cores` }}
            testId="load-chart"
            culprits="cpu"
          />
        )}
        {statsError ? (
          <AbsentChartCard title="Context switches and interrupts" testId="events-not-reported" hint={`${statsError.code}: ${statsError.message}`}>
            Not reported: {statsError.code === 'UNSUPPORTED' ? 'this host’s platform has no such counters in Procyon yet' : `the counters could not be read (${statsError.code})`}.
          </AbsentChartCard>
        ) : (
          <ChartCard
            title="Context switches and interrupts"
            summary={cpu && cpu.ctxSwitchesPerSec !== null && cpu.interruptsPerSec !== null ? `${formatCountRate(cpu.ctxSwitchesPerSec)} · ${formatCountRate(cpu.interruptsPerSec)}` : '—'}
            data={events}
            series={EVENTS}
            view={view}
            scale={COUNT_RATE_SCALE}
            csvUnit="per second"
            testId="events-chart"
            culprits="cpu"
          />
        )}
        <MetricCards page="cpu" view={view} />
        {perFreq.length > 0 || !details ? (
          <ChartCard
            title="Frequency"
            summary={perFreq.length > 0 ? `${formatFrequency(Math.max(...perFreq.map((f) => f.current)))} fastest` : '—'}
            data={freq}
            series={FREQ}
            view={view}
            scale={FREQUENCY_SCALE}
            csvUnit="MHz"
            testId="freq-chart"
          />
        ) : (
          <AbsentChartCard title="Frequency" testId="freq-not-reported">
            Not reported: this machine does not expose per-core frequencies.
          </AbsentChartCard>
        )}
      </div>
    </>
  );
}
