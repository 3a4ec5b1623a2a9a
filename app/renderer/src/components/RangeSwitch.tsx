import { RANGES } from '../settings/range';
import { useMonitor } from '../store/context';
import './RangeSwitch.css';

/** One range for every chart, so charts on a page line up in time. */
export function RangeSwitch() {
  const range = useMonitor((s) => s.settings.range);
  const updateSettings = useMonitor((s) => s.updateSettings);
  return (
    <div className="segmented" role="group" aria-label="History range">
      {RANGES.map((r) => (
        <button
          key={r.id}
          type="button"
          aria-pressed={r.id === range}
          aria-label={r.name}
          title={r.name}
          className={r.id === range ? 'active' : undefined}
          onClick={() => updateSettings({ range: r.id })}
        >
          {r.label}
        </button>
      ))}
    </div>
  );
}
