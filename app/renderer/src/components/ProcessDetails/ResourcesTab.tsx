import type { ReactNode } from 'react';
import type { ProcessRow } from '../../../../shared/payloads';
import { TimeSeriesChart } from '../../charts/TimeSeriesChart';
import { formatByteRate, formatBytes, formatCount } from '../../format';
import { ioClassText, ioTableOf } from '../../processes/io-classes';
import { hasPosixSignals } from '../../processes/actions';
import { hasPriorityClasses, priorityText } from '../../processes/priority';
import { countsAllIo } from '../../data/field-names';
import { hostLacks } from '../../data/host-can';
import { rangeName, rangeSeconds, type RangeId } from '../../settings/range';
import { useMonitor } from '../../store/context';
import type { ProcessPoint } from '../../store/process-ring';
import { memorySection } from './memory-section';
import { Field, FieldList, isUnreadable, KeyValues, Missing, ObjectTable, supported, type Unreadable } from './values';
import './ResourcesTab.css';

const CPU_SERIES = [{ key: 'cpu', name: 'CPU', color: 'var(--cpu)' }];
const MEM_SERIES = [{ key: 'rss', name: 'RSS', color: 'var(--mem)' }];
const IO_SERIES = [{ key: 'io', name: 'Read + write', color: 'var(--disk)' }];
const IO_SCALE = { format: formatByteRate, binary: true, floor: 1024, width: 78 };
const seconds = (v: unknown) => `${Number(v).toFixed(2)} s`;
const BYTES_SCALE = { format: formatBytes, binary: true, width: 70 };
const CPU_SCALE = { format: (v: number) => `${v.toFixed(v < 10 && v % 1 ? 1 : 0)}%`, floor: 10, width: 44 };

function bytesTable(v: Record<string, number>, uss?: Unreadable) {
  return (
    <KeyValues
      label="Memory"
      psutil
      // Bytes, but for a count (Windows' numPageFaults).
      rows={[...Object.entries(v).map(([k, n]): [string, ReactNode] => [k, k.startsWith('num') ? String(n) : formatBytes(n)]), ...(uss ? [['uss', <Missing key="uss" value={uss} />] as [string, ReactNode]] : [])]}
    />
  );
}

interface Props {
  d: Record<string, unknown>;
  /** What the host kept of the process, then the live ticks since the panel opened. */
  points: ProcessPoint[];
  /** Whether the host had kept any (the process was among some point's culprits). */
  kept: boolean;
  /** The pages' range: the charts span it. */
  range: RangeId;
  row: ProcessRow | undefined;
  now: number;
}

export function ResourcesTab({ d, points, kept, range, row, now }: Props) {
  const ioTable = useMonitor((s) => ioTableOf(s.info?.constants));
  const classes = useMonitor((s) => s.info?.constants.priorityClasses);
  const noIonice = useMonitor((s) => hostLacks(s.info, 'Process.ionice'));
  const posix = useMonitor((s) => hasPosixSignals(s.info?.constants));
  const memory = memorySection(d);
  /** A row, left out where the host's platform has no such attribute (rather than shown failing). */
  const ifSupported = (value: unknown, r: [string, ReactNode]): [string, ReactNode][] => (supported(value) ? [r] : []);
  const spanMs = rangeSeconds(range) * 1000;
  const end = points[points.length - 1]?.t ?? now;
  const span = rangeName(range).toLowerCase();
  const since = kept ? `${span}, as the host kept it` : `${span}, from when this panel opened`;
  const threads = d.threads;
  const cpuTimes = d.cpuTimes;
  return (
    <div className="details-resources">
      <div className="details-charts">
        <section aria-label="CPU history">
          <h4>
            CPU % <span className="muted small">({since})</span>
          </h4>
          <div data-testid="details-cpu-chart" data-points={points.length}>
            <TimeSeriesChart data={points} series={CPU_SERIES} end={end} height={120} spanMs={spanMs} scale={CPU_SCALE} />
          </div>
        </section>
        <section aria-label="Memory history">
          <h4>Resident memory</h4>
          <TimeSeriesChart data={points} series={MEM_SERIES} end={end} height={120} spanMs={spanMs} scale={BYTES_SCALE} />
        </section>
        <section aria-label="I/O history">
          {/* Windows' counters take in every read and write (files, network, devices), not only the disks'. */}
          <h4>{countsAllIo(d.ioCounters) ? 'I/O, all devices' : 'Disk I/O'}</h4>
          <TimeSeriesChart data={points} series={IO_SERIES} end={end} height={120} spanMs={spanMs} scale={IO_SCALE} />
        </section>
      </div>
      <div className="details-grid">
        <section aria-label={memory.heading}>
          <h4>{memory.heading}</h4>
          <Field value={memory.value} render={(v: Record<string, number>) => bytesTable(v, memory.uss)} />
        </section>
        <section aria-label="CPU and I/O">
          <h4>CPU, I/O and counters</h4>
          <KeyValues
            label="Counters"
            rows={[
              ['CPU times', <Field key="ct" value={cpuTimes} render={(v: Record<string, number>) => <FieldList values={v} format={(n) => `${n.toFixed(2)} s`} />} />],
              ['Read rate', row ? formatByteRate(row.readBytesPerSec ?? NaN) : '—'],
              ['Write rate', row ? formatByteRate(row.writeBytesPerSec ?? NaN) : '—'],
              [
                'I/O counters',
                <Field
                  key="io"
                  value={d.ioCounters}
                  render={(v: Record<string, number>) => <FieldList values={v} format={(n, k) => (/Bytes|Chars/.test(k) ? formatBytes(n) : formatCount(n))} />}
                />,
              ],
              ...ifSupported(d.numCtxSwitches, [
                'Context switches',
                <Field key="cs" value={d.numCtxSwitches} render={(v: { voluntary: number; involuntary: number }) => `${formatCount(v.voluntary)} voluntary, ${formatCount(v.involuntary)} involuntary`} />,
              ]),
              // The Windows collector's numFds is psutil's num_handles: a handle count, not file descriptors.
              ...ifSupported(d.numFds, [posix ? 'Open file descriptors' : 'Handles', <Field key="fd" value={d.numFds} />]),
              ['Threads', <Field key="nt" value={d.numThreads} />],
              [hasPriorityClasses(classes) ? 'Priority' : 'Nice', <Field key="ni" value={d.nice} render={(v: number) => priorityText(classes, v)} />],
              // Where the platform has no ionice (Windows' collector), the row is not offered rather than shown failing.
              ...(noIonice ? [] : [['I/O priority', <Field key="io2" value={d.ionice} render={(v: { ioclass: number; value: number }) => ioClassText(ioTable, v.ioclass, v.value)} />] as [string, ReactNode]]),
              ...ifSupported(d.cpuAffinity, ['CPU affinity', <Field key="af" value={d.cpuAffinity} render={(v: number[]) => v.join(', ')} />]),
              ...ifSupported(d.cpuNum, ['Last CPU', <Field key="cn" value={d.cpuNum} />]),
            ]}
          />
        </section>
      </div>
      <section aria-label="Threads">
        <h4>Threads</h4>
        {isUnreadable(threads) ? (
          <Missing value={threads} />
        ) : (
          <ObjectTable
            label="Threads"
            items={(threads as Record<string, unknown>[] | undefined) ?? []}
            format={{ userTime: seconds, systemTime: seconds }}
          />
        )}
      </section>
    </div>
  );
}
