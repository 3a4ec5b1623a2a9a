import { useMemo } from 'react';
import type { GpuSample } from '../../../shared/payloads';
import { BYTES_SCALE, FREQUENCY_SCALE, temperatureScale } from '../charts/scales';
import { buildSeries } from '../charts/series';
import { PERCENT_SCALE, type Scale, type SeriesSpec } from '../charts/TimeSeriesChart';
import { ChartCard } from '../components/ChartCard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { UsageBar } from '../components/UsageBar';
import { deviceIn, gpuMemory, gpuModel } from '../data/gpus';
import { hostLacks, isCaptured } from '../data/host-can';
import { formatBytes, formatCount, formatFrequency, formatPercent, formatTemperature } from '../format';
import { pageTopics } from '../routes/pages';
import { useMonitor } from '../store/context';
import { useView, type View } from '../store/view';
import './GpuPage.css';

// One section per GPU (Mission Center's GPU view): what the driver exposes,
// live, with its history over the header's range. A figure the driver does not
// expose is named as such once, not drawn as an empty chart.

const PALETTE = ['var(--cpu)', 'var(--net-send)', 'var(--disk)', 'var(--cpu-iowait)', 'var(--mem)', 'var(--cpu-irq)', 'var(--net)', 'var(--swap)'];
const MEMORY_LINES: SeriesSpec[] = [
  { key: 'vram', name: 'VRAM used', color: 'var(--mem)' },
  { key: 'gtt', name: 'GTT used', color: 'var(--swap)', line: true },
];
const POWER_LINES: SeriesSpec[] = [{ key: 'w', name: 'Power', color: 'var(--cpu-iowait)' }];
const CLOCK_LINES: SeriesSpec[] = [
  { key: 'gfx', name: 'Graphics', color: 'var(--cpu)' },
  { key: 'mem', name: 'Memory', color: 'var(--mem)', line: true },
];
const WATTS = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} W`;

/** "41.0 % busy" figures of a device as the facts list shows them; null: not exposed. */
const pct = (v: number | null) => (v === null ? null : formatPercent(v));

/** The device's utilization lines: the overall busy figure, then each engine. */
function utilizationLines(d: GpuSample): SeriesSpec[] {
  const lines: SeriesSpec[] = [];
  if (d.busyPercent !== null) lines.push({ key: 'busy', name: 'GPU', color: PALETTE[0]! });
  if (d.memoryBusyPercent !== null) lines.push({ key: 'membusy', name: 'Memory controller', color: PALETTE[4]!, line: true });
  d.engines.forEach((e, i) => lines.push({ key: `e:${e.name}`, name: e.name, color: PALETTE[(i + 1) % PALETTE.length]!, line: true }));
  return lines;
}

function Fact({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

function GpuSection({ gpu, view }: { gpu: GpuSample; view: View }) {
  const unit = useMonitor((s) => s.settings.temperatureUnit);
  const { id } = gpu;
  const util = useMemo(() => utilizationLines(gpu), [gpu]);
  const utilKey = util.map((l) => l.key).join('|');
  const temps = useMemo<SeriesSpec[]>(() => gpu.temperatures.map((t, i) => ({ key: `t${i}`, name: t.label || `temp${i + 1}`, color: i === 0 ? 'var(--temp)' : PALETTE[i % PALETTE.length]!, line: i > 0 })), [gpu.temperatures]);
  const tempKey = temps.map((t) => t.name).join('|');

  const utilData = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = deviceIn(s, id);
        if (!d) return null;
        const row: Record<string, number> = {};
        if (d.busyPercent !== null) row.busy = d.busyPercent;
        if (d.memoryBusyPercent !== null) row.membusy = d.memoryBusyPercent;
        for (const e of d.engines) if (e.busyPercent !== null) row[`e:${e.name}`] = e.busyPercent;
        return row;
      }),
    // utilKey: the lines' identity, so a tick with the same engines does not rebuild them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.history, id, utilKey],
  );
  const memData = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = deviceIn(s, id);
        if (!d) return null;
        const row: Record<string, number> = {};
        if (d.memory.vramUsed !== null) row.vram = d.memory.vramUsed;
        if (d.memory.gttUsed !== null) row.gtt = d.memory.gttUsed;
        return row;
      }),
    [view.history, id],
  );
  const tempData = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = deviceIn(s, id);
        return d && d.temperatures.length > 0 ? Object.fromEntries(d.temperatures.map((t, i) => [`t${i}`, t.current])) : null;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.history, id, tempKey],
  );
  const powerData = useMemo(() => buildSeries(view.history, (s) => { const d = deviceIn(s, id); return d && d.powerWatts !== null ? { w: d.powerWatts } : null; }), [view.history, id]);
  const clockData = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = deviceIn(s, id);
        if (!d || (d.clockGraphicsMhz === null && d.clockMemoryMhz === null)) return null;
        return { ...(d.clockGraphicsMhz !== null && { gfx: d.clockGraphicsMhz }), ...(d.clockMemoryMhz !== null && { mem: d.clockMemoryMhz }) };
      }),
    [view.history, id],
  );
  const tempScale = useMemo(() => temperatureScale(unit), [unit]);
  const powerScale = useMemo<Scale>(() => ({ format: WATTS, floor: 10, width: 52, ...(gpu.powerLimitWatts !== null && { max: Math.max(gpu.powerLimitWatts, gpu.powerWatts ?? 0) }) }), [gpu.powerLimitWatts, gpu.powerWatts]);

  const mem = gpuMemory(gpu);
  const m = gpu.memory;
  const memLines = MEMORY_LINES.filter((l) => (l.key === 'vram' ? m.vramUsed !== null : m.gttUsed !== null));
  const clockLines = CLOCK_LINES.filter((l) => (l.key === 'gfx' ? gpu.clockGraphicsMhz !== null : gpu.clockMemoryMhz !== null));
  const usedOf = (used: number | null, total: number | null) => (used === null || total === null ? null : `${formatBytes(used)} of ${formatBytes(total)}`);
  const share = (used: number | null, total: number | null) => (used !== null && total !== null && total > 0 ? ` (${formatPercent((used / total) * 100, 0)})` : '');
  const hot = gpu.temperatures.map((t) => `${t.label || 'temp'} ${formatTemperature(t.current, unit)}`).join(' · ');
  // The figures this device exposes, in a fixed order; those it does not are named once, under the section.
  const facts: { label: string; value: string | null; testId?: string }[] = [
    { label: 'Utilization', value: pct(gpu.busyPercent), testId: 'gpu-busy' },
    { label: 'Memory controller', value: pct(gpu.memoryBusyPercent) },
    ...gpu.engines.map((e) => ({ label: `Engine ${e.name}`, value: pct(e.busyPercent) })),
    { label: 'VRAM', value: usedOf(m.vramUsed, m.vramTotal) && `${usedOf(m.vramUsed, m.vramTotal)}${share(m.vramUsed, m.vramTotal)}`, testId: 'gpu-vram' },
    { label: 'Visible VRAM', value: usedOf(m.visVramUsed, m.visVramTotal), testId: 'gpu-vis-vram' },
    { label: 'GTT', value: usedOf(m.gttUsed, m.gttTotal), testId: 'gpu-gtt' },
    { label: 'Temperature', value: hot || null, testId: 'gpu-temperature' },
    { label: 'Power', value: gpu.powerWatts === null ? null : `${WATTS(gpu.powerWatts)}${gpu.powerLimitWatts !== null ? ` of ${WATTS(gpu.powerLimitWatts)}` : ''}`, testId: 'gpu-power' },
    {
      label: 'Graphics clock',
      value: gpu.clockGraphicsMhz === null ? null : `${formatFrequency(gpu.clockGraphicsMhz)}${gpu.clockGraphicsMaxMhz !== null ? ` of ${formatFrequency(gpu.clockGraphicsMaxMhz)}` : ''}`,
      testId: 'gpu-clock',
    },
    { label: 'Memory clock', value: gpu.clockMemoryMhz === null ? null : formatFrequency(gpu.clockMemoryMhz) },
    { label: 'Fan', value: gpu.fanRpm !== null ? `${formatCount(gpu.fanRpm)} RPM${gpu.fanPercent !== null ? ` (${formatPercent(gpu.fanPercent, 0)})` : ''}` : pct(gpu.fanPercent), testId: 'gpu-fan' },
    { label: 'PCI', value: gpu.pciSlot === null ? null : `${gpu.pciSlot}${gpu.vendorId !== null && gpu.deviceId !== null ? ` · ${hex4(gpu.vendorId)}:${hex4(gpu.deviceId)}` : ''}` },
    { label: 'Vendor', value: gpu.vendor },
  ].filter((f) => f.value !== null);
  const lacking = [
    // i915 and xe have no busy figure of their own: it is their clients' engine time, and none has it open.
    gpu.busyPercent === null && gpu.engines.length === 0 && (gpu.driver === 'i915' || gpu.driver === 'xe' ? 'utilization (its clients’ engine time: no process has it open)' : 'utilization'),
    mem === null && 'memory figures',
    gpu.temperatures.length === 0 && 'temperature',
    gpu.powerWatts === null && 'power',
    gpu.clockGraphicsMhz === null && gpu.clockMemoryMhz === null && 'clocks',
    gpu.fanRpm === null && gpu.fanPercent === null && 'fan',
  ].filter((x): x is string => typeof x === 'string');

  return (
    <section className="panel gpu-section" aria-label={`GPU ${id}`} data-testid={`gpu-${id}`}>
      <div className="panel-head">
        <h3>
          {gpuModel(gpu)} <span className="muted">{id}</span>
        </h3>
        <span className="gpu-pills">
          <span className="pill">{gpu.driver}</span>
          {gpu.performanceLevel && <span className="pill" title="Power profile (power_dpm_force_performance_level)">{gpu.performanceLevel}</span>}
        </span>
      </div>
      <div className="gpu-body">
        <div className="gpu-facts">
          <dl className="facts">
            {facts.map((f) => (
              <Fact key={f.label} {...f} />
            ))}
          </dl>
          {mem && (
            <UsageBar
              legend={false}
              label={`${mem.kind} used`}
              total={mem.total}
              segments={[{ key: 'used', label: mem.kind, value: mem.used, color: 'var(--mem)', text: `${formatBytes(mem.used)} (${formatPercent((mem.used / mem.total) * 100, 0)})` }]}
            />
          )}
        </div>
        <div className="gpu-charts">
          {util.length > 0 ? (
            <ChartCard
              title="Utilization"
              summary={gpu.busyPercent !== null ? formatPercent(gpu.busyPercent) : '—'}
              data={utilData}
              series={util}
              view={view}
              scale={PERCENT_SCALE}
              csvUnit="%"
              testId={`gpu-${id}-utilization`}
              note={gpu.engines.length > 0 ? 'Engines: the time the processes’ DRM clients kept each engine busy over the tick, summed.' : undefined}
            />
          ) : null}
          {memLines.length > 0 && (
            <ChartCard
              title="Memory"
              summary={[m.vramUsed !== null && `VRAM ${formatBytes(m.vramUsed)}`, m.gttUsed !== null && `GTT ${formatBytes(m.gttUsed)}`].filter(Boolean).join(' · ')}
              data={memData}
              series={memLines}
              view={view}
              scale={{ ...BYTES_SCALE, ...(mem && { max: Math.max(mem.total, m.vramUsed ?? 0, m.gttUsed ?? 0) }) }}
              csvUnit="bytes"
              testId={`gpu-${id}-memory`}
              note="VRAM: the card’s own memory. GTT: system memory the GPU maps (what an integrated GPU mostly uses)."
            />
          )}
          {temps.length > 0 && <ChartCard title="Temperature" summary={hot} data={tempData} series={temps} view={view} scale={tempScale} csvUnit="°C" testId={`gpu-${id}-temperature`} />}
          {gpu.powerWatts !== null && (
            <ChartCard
              title="Power"
              summary={`${WATTS(gpu.powerWatts)}${gpu.powerLimitWatts !== null ? ` of ${WATTS(gpu.powerLimitWatts)}` : ''}`}
              data={powerData}
              series={POWER_LINES}
              view={view}
              scale={powerScale}
              csvUnit="W"
              testId={`gpu-${id}-power`}
            />
          )}
          {clockLines.length > 0 && (
            <ChartCard
              title="Clocks"
              summary={[gpu.clockGraphicsMhz !== null && `gfx ${formatFrequency(gpu.clockGraphicsMhz)}`, gpu.clockMemoryMhz !== null && `mem ${formatFrequency(gpu.clockMemoryMhz)}`].filter(Boolean).join(' · ')}
              data={clockData}
              series={clockLines}
              view={view}
              scale={FREQUENCY_SCALE}
              csvUnit="MHz"
              testId={`gpu-${id}-clocks`}
            />
          )}
        </div>
      </div>
      {lacking.length > 0 && (
        <p className="muted small gpu-lacking" data-testid={`gpu-${id}-lacking`}>
          Not exposed by {gpu.driver} for this device: {lacking.join(', ')}{hwmonNote(gpu)}.
        </p>
      )}
    </section>
  );
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
// amdgpu's temperatures, power and fan are in its hwmon folder: say where they would be.
const hwmonNote = (d: GpuSample) => (d.driver === 'amdgpu' && d.temperatures.length === 0 && d.powerWatts === null ? ' (its device has no hwmon folder)' : '');

export function GpuPage() {
  const view = useView();
  const info = useMonitor((s) => s.info);
  const latest = view.latest;
  const gpus = latest?.gpus;
  const header = (
    <PageHeader title="GPU" topics={pageTopics('gpu')}>
      Each graphics card: engines, memory, temperature, power and clocks
    </PageHeader>
  );
  if (hostLacks(info, 'gpus') || gpus === null || (gpus !== undefined && gpus.length === 0)) {
    const captured = isCaptured(info);
    return (
      <>
        {header}
        <EmptyState title={captured ? 'The captured tree has no GPU' : 'This machine has no GPU Procyon can read'} testId="gpu-empty">
          {hostLacks(info, 'gpus') || gpus === null
            ? 'The host’s collector reads no GPUs on this platform.'
            : captured
              ? 'Its /sys has no DRM card (class/drm/card*) and the tree holds no NVIDIA device.'
              : 'No DRM card under /sys/class/drm (amdgpu, i915, xe) and no NVIDIA driver (libnvidia-ml). Virtual machines and containers usually have none.'}
        </EmptyState>
      </>
    );
  }
  if (!gpus) return <>{header}<p className="muted">Waiting for the first reading…</p></>;
  return (
    <>
      {header}
      {gpus.map((d) => (
        <GpuSection key={d.id} gpu={d} view={view} />
      ))}
    </>
  );
}
