import type { Target } from '../../processes/actions';
import './TargetList.css';

/** Names every process an action will touch: pid, name and owner, as the issue asks. */
export function TargetList({ targets }: { targets: readonly Target[] }) {
  const shown = targets.slice(0, 8);
  return (
    <ul className="target-list" aria-label="Processes">
      {shown.map((t) => (
        <li key={`${t.pid}:${t.createTime}`}>
          <span className="mono">{t.pid}</span> <strong>{t.name}</strong> <span className="muted">({t.username ?? 'unknown user'})</span>
        </li>
      ))}
      {targets.length > shown.length && <li className="muted">and {targets.length - shown.length} more</li>}
    </ul>
  );
}
