import { useMemo } from 'react';
import type { CulpritKind } from '../../../shared/culprits';
import type { DiskSample, GpuSample, NicSample } from '../../../shared/payloads';
import { rateScale, temperatureScale } from '../charts/scales';
import { buildSeries, cpuTotalSeries, perCoreSeries, type Point } from '../charts/series';
import { Sparkline } from '../charts/Sparkline';
import type { CulpritSource } from '../charts/culprits';
import { PERCENT_SCALE, TimeSeriesChart, type Scale, type SeriesSpec } from '../charts/TimeSeriesChart';
import { PageHeader } from '../components/PageHeader';
import { AbsentCard, PerfCard } from '../components/PerfCard';
import { activeNics, hottest, mainDisks } from '../data/devices';
import { deviceIn, gpuMemory, gpuModel, hottestGpuSensor } from '../data/gpus';
import { hostMemorySeries, memoryTileText } from '../data/memory';
import { formatBatteryTime, formatBytes, formatFrequency, formatPercent, formatRate, formatTemperature } from '../format';
import { useMonitor } from '../store/context';
import { useSystemInfo } from '../store/system-info';
import { useView, type View } from '../store/view';
import './OverviewPage.css';

// The overview is the page people leave open (Mission Center's performance
// view): every resource a card whose live chart fills what the window gives it.

const CPU: SeriesSpec[] = [{ key: 'total', name: 'CPU', color: 'var(--cpu)' }];
// Used + buffers + cached + free is the whole of RAM on Linux: stacked, they fill to total
// (used + free on Windows, whose psutil has no buffers or cached: hostMemorySeries).
const MEMORY: SeriesSpec[] = [
  { key: 'used', name: 'used', color: 'var(--mem)' },
  { key: 'buffers', name: 'buffers', color: 'var(--mem-buffers)' },
  { key: 'cached', name: 'cached', color: 'var(--mem-cached)' },
  { key: 'free', name: 'free', color: 'var(--mem-free)' },
];
const SWAP: SeriesSpec[] = [{ key: 'v', name: 'Swap used', color: 'var(--swap)' }];
const DISK: SeriesSpec[] = [
  { key: 'r', name: 'Read', color: 'var(--disk)' },
  { key: 'w', name: 'Write', color: 'var(--cpu-system)', line: true },
];
const NET: SeriesSpec[] = [
  { key: 'rx', name: 'Receive', color: 'var(--net)' },
  { key: 'tx', name: 'Send', color: 'var(--net-send)', line: true },
];
const TEMP: SeriesSpec[] = [{ key: 'v', name: 'Hottest', color: 'var(--temp)' }];
const BATTERY: SeriesSpec[] = [{ key: 'v', name: 'Charge', color: 'var(--ok)' }];
const GPU: SeriesSpec[] = [{ key: 'v', name: 'GPU', color: 'var(--cpu)' }];
const BATTERY_SCALE: Scale = { format: (v) => formatPercent(v, 0), max: 100, width: 40 };

/** A chart that takes the card's remaining height. */
function Chart({ data, series, view, scale, stacked, testId, culprits }: { data: Point[]; series: SeriesSpec[]; view: View; scale?: Scale; stacked?: boolean; testId?: string; culprits?: CulpritKind }) {
  // Hovering a point names the processes the host ranked for it (history's culprits).
  const source = useMemo<CulpritSource | undefined>(() => culprits && { kind: culprits, history: view.history }, [culprits, view.history]);
  return (
    <div className="perf-chart" data-testid={testId} data-points={data.length} data-span={view.spanMs}>
      <div className="perf-chart-fill">
        {view.latest && <TimeSeriesChart data={data} series={series} end={view.end} spanMs={view.spanMs} height="100%" {...(scale && { scale })} {...(stacked && { stacked })} {...(source && { culprits: source })} />}
      </div>
    </div>
  );
}

/** Columns for `n` small per-core charts: a landscape grid, as Mission Center lays them out. */
function coreColumns(n: number): number {
  return Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 2.5))));
}

function CpuCard({ view }: { view: View }) {
  const logical = useMonitor((s) => s.info?.cpuCountLogical ?? 0);
  const system = useSystemInfo();
  const { history, latest } = view;
  const total = useMemo(() => cpuTotalSeries(history), [history]);
  const perCore = useMemo(() => perCoreSeries(history), [history]);
  const cpu = latest?.cpu ?? null;
  const freq = latest?.cpuDetails?.perCpuFreq ?? [];
  const current = cpu?.perCpu ?? Array.from({ length: logical }, () => Number.NaN);
  const cols = coreColumns(current.length);
  const fastest = freq.length > 0 ? ` · ${formatFrequency(Math.max(...freq.map((f) => f.current)))}` : '';
  return (
    <PerfCard
      kind="CPU"
      page="cpu"
      className="perf-cpu"
      value={cpu ? formatPercent(cpu.percent) : '—'}
      detail={`${system?.cpuModel ?? `${logical} logical cores`}${system?.cpuModel ? ` · ${logical} logical cores` : ''}${fastest}`}
    >
      <Chart data={total} series={CPU} view={view} testId="cpu-chart" culprits="cpu" />
      <ul className="perf-cores" aria-label="Per-core usage" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${Math.ceil(current.length / cols)}, minmax(0, 1fr))` }}>
        {current.map((value, i) => (
          <li key={i} className={value >= 90 ? 'perf-core busy' : 'perf-core'}>
            <span className="perf-core-label">
              CPU {i} <b>{formatPercent(value, 0)}</b>
            </span>
            <div className="perf-core-chart">
              {view.latest && <Sparkline data={perCore} series={[{ key: `c${i}`, name: `CPU ${i}`, color: 'var(--cpu)' }]} end={view.end} spanMs={view.spanMs} height="100%" />}
            </div>
          </li>
        ))}
      </ul>
    </PerfCard>
  );
}

function MemoryCard({ view }: { view: View }) {
  const { history, latest } = view;
  const fields = useMonitor((s) => s.info?.constants.virtualMemoryFields);
  const series = useMemo(() => hostMemorySeries(MEMORY, fields), [fields]);
  const data = useMemo(() => buildSeries(history, (s) => ({ used: s.memory.used, buffers: s.memory.buffers, cached: s.memory.cached, free: s.memory.free })), [history]);
  const total = latest?.memory.total ?? 0;
  const scale = useMemo<Scale>(() => ({ format: formatBytes, max: total, width: 70 }), [total]);
  if (!latest) return null;
  const text = memoryTileText(latest.memory);
  return (
    <PerfCard
      kind="Memory"
      page="memory"
      value={<span title={text.title}>{text.value}</span>}
      detail={<span title={text.title}>{text.detail}</span>}
      legend={series}
    >
      <Chart data={data} series={series} view={view} scale={scale} stacked testId="memory-chart" culprits="memory" />
    </PerfCard>
  );
}

function SwapCard({ view }: { view: View }) {
  const { history, latest } = view;
  const data = useMemo(() => buildSeries(history, (s) => (s.swap ? { v: s.swap.percent } : null)), [history]);
  if (!latest?.swap) return null;
  const sw = latest.swap;
  return (
    <PerfCard kind="Swap" page="memory" value={formatPercent(sw.percent)} detail={`${formatBytes(sw.used)} of ${formatBytes(sw.total)}`}>
      <Chart data={data} series={SWAP} view={view} />
    </PerfCard>
  );
}

function DiskCard({ disk, view }: { disk: DiskSample; view: View }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = s.disks?.find((x) => x.name === disk.name);
        return d ? { r: d.readBytesPerSec, w: d.writeBytesPerSec } : null;
      }),
    [view.history, disk.name],
  );
  const scale = useMemo(() => ({ ...rateScale(unit), floor: 1024 * 1024 }), [unit]);
  return (
    <PerfCard
      kind="Disk"
      name={disk.name}
      page="disks"
      value={`${formatPercent(disk.busyPercent, 0)} busy`}
      detail={`R ${formatRate(disk.readBytesPerSec, unit)} · W ${formatRate(disk.writeBytesPerSec, unit)}`}
      legend={DISK}
    >
      <Chart data={data} series={DISK} view={view} scale={scale} culprits="disk" />
    </PerfCard>
  );
}

function NicCard({ nic, view }: { nic: NicSample; view: View }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const n = s.network?.find((x) => x.name === nic.name);
        return n ? { rx: n.bytesRecvPerSec, tx: n.bytesSentPerSec } : null;
      }),
    [view.history, nic.name],
  );
  const scale = useMemo(() => ({ ...rateScale(unit), floor: 10 * 1024 }), [unit]);
  return (
    <PerfCard
      kind="Network"
      name={nic.name}
      page="network"
      value={formatRate(nic.bytesRecvPerSec + nic.bytesSentPerSec, unit)}
      detail={`↓ ${formatRate(nic.bytesRecvPerSec, unit)} · ↑ ${formatRate(nic.bytesSentPerSec, unit)}`}
      legend={NET}
    >
      <Chart data={data} series={NET} view={view} scale={scale} />
    </PerfCard>
  );
}

function GpuCard({ gpu, view }: { gpu: GpuSample; view: View }) {
  const unit = useMonitor((s) => s.settings.temperatureUnit);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = deviceIn(s, gpu.id);
        return d && d.busyPercent !== null ? { v: d.busyPercent } : null;
      }),
    [view.history, gpu.id],
  );
  const mem = gpuMemory(gpu);
  const hot = hottestGpuSensor(gpu);
  const detail = [gpuModel(gpu), mem && `${mem.kind} ${formatBytes(mem.used)} of ${formatBytes(mem.total)}`, hot && formatTemperature(hot.current, unit)].filter(Boolean).join(' · ');
  return (
    <PerfCard kind="GPU" name={gpu.id} page="gpu" value={gpu.busyPercent !== null ? formatPercent(gpu.busyPercent) : '—'} detail={detail}>
      <Chart data={data} series={GPU} view={view} scale={PERCENT_SCALE} testId={`gpu-chart-${gpu.id}`} />
    </PerfCard>
  );
}

export function OverviewPage() {
  const view = useView();
  const tempUnit = useMonitor((s) => s.settings.temperatureUnit);
  const { history, latest } = view;
  const temps = useMemo(() => buildSeries(history, (s) => { const h = hottest(s.sensors); return h ? { v: h.sensor.current } : null; }), [history]);
  const battery = useMemo(() => buildSeries(history, (s) => (s.battery ? { v: s.battery.percent } : null)), [history]);
  const tempScale = useMemo(() => temperatureScale(tempUnit), [tempUnit]);

  if (!latest) return <PageHeader title="Overview">Waiting for the first tick…</PageHeader>;
  const sw = latest.swap;
  const hot = hottest(latest.sensors);
  const bat = latest.battery;
  // A tick that did not read GPUs (undefined) says nothing yet; null or none: the machine has none Procyon reads.
  const noGpu = latest.gpus === null || latest.gpus?.length === 0;

  return (
    <>
      <PageHeader title="Overview" topics={['cpu', 'disks', 'network', 'sensors', 'battery', 'gpus']}>
        Every resource, live; open a card for its page.
      </PageHeader>
      <div className="perf-grid">
        <CpuCard view={view} />
        <MemoryCard view={view} />
        {sw !== null && sw.total > 0 && <SwapCard view={view} />}
        {mainDisks(latest.disks ?? []).map((d) => (
          <DiskCard key={d.name} disk={d} view={view} />
        ))}
        {activeNics(latest.network ?? []).map((n) => (
          <NicCard key={n.name} nic={n} view={view} />
        ))}
        {(latest.gpus ?? []).map((g) => (
          <GpuCard key={g.id} gpu={g} view={view} />
        ))}
        {hot && (
          <PerfCard kind="Temperatures" page="sensors" value={formatTemperature(hot.sensor.current, tempUnit)} detail={`Hottest: ${hot.sensor.label || hot.chip}`}>
            <Chart data={temps} series={TEMP} view={view} scale={tempScale} />
          </PerfCard>
        )}
        {bat && (
          <PerfCard kind="Battery" page="battery" value={formatPercent(bat.percent, 0)} detail={bat.powerPlugged ? 'Plugged in' : `On battery · ${formatBatteryTime(bat.secsleft)}`}>
            <Chart data={battery} series={BATTERY} view={view} scale={BATTERY_SCALE} />
          </PerfCard>
        )}
      </div>
      {(sw === null || sw.total === 0 || !hot || !bat || noGpu) && (
        <div className="perf-absent-row">
          {sw === null && <AbsentCard kind="Swap" page="memory" value="—" detail="Not read on this host" />}
          {sw !== null && sw.total === 0 && <AbsentCard kind="Swap" page="memory" value="None" detail="No swap configured" />}
          {!hot && <AbsentCard kind="Temperatures" page="sensors" value="None" detail={latest.sensors ? 'No sensors on this machine' : latest.lacked?.includes('sensors') ? 'Not on this platform yet' : 'Not sampled yet'} />}
          {noGpu && <AbsentCard kind="GPU" page="gpu" value="None" detail={latest.gpus === null || latest.lacked?.includes('gpus') ? 'Not on this platform yet' : 'No GPU on this machine'} />}
          {!bat && <AbsentCard kind="Battery" page="battery" value="None" detail={bat === null ? 'No battery on this machine' : latest.lacked?.includes('battery') ? 'Not on this platform yet' : 'Not sampled yet'} />}
        </div>
      )}
    </>
  );
}
