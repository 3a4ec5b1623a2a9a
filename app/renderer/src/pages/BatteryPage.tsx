import { useMemo } from 'react';
import { buildSeries } from '../charts/series';
import type { SeriesSpec } from '../charts/TimeSeriesChart';
import { ChartCard } from '../components/ChartCard';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { formatBatteryTime, formatPercent } from '../format';
import { hostLacks, isCaptured } from '../data/host-can';
import { useMonitor } from '../store/context';
import { useView } from '../store/view';
import './BatteryPage.css';

const CHARGE: SeriesSpec[] = [{ key: 'percent', name: 'Charge', color: 'var(--ok)' }];

function status(plugged: boolean | null, percent: number): string {
  if (plugged === null) return 'Unknown';
  if (!plugged) return 'Discharging';
  return percent >= 99.5 ? 'Full, plugged in' : 'Charging';
}

export function BatteryPage() {
  const view = useView();
  const battery = view.latest?.battery;
  const info = useMonitor((s) => s.info);
  const data = useMemo(() => buildSeries(view.history, (s) => (s.battery ? { percent: s.battery.percent } : null)), [view.history]);
  const header = (
    <PageHeader title="Battery" topics={['battery']}>
      Charge, power source and time left
    </PageHeader>
  );
  if (hostLacks(info, 'sensorsBattery')) {
    return (
      <>
        {header}
        <EmptyState title="This platform reports no battery" testId="battery-unsupported">
          Procyon’s collector cannot read a battery on this platform.
        </EmptyState>
      </>
    );
  }
  if (battery === undefined) return <>{header}<p className="muted">Waiting for the first reading…</p></>;
  if (battery === null) {
    return (
      <>
        {header}
        <EmptyState title="No battery" testId="battery-empty">
          {isCaptured(info)
            ? 'The captured tree reports no battery (no power_supply of type Battery under its /sys).'
            : 'This machine reports no battery: it runs on mains power (a desktop, server or virtual machine).'}
        </EmptyState>
      </>
    );
  }
  const low = !battery.powerPlugged && battery.percent < 15;
  return (
    <>
      {header}
      <section className="panel" aria-label="Battery status">
        <div className="battery-summary">
          <div>
            <div className={low ? 'big-number bad' : 'big-number'} data-testid="battery-percent">
              {formatPercent(battery.percent, 0)}
            </div>
            <div className="meter battery-meter" role="meter" aria-label="Battery charge" aria-valuenow={battery.percent} aria-valuemin={0} aria-valuemax={100}>
              <span style={{ width: `${battery.percent}%`, background: low ? 'var(--bad)' : 'var(--ok)' }} />
            </div>
          </div>
          <dl className="facts">
            <dt>Status</dt>
            <dd data-testid="battery-status">{status(battery.powerPlugged, battery.percent)}</dd>
            <dt>Power</dt>
            <dd>{battery.powerPlugged === null ? 'unknown' : battery.powerPlugged ? 'AC adapter' : 'Battery'}</dd>
            <dt>Time left</dt>
            <dd data-testid="battery-time">{formatBatteryTime(battery.secsleft)}</dd>
          </dl>
        </div>
      </section>
      <ChartCard title="Charge" data={data} series={CHARGE} view={view} csvUnit="%" height={220} testId="battery-chart" />
    </>
  );
}
