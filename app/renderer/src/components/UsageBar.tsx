import './UsageBar.css';

export interface Segment {
  key: string;
  label: string;
  /** In the same unit as `total`. */
  value: number;
  color: string;
  /** The value as the legend shows it, e.g. "1.20 GiB" or "12.5%". */
  text: string;
}

interface Props {
  label: string;
  segments: Segment[];
  total: number;
  /** Leave the remainder of the track empty rather than listing it (e.g. idle). */
  legend?: boolean;
}

/** A horizontal stacked bar with a legend; segments are scaled to fit if their sum overshoots. */
export function UsageBar({ label, segments, total, legend = true }: Props) {
  const sum = segments.reduce((acc, s) => acc + Math.max(0, s.value), 0);
  const scale = total > 0 ? 100 / Math.max(total, sum) : 0;
  const summary = segments.map((s) => `${s.label} ${s.text}`).join(', ');
  return (
    <div className="usage">
      <div className="usage-bar" role="img" aria-label={`${label}: ${summary}`}>
        {segments.map((s) => (
          <span
            key={s.key}
            className="usage-segment"
            style={{ width: `${Math.max(0, s.value) * scale}%`, background: s.color }}
            title={`${s.label}: ${s.text}`}
          />
        ))}
      </div>
      {legend && (
        <ul className="usage-legend">
          {segments.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              <span className="usage-legend-label">{s.label}</span>
              <span className="usage-legend-value">{s.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
