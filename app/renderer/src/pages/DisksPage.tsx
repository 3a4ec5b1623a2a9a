import { useMemo, useState } from 'react';
import type { DiskSample, PartitionSample } from '../../../shared/payloads';
import { COUNT_RATE_SCALE, rateScale } from '../charts/scales';
import { buildSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { ChartCard } from '../components/ChartCard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { MetricCards } from '../components/MetricCards';
import { isIdleDisk, mainDisks } from '../data/devices';
import { formatBytes, formatCountRate, formatPercent, formatRate } from '../format';
import { pageTopics } from '../routes/pages';
import { useMonitor } from '../store/context';
import { useView, type View } from '../store/view';
import './DisksPage.css';

const THROUGHPUT: SeriesSpec[] = [
  { key: 'read', name: 'Read', color: 'var(--disk)' },
  { key: 'write', name: 'Write', color: 'var(--disk-write)', line: true },
];
const IOPS: SeriesSpec[] = [
  { key: 'reads', name: 'Reads', color: 'var(--disk)' },
  { key: 'writes', name: 'Writes', color: 'var(--disk-write)', line: true },
];
const BUSY: SeriesSpec[] = [{ key: 'busy', name: 'Busy', color: 'var(--disk)' }];

// A full filesystem breaks things; warn well before it happens, as df users watch for.
const usageColor = (percent: number) => (percent >= 95 ? 'var(--bad)' : percent >= 85 ? 'var(--warn)' : 'var(--disk)');

function PartitionRow({ p }: { p: PartitionSample }) {
  const u = p.usage;
  return (
    <tr>
      <td>{p.device}</td>
      <td>{p.mountpoint}</td>
      <td>{p.fstype}</td>
      <td className="usage-cell">
        {u ? (
          <>
            <div className="meter" role="meter" aria-label={`${p.mountpoint} used`} aria-valuenow={u.percent} aria-valuemin={0} aria-valuemax={100}>
              <span style={{ width: `${Math.min(100, u.percent)}%`, background: usageColor(u.percent) }} />
            </div>
            <span className="num">
              {formatBytes(u.used)} of {formatBytes(u.total)} · {formatPercent(u.percent)} · {formatBytes(u.free)} free
            </span>
          </>
        ) : (
          <span className="muted">usage unavailable</span>
        )}
      </td>
      <td className="opts" title={p.opts}>
        {p.opts}
      </td>
    </tr>
  );
}

function DiskCard({ disk, view }: { disk: DiskSample; view: View }) {
  const unit = useMonitor((s) => s.settings.rateUnit);
  const throughput = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = s.disks?.find((x) => x.name === disk.name);
        return d ? { read: d.readBytesPerSec, write: d.writeBytesPerSec } : null;
      }),
    [view.history, disk.name],
  );
  const iops = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = s.disks?.find((x) => x.name === disk.name);
        return d ? { reads: d.readsPerSec, writes: d.writesPerSec } : null;
      }),
    [view.history, disk.name],
  );
  const busy = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        const d = s.disks?.find((x) => x.name === disk.name);
        return d ? { busy: d.busyPercent } : null;
      }),
    [view.history, disk.name],
  );
  const scale = useMemo(() => rateScale(unit), [unit]);
  return (
    <section className="panel" aria-label={`Disk ${disk.name}`}>
      <div className="panel-head">
        <h3>{disk.name}</h3>
        <span className="muted small">
          {formatBytes(disk.readBytes)} read · {formatBytes(disk.writeBytes)} written since boot
        </span>
      </div>
      <div className="card-grid three">
        <ChartCard
          title={`${disk.name} throughput`}
          summary={`R ${formatRate(disk.readBytesPerSec, unit)} · W ${formatRate(disk.writeBytesPerSec, unit)}`}
          data={throughput}
          series={THROUGHPUT}
          view={view}
          scale={scale}
          csvUnit="bytes/s"
          testId={`disk-throughput-${disk.name}`}
          culprits="disk"
        />
        <ChartCard
          title={`${disk.name} IOPS`}
          summary={`${formatCountRate(disk.readsPerSec)} · ${formatCountRate(disk.writesPerSec)}`}
          data={iops}
          series={IOPS}
          view={view}
          scale={COUNT_RATE_SCALE}
          csvUnit="operations/s"
          culprits="disk"
        />
        <ChartCard title={`${disk.name} busy`} summary={formatPercent(disk.busyPercent)} data={busy} series={BUSY} view={view} csvUnit="%" culprits="disk" />
      </div>
    </section>
  );
}

export function DisksPage() {
  const view = useView();
  const [showAll, setShowAll] = useState(false);
  const latest = view.latest;
  const disks = latest?.disks;
  const partitions = latest?.partitions;
  const shown = useMemo(() => (disks ? (showAll ? disks : mainDisks(disks)) : []), [disks, showAll]);
  const hidden = (disks?.length ?? 0) - shown.length;

  return (
    <>
      <PageHeader title="Disks" topics={pageTopics('disks')}>
        Mounted filesystems and block-device activity
      </PageHeader>
      <section className="panel" aria-label="Partitions">
        <div className="panel-head">
          <h3>Partitions</h3>
        </div>
        {!partitions ? (
          <p className="muted">{latest?.lacked?.includes('partitions') ? 'Not reported: the host’s platform has no partition list in Procyon.' : latest?.errors?.partitions ? 'Not available: the error above says why.' : 'Waiting for the first reading…'}</p>
        ) : partitions.length === 0 ? (
          <EmptyState title="No mounted partitions" />
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Mount point</th>
                  <th scope="col">Type</th>
                  <th scope="col">Usage</th>
                  <th scope="col">Options</th>
                </tr>
              </thead>
              <tbody>
                {partitions.map((p) => (
                  <PartitionRow key={`${p.device} ${p.mountpoint}`} p={p} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <MetricCards page="disks" view={view} grid />
      <div className="section-head">
        <h3 className="subhead">Devices</h3>
        {disks && (hidden > 0 || showAll) && (
          <label className="check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show partitions and idle devices{hidden > 0 ? ` (${hidden} hidden)` : ''}
          </label>
        )}
      </div>
      {!disks ? (
        <p className="muted" data-testid="disks-absent">
          {latest?.lacked?.includes('disks') ? 'Not reported: the host’s platform has no per-device I/O counters in Procyon.' : latest?.errors?.disks ? 'Not available: the error above says why.' : 'Waiting for the first reading…'}
        </p>
      ) : shown.length === 0 ? (
        <EmptyState title="No active block devices">{disks.filter(isIdleDisk).length} devices have done no I/O since boot.</EmptyState>
      ) : (
        shown.map((d) => <DiskCard key={d.name} disk={d} view={view} />)
      )}
    </>
  );
}
