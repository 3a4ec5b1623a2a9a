import type { ProcessRow } from '../../../../shared/payloads';
import { engineList } from '../../data/gpus';
import { formatBytes, formatPercent } from '../../format';
import { useColumnTopic } from '../../store/useColumnTopic';

/**
 * The process's GPU share: its busiest engine, each engine, its GPU memory and
 * the devices it uses, from the live process table. While the tab is open the
 * host reads the table's GPU shares (the processGpu topic), whether or not the
 * GPU columns are shown; it stops when the tab closes.
 */
export function GpuTab({ row }: { row: ProcessRow | undefined }) {
  useColumnTopic('processGpu');

  if (!row) return <p className="muted">The process is not in the live table.</p>;
  // Not yet read with GPU shares (the tick after the tab opened brings them).
  if (row.gpu === undefined) return <p className="muted" data-testid="gpu-tab-waiting">Reading its GPU use…</p>;
  if (row.gpu === null) {
    return (
      <p className="muted" data-testid="gpu-tab-none">
        This process uses no GPU: it holds no DRM device (/dev/dri) and the NVIDIA driver lists it on none.
      </p>
    );
  }
  const g = row.gpu;
  const engines = engineList(g);
  return (
    <div className="gpu-tab" data-testid="gpu-tab">
      <dl className="facts">
        <dt>GPU</dt>
        <dd data-testid="gpu-tab-busy">{formatPercent(g.busyPercent)} (its busiest engine, over the last tick)</dd>
        <dt>GPU memory</dt>
        <dd data-testid="gpu-tab-memory">{formatBytes(g.memoryBytes)}</dd>
        <dt>Devices</dt>
        <dd className="mono">{g.devices.length > 0 ? g.devices.join(', ') : '—'}</dd>
      </dl>
      {engines.length > 0 && (
        <table className="data-table" aria-label="GPU engines">
          <thead>
            <tr>
              <th scope="col">Engine</th>
              <th scope="col" className="num">
                Busy
              </th>
            </tr>
          </thead>
          <tbody>
            {engines.map(([name, busy]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{formatPercent(busy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
