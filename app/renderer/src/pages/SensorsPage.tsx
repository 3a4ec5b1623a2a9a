import { useMemo } from 'react';
import type { SensorsSample, TemperatureSample } from '../../../shared/payloads';
import { temperatureScale } from '../charts/scales';
import { buildSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { ChartCard } from '../components/ChartCard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { heatLevel, sensorName } from '../data/devices';
import { hostLacks, isCaptured } from '../data/host-can';
import { formatCount, formatTemperature, type TemperatureUnit } from '../format';
import { useMonitor } from '../store/context';
import { useView } from '../store/view';
import './SensorsPage.css';

const PALETTE = ['var(--temp)', 'var(--cpu)', 'var(--mem)', 'var(--net)', 'var(--disk)', 'var(--cpu-iowait)', 'var(--cpu-nice)', 'var(--swap)'];
// More lines than this make a chart nobody can read; the table lists every sensor.
const MAX_CHART_SERIES = PALETTE.length;

/** Stable keys per sensor: "chip/index", so the chart follows a sensor even if labels repeat. */
function sensorKeys(sensors: SensorsSample): { key: string; name: string; chip: string; index: number }[] {
  return Object.entries(sensors.temperatures).flatMap(([chip, list]) =>
    list.map((t, index) => ({ key: `${chip}/${index}`, name: `${chip} ${sensorName(chip, t, index)}`, chip, index })),
  );
}

function TemperatureRow({ chip, t, index, unit }: { chip: string; t: TemperatureSample; index: number; unit: TemperatureUnit }) {
  const heat = heatLevel(t);
  // The bar's full width is the critical mark (or high, or 100 °C) so the marks sit where they mean something.
  const top = Math.max(t.critical ?? 0, t.high ?? 0, 100, t.current);
  const pct = (v: number) => `${Math.min(100, (v / top) * 100)}%`;
  const name = sensorName(chip, t, index);
  return (
    <tr className={`heat-${heat}`}>
      <th scope="row">{name}</th>
      <td className="num temp-value" data-testid="temperature">
        {formatTemperature(t.current, unit)}
      </td>
      <td className="temp-bar-cell">
        <div className="temp-bar" role="meter" aria-label={`${name} temperature`} aria-valuenow={t.current} aria-valuemin={0} aria-valuemax={top}>
          <span className="temp-fill" style={{ width: pct(t.current) }} />
          {t.high !== null && t.high > 0 && <span className="temp-mark temp-mark-high" style={{ left: pct(t.high) }} title="High" />}
          {t.critical !== null && t.critical > 0 && <span className="temp-mark temp-mark-crit" style={{ left: pct(t.critical) }} title="Critical" />}
        </div>
      </td>
      <td className="num muted">{t.high !== null && t.high > 0 ? `high ${formatTemperature(t.high, unit)}` : ''}</td>
      <td className="num muted">{t.critical !== null && t.critical > 0 ? `crit ${formatTemperature(t.critical, unit)}` : ''}</td>
    </tr>
  );
}

export function SensorsPage() {
  const view = useView();
  const unit = useMonitor((s) => s.settings.temperatureUnit);
  const info = useMonitor((s) => s.info);
  const sensors = view.latest?.sensors;
  const keys = useMemo(() => (sensors ? sensorKeys(sensors).slice(0, MAX_CHART_SERIES) : []), [sensors]);
  const keyList = keys.map((k) => k.key).join('|');
  const series = useMemo<SeriesSpec[]>(
    () => keys.map((k, i) => ({ key: k.key, name: k.name, color: PALETTE[i]!, line: true })),
    // keyList: the sensors' identity, not the snapshot's, so series stay stable across ticks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [keyList],
  );
  const data = useMemo(
    () =>
      buildSeries(view.history, (s) => {
        if (!s.sensors) return null;
        const row: Record<string, number> = {};
        for (const k of keys) {
          const t = s.sensors.temperatures[k.chip]?.[k.index];
          if (t) row[k.key] = t.current;
        }
        return row;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.history, keyList],
  );
  const scale = useMemo(() => temperatureScale(unit), [unit]);

  const header = (
    <PageHeader title="Sensors" topics={['sensors']}>
      Temperatures by chip, with their high and critical marks, and fans
    </PageHeader>
  );
  if (hostLacks(info, 'sensorsTemperatures') && hostLacks(info, 'sensorsFans')) {
    return (
      <>
        {header}
        <EmptyState title="This platform reports no sensors" testId="sensors-unsupported">
          Procyon’s collector cannot read temperatures or fans on this platform.
        </EmptyState>
      </>
    );
  }
  if (!sensors) return <>{header}<p className="muted">Waiting for the first reading…</p></>;
  const chips = Object.entries(sensors.temperatures);
  const fans = Object.entries(sensors.fans);
  if (chips.length === 0 && fans.length === 0) {
    return (
      <>
        {header}
        {isCaptured(info) ? (
          <EmptyState title="The captured tree has no sensors" testId="sensors-empty">
            Its /sys holds no temperature or fan readings (no class/hwmon or thermal zones).
          </EmptyState>
        ) : (
          <EmptyState title="This machine exposes no sensors" testId="sensors-empty">
            No temperature or fan readings are available (no /sys/class/hwmon or thermal zones). Virtual machines and containers usually have none.
          </EmptyState>
        )}
      </>
    );
  }
  return (
    <>
      {header}
      {chips.length > 0 && <ChartCard title="Temperatures" data={data} series={series} view={view} scale={scale} csvUnit="°C" height={220} testId="temperature-chart" />}
      <div className="card-grid">
        {chips.map(([chip, list]) => (
          <section className="panel" aria-label={`Chip ${chip}`} key={chip}>
            <div className="panel-head">
              <h3>{chip}</h3>
            </div>
            <table className="sensor-table">
              <tbody>
                {list.map((t, i) => (
                  <TemperatureRow key={i} chip={chip} t={t} index={i} unit={unit} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {fans.map(([chip, list]) => (
          <section className="panel" aria-label={`Fans ${chip}`} key={`fans ${chip}`}>
            <div className="panel-head">
              <h3>{chip} fans</h3>
            </div>
            <table className="sensor-table">
              <tbody>
                {list.map((f, i) => (
                  <tr key={i}>
                    <th scope="row">{f.label || `Fan ${i + 1}`}</th>
                    <td className="num temp-value" data-testid="fan">
                      {formatCount(f.current)} RPM
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
