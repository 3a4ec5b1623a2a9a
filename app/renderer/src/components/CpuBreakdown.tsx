import { isWindowsCpuTimes, type CpuTimesPercent } from '../../../shared/payloads';
import { formatPercent } from '../format';
import { UsageBar, type Segment } from './UsageBar';

type Row = [key: string, label: string, value: number, color: string];

// The platform's modes: on Windows psutil's (user, system, interrupt, DPC, idle);
// on Linux the ones top(1) shows, in its order, irq and softirq one "irq"
// because they are rarely large enough to be worth two rows.
function rows(t: CpuTimesPercent): Row[] {
  if (isWindowsCpuTimes(t)) {
    return [
      ['user', 'User', t.user, 'var(--cpu-user)'],
      ['system', 'System', t.system, 'var(--cpu-system)'],
      ['interrupt', 'Interrupt', t.interrupt, 'var(--cpu-interrupt)'],
      ['dpc', 'DPC', t.dpc, 'var(--cpu-dpc)'],
      ['idle', 'Idle', t.idle, 'var(--track)'],
    ];
  }
  return [
    ['user', 'User', t.user, 'var(--cpu-user)'],
    ['system', 'System', t.system, 'var(--cpu-system)'],
    ['nice', 'Nice', t.nice, 'var(--cpu-nice)'],
    ['iowait', 'I/O wait', t.iowait, 'var(--cpu-iowait)'],
    ['irq', 'IRQ', t.irq + t.softirq, 'var(--cpu-irq)'],
    ['steal', 'Steal', t.steal, 'var(--cpu-steal)'],
    ['idle', 'Idle', t.idle, 'var(--track)'],
  ];
}

function segments(t: CpuTimesPercent): Segment[] {
  return rows(t).map(([key, label, value, color]) => ({ key, label, value, color, text: formatPercent(value) }));
}

export function CpuBreakdown({ times }: { times: CpuTimesPercent | null }) {
  if (!times) return <p className="muted small">Breakdown appears after the second tick.</p>;
  return <UsageBar label="CPU time by mode" segments={segments(times)} total={100} />;
}
