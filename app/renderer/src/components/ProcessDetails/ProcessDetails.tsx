import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { toApiError } from '../../../../shared/errors';
import type { ProcessRow } from '../../../../shared/payloads';
import { useApi } from '../../api/context';
import { hostLacks } from '../../data/host-can';
import type { ProcessKey } from '../../processes/table';
import { useMonitor } from '../../store/context';
import { joinKept, keptPoints, type ProcessPoint } from '../../store/process-ring';
import { rangeSeconds } from '../../settings/range';
import { GeneralTab } from './GeneralTab';
import { GpuTab } from './GpuTab';
import { NetworkTab } from './NetworkTab';
import { ConnectionsTab, EnvironmentTab, LimitsTab, MapsTab, OpenFilesTab } from './ListTabs';
import { ResourcesTab } from './ResourcesTab';
import { supported } from './values';
import './ProcessDetails.css';

const REFRESH_MS = 2000;
const TABS = ['General', 'Resources', 'GPU', 'Network', 'Open files', 'Connections', 'Memory maps', 'Environment', 'Limits'] as const;
/** The details attribute a list tab shows, by tab. */
const TAB_FIELD: Partial<Record<(typeof TABS)[number], string>> = { Network: 'net', 'Open files': 'openFiles', Connections: 'netConnections', 'Memory maps': 'memoryMaps', Environment: 'environ' };
type Tab = (typeof TABS)[number];

interface Props {
  target: { pid: number; createTime: number; name: string };
  rows: readonly ProcessRow[];
  onOpen(key: ProcessKey): void;
  onClose(): void;
}

type State = { status: 'loading' } | { status: 'ok'; details: Record<string, unknown> } | { status: 'gone' } | { status: 'error'; message: string };

/** Everything psutil knows about one process, refreshed every 2 s while open. */
export function ProcessDetails({ target, rows, onOpen, onClose }: Props) {
  const api = useApi();
  const [tab, setTab] = useState<Tab>('General');
  const [state, setState] = useState<State>({ status: 'loading' });
  const ring = useMonitor((s) => s.watchedRing);
  const now = useMonitor((s) => s.processes?.time ?? s.latest?.time ?? 0);
  const watch = useMonitor((s) => s.watchProcess);
  const range = useMonitor((s) => s.settings.range);
  const info = useMonitor((s) => s.info);
  const details = state.status === 'ok' ? state.details : null;
  // A platform whose collector has no rlimit has no Limits tab, nor a tab whose list it answers UNSUPPORTED for
  // (Windows' open files, connections, memory maps, so far), rather than one that only says so.
  const tabs = useMemo(
    () =>
      TABS.filter((t) => {
        if (t === 'Limits') return !hostLacks(info, 'Process.rlimit');
        // Nor a GPU tab where the host's collector reads no GPUs.
        if (t === 'GPU') return !hostLacks(info, 'gpus');
        const field = TAB_FIELD[t];
        return field === undefined || details === null || supported(details[field]);
      }),
    [info, details],
  );
  // What the host kept of this process before the panel opened (it was among some chart point's culprits).
  const [kept, setKept] = useState<ProcessPoint[]>([]);
  const { pid, createTime } = target;

  useEffect(() => {
    watch({ pid, createTime });
    return () => watch(null);
  }, [watch, pid, createTime]);

  useEffect(() => {
    let live = true;
    api
      .getProcessHistory({ pid, createTime, seconds: rangeSeconds(range) })
      .then((points) => live && setKept(keptPoints(points)))
      .catch(() => {
        /* none kept, or disconnected: the charts start from the live ticks */
      });
    return () => {
      live = false;
    };
  }, [api, pid, createTime, range]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const details = await api.getProcessDetails({ pid, createTime });
        if (!live) return;
        setState({ status: 'ok', details });
      } catch (e) {
        if (!live) return;
        const err = toApiError(e);
        // Gone for good: no point asking again.
        if (err.code === 'NO_SUCH_PROCESS') return setState({ status: 'gone' });
        setState({ status: 'error', message: `${err.message} (${err.code})` });
      }
      if (live) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [api, pid, createTime]);

  const row = rows.find((r) => r.pid === pid && r.createTime === createTime);
  const points = useMemo(() => joinKept(kept, ring), [kept, ring]);
  let body: ReactNode;
  if (state.status === 'loading') body = <p className="muted">Loading…</p>;
  else if (state.status === 'gone') body = <p role="status">This process no longer exists.</p>;
  else if (state.status === 'error') body = <p role="alert">Couldn’t read the process: {state.message}</p>;
  else {
    const d = state.details;
    body = {
      General: <GeneralTab d={d} pid={pid} createTime={createTime} rows={rows} onOpen={onOpen} />,
      Resources: <ResourcesTab d={d} points={points} kept={kept.length > 0} range={range} row={row} now={now} />,
      GPU: <GpuTab row={row} />,
      Network: <NetworkTab d={d} row={row} points={points} range={range} now={now} />,
      'Open files': <OpenFilesTab d={d} />,
      Connections: <ConnectionsTab d={d} />,
      'Memory maps': <MapsTab d={d} />,
      Environment: <EnvironmentTab d={d} pid={pid} createTime={createTime} />,
      Limits: <LimitsTab d={d} />,
    }[tab];
  }

  return (
    <aside
      className="details-panel"
      role="dialog"
      aria-label={`Details of ${target.name} (${pid})`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="details-head">
        <h3>
          {target.name} <span className="muted">({pid})</span>
          {row && <span className="pill">{row.status}</span>}
        </h3>
        <button type="button" className="icon-button" aria-label="Close details" title="Close (Escape)" onClick={onClose} autoFocus>
          ✕
        </button>
      </div>
      <div role="tablist" aria-label="Details" className="tabs">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls="details-tabpanel"
            className={tab === t ? 'tab active' : 'tab'}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              const i = tabs.indexOf(t);
              const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
              if (j === null) return;
              const next = tabs[(j + tabs.length) % tabs.length]!;
              setTab(next);
              (e.currentTarget.parentElement?.children[tabs.indexOf(next)] as HTMLElement | undefined)?.focus();
            }}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="details-tabpanel" aria-label={tab} className="tabpanel">
        {body}
      </div>
    </aside>
  );
}
