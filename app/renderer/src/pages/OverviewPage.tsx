import { useMemo } from 'react';
import type { DiskSample, NicSample } from '../../../shared/payloads';
import { buildSeries, cpuTotalSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { PageHeader } from '../components/PageHeader';
import { Tile } from '../components/Tile';
import { activeNics, hottest, mainDisks } from '../data/devices';
import { memoryTileText } from '../data/memory';
import { formatBatteryTime, formatBytes, formatPercent, formatRate, formatTemperature } from '../format';
import { useMonitor } from '../store/context';
import { useView, type View } from '../store/view';

const CPU: SeriesSpec[] = [{ key: 'v', name: 'CPU', color: 'var(--cpu)' }];
const MEMORY: SeriesSpec[] = [{ key: 'v', name: 'Memory', color: 'var(--mem)' }];
const SWAP: SeriesSpec[] = [{ key: 'v', name: 'Swap', color: 'var(--swap)' }];
const DISK: SeriesSpec[] = [{ key: 'v', name: 'Read + write', color: 'var(--disk)' }];
const NET: SeriesSpec[] = [{ key: 'v', name: 'Receive + send', color: 'var(--net)' }];
const TEMP: SeriesSpec[] = [{ key: 'v', name: 'Hottest', color: 'var(--temp)' }];
const BATTERY: SeriesSpec[] = [{ key: 'v', name: 'Charge', color: 'var(--ok)' }];

function DiskTile({ disk, view }: { disk: DiskSample; view: View }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = s.disks?.find((x) => x.name === disk.name);
        return d ? { v: d.readBytesPerSec + d.writeBytesPerSec } : null;
      }),
    [view.history, disk.name],
  );
  return (
    <Tile
      title={`Disk ${disk.name}`}
      page="disks"
      value={`${formatPercent(disk.busyPercent, 0)} busy`}
      detail={`R ${formatRate(disk.readBytesPerSec, unit)} · W ${formatRate(disk.writeBytesPerSec, unit)}`}
      data={data}
      series={DISK}
      view={view}
      culprits="disk"
      floor={1024 * 1024}
      formatValue={(v) => formatRate(v, unit)}
    />
  );
}

function NicTile({ nic, view }: { nic: NicSample; view: View }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const n = s.network?.find((x) => x.name === nic.name);
        return n ? { v: n.bytesRecvPerSec + n.bytesSentPerSec } : null;
      }),
    [view.history, nic.name],
  );
  return (
    <Tile
      title={`Network ${nic.name}`}
      page="network"
      value={formatRate(nic.bytesRecvPerSec + nic.bytesSentPerSec, unit)}
      detail={`↓ ${formatRate(nic.bytesRecvPerSec, unit)} · ↑ ${formatRate(nic.bytesSentPerSec, unit)}`}
      data={data}
      series={NET}
      view={view}
      floor={10 * 1024}
      formatValue={(v) => formatRate(v, unit)}
    />
  );
}

export function OverviewPage() {
  const view = useView();
  const tempUnit = useMonitor((s) => s.settings.temperatureUnit);
  const logical = useMonitor((s) => s.info?.cpuCountLogical ?? 0);
  const { history, latest } = view;

  const cpu = useMemo(() => cpuTotalSeries(history).map((p) => ({ t: p.t, v: p.total! })), [history]);
  const memory = useMemo(() => buildSeries(history, (s) => ({ v: s.memory.percent })), [history]);
  const swap = useMemo(() => buildSeries(history, (s) => ({ v: s.swap.percent })), [history]);
  const temps = useMemo(() => buildSeries(history, (s) => { const h = hottest(s.sensors); return h ? { v: h.sensor.current } : null; }), [history]);
  const battery = useMemo(() => buildSeries(history, (s) => (s.battery ? { v: s.battery.percent } : null)), [history]);

  if (!latest) return <PageHeader title="Overview">Waiting for the first tick…</PageHeader>;
  const { memory: m, swap: sw } = latest;
  const hot = hottest(latest.sensors);
  const bat = latest.battery;
  const memoryTile = memoryTileText(m);

  return (
    <>
      <PageHeader title="Overview" topics={['cpu', 'disks', 'network', 'sensors', 'battery']}>
        Every resource at a glance; open a tile for its page.
      </PageHeader>
      <div className="tile-grid">
        <Tile
          title="CPU"
          page="cpu"
          value={latest.cpu ? formatPercent(latest.cpu.percent) : '—'}
          detail={`${logical} logical cores`}
          data={cpu}
          series={CPU}
          view={view}
          testId="cpu-chart"
          culprits="cpu"
        />
        <Tile
          title="Memory"
          page="memory"
          value={<span title={memoryTile.title}>{memoryTile.value}</span>}
          detail={<span title={memoryTile.title}>{memoryTile.detail}</span>}
          data={memory}
          series={MEMORY}
          view={view}
          culprits="memory"
        />
        <Tile
          title="Swap"
          page="memory"
          value={sw.total > 0 ? formatPercent(sw.percent) : 'None'}
          detail={sw.total > 0 ? `${formatBytes(sw.used)} of ${formatBytes(sw.total)}` : 'No swap configured'}
          data={swap}
          series={SWAP}
          view={view}
        />
        {mainDisks(latest.disks ?? []).map((d) => (
          <DiskTile key={d.name} disk={d} view={view} />
        ))}
        {activeNics(latest.network ?? []).map((n) => (
          <NicTile key={n.name} nic={n} view={view} />
        ))}
        <Tile
          title="Temperatures"
          page="sensors"
          value={hot ? formatTemperature(hot.sensor.current, tempUnit) : 'None'}
          detail={hot ? `Hottest: ${hot.sensor.label || hot.chip}` : latest.sensors ? 'No sensors on this machine' : 'Not sampled yet'}
          data={temps}
          series={TEMP}
          view={view}
          floor={50}
          formatValue={(v) => formatTemperature(v, tempUnit)}
        />
        <Tile
          title="Battery"
          page="battery"
          value={bat ? formatPercent(bat.percent, 0) : 'None'}
          detail={bat ? (bat.powerPlugged ? 'Plugged in' : `On battery · ${formatBatteryTime(bat.secsleft)}`) : bat === null ? 'No battery on this machine' : 'Not sampled yet'}
          data={battery}
          series={BATTERY}
          view={view}
        />
      </div>
    </>
  );
}
