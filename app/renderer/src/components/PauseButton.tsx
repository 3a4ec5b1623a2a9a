import { useMonitor } from '../store/context';

/** Freezes what is on screen; ticks still arrive and are kept, so resuming loses nothing. */
export function PauseButton() {
  const paused = useMonitor((s) => s.frozen !== null);
  const toggle = useMonitor((s) => s.togglePause);
  return (
    <button
      type="button"
      className={paused ? 'tool-button paused' : 'tool-button'}
      aria-pressed={paused}
      aria-label={paused ? 'Resume updates' : 'Pause updates'}
      title={paused ? 'Resume updates' : 'Pause updates (new ticks are still recorded)'}
      onClick={toggle}
    >
      {paused ? (
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <path d="M7 4l13 8-13 8z" fill="currentColor" />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <path d="M6 4h4v16H6zM14 4h4v16h-4z" fill="currentColor" />
        </svg>
      )}
      <span>{paused ? 'Resume' : 'Pause'}</span>
    </button>
  );
}
