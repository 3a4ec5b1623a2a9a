import { useState } from 'react';
import type { Culprit } from '../../../shared/culprits';
import { toApiError } from '../../../shared/errors';
import { useApi } from '../api/context';
import { CULPRIT_FORMAT, CULPRIT_TITLE, culpritsAt, type CulpritSource } from '../charts/culprits';
import { formatClock } from '../format';
import { requestOpen } from '../processes/open-request';
import { pageHref } from '../routes/pages';
import './CulpritPanel.css';

interface Props {
  source: CulpritSource;
  /** The clicked point's time. */
  t: number;
  onClose(): void;
}

const keyOf = (c: Culprit) => `${c.pid}:${c.createTime}`;

/**
 * A clicked chart point's top processes, each a button that opens it on the
 * Processes page with its details, if it still lives: the host checks pid
 * AND createTime, so a reused pid never opens another process.
 */
export function CulpritPanel({ source, t, onClose }: Props) {
  const api = useApi();
  const [exited, setExited] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const list = culpritsAt(source, t);

  const open = async (c: Culprit) => {
    try {
      await api.getProcessDetails({ pid: c.pid, createTime: c.createTime });
      requestOpen({ pid: c.pid, createTime: c.createTime, name: c.name, username: null });
      window.location.assign(pageHref('processes'));
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'NO_SUCH_PROCESS') setExited((s) => new Set(s).add(keyOf(c)));
      else setError(err.message);
    }
  };

  return (
    <div className="culprit-panel" role="region" aria-label={`Processes at ${formatClock(t)}`} data-testid="culprit-panel">
      <span className="culprit-panel-head">
        {formatClock(t)} · {CULPRIT_TITLE[source.kind]}
      </span>
      {list === undefined || list.length === 0 ? (
        <span className="muted">{list === undefined ? 'Not recorded for this point' : 'None stood out'}</span>
      ) : (
        list.map((c) => {
          const gone = exited.has(keyOf(c));
          return (
            <button
              type="button"
              key={keyOf(c)}
              className="culprit-chip"
              disabled={gone}
              title={gone ? `${c.name} (${c.pid}) has exited` : `Open ${c.name} (${c.pid}) in Processes`}
              onClick={() => void open(c)}
            >
              <span className="culprit-name">{c.name}</span> <span className="muted">{c.pid}</span> <strong>{CULPRIT_FORMAT[source.kind](c.value)}</strong>
              {gone && <span className="muted"> · exited</span>}
            </button>
          );
        })
      )}
      {error && <span role="alert">{error}</span>}
      <button type="button" className="text-button culprit-panel-close" aria-label="Close the processes of this point" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
