import { exportFileName } from '../export/csv';
import { downloadText } from '../export/download';
import { snapshotFile } from '../export/snapshot-file';
import { useApi } from '../api/context';
import { useMonitor } from '../store/context';
import { selectLatest, selectProcesses } from '../store/monitor';

/** The snapshot on screen (the frozen one while paused) as the host sent it, with the process table and what the file holds. */
export function ExportSnapshotButton() {
  const api = useApi();
  const latest = useMonitor(selectLatest);
  const processes = useMonitor(selectProcesses);
  const host = useMonitor((s) => s.info?.hostname);
  const exportJson = async () => {
    if (!latest) return;
    // The page holds the table only while it shows processes; otherwise the host's last read of it (at most a few seconds old).
    const table = processes ?? (await api.getProcessTable().catch(() => null));
    downloadText(exportFileName('procyon-snapshot', latest.time, 'json'), JSON.stringify(snapshotFile(latest, host, table), null, 2) + '\n', 'application/json');
  };
  return (
    <button
      type="button"
      className="tool-button"
      aria-label="Export snapshot as JSON"
      title="Download the readings on screen and the process table as JSON"
      disabled={!latest}
      onClick={() => void exportJson()}
    >
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
        <path d="M12 3v11m0 0l-4-4m4 4l4-4M5 19h14" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
      </svg>
      <span>JSON</span>
    </button>
  );
}
