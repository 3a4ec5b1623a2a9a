import type { WinService } from '../../../shared/metrics/services';
import { useMemo, useState } from 'react';
import { toApiError } from '../../../shared/errors';
import type { ServiceAction } from '../../../shared/schemas';
import { useApi } from '../api/context';
import { Modal } from '../components/ActionDialogs/Modal';
import { ActionReport } from '../components/ActionReport';
import { PageHeader } from '../components/PageHeader';
import { hostLacks, isCaptured } from '../data/host-can';
import { DEFAULT_SERVICE_SORT, nextServiceSort, SERVICE_COLUMNS, serviceCan, serviceRows, words, type ServiceSort } from '../data/services';
import type { OutcomeKind } from '../processes/actions';
import { requestSearch } from '../processes/open-request';
import { pageHref } from '../routes/pages';
import { useMonitor } from '../store/context';
import { selectLatest } from '../store/monitor';
import './ServicesPage.css';
import { SortHeaderCells } from '../components/SortHeaderCells';

const EMPTY: readonly WinService[] = [];
const VERBS: Record<ServiceAction, { label: string; done: string; fn: string }> = {
  start: { label: 'Start', done: 'asked to start', fn: 'winServiceStart' },
  stop: { label: 'Stop', done: 'asked to stop', fn: 'winServiceStop' },
};

/** Opens the Processes page searching for the service's process. */
function openProcess(pid: number) {
  requestSearch(`pid:${pid}`);
  window.location.assign(pageHref('processes'));
}

/** Windows services (psutil's win_service_iter): live, searchable, sortable, with start and stop where the host may. */
export function ServicesPage() {
  const api = useApi();
  const info = useMonitor((s) => s.info);
  const sample = useMonitor((s) => selectLatest(s)?.services);
  const list = sample?.services ?? EMPTY;
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ServiceSort>(DEFAULT_SERVICE_SORT);
  const [asking, setAsking] = useState<{ service: WinService; action: ServiceAction } | null>(null);
  const [report, setReport] = useState<{ summary: string; outcomes: { kind: OutcomeKind; message: string }[] } | null>(null);
  const rows = useMemo(() => serviceRows(list, search, sort), [list, search, sort]);

  // Why no action can be taken here, or null.
  const blocked = !info ? 'Waiting for the host' : info.readOnly ? 'The host is read-only (procyon serve --read-only)' : isCaptured(info) ? 'The host reads a captured tree' : null;
  const offers = (action: ServiceAction) => !hostLacks(info, VERBS[action].fn);

  const run = async (service: WinService, action: ServiceAction) => {
    setAsking(null);
    const who = `${service.displayName} (${service.name})`;
    try {
      await api.serviceAction({ name: service.name, action });
      setReport({ summary: `${who}: ${VERBS[action].done}`, outcomes: [{ kind: 'ok', message: `${who}: ${VERBS[action].done}` }] });
    } catch (e) {
      const err = toApiError(e);
      const message = `${VERBS[action].label} ${who} failed: ${err.message} (${err.code})`;
      const kind: OutcomeKind = err.code === 'ACCESS_DENIED' ? 'denied' : err.code === 'NO_SUCH_PROCESS' ? 'gone' : 'error';
      setReport({ summary: message, outcomes: [{ kind, message }] });
    }
  };

  return (
    <>
      <PageHeader title="Services" topics={['services']}>
        Windows services: their state, how they start and the process that runs them
      </PageHeader>
      {report && <ActionReport report={report} onDismiss={() => setReport(null)} />}
      <section className="panel" aria-label="Services">
        <div className="filters">
          <label>
            Search
            <input type="search" value={search} placeholder="name, status, description…" size={28} onChange={(e) => setSearch(e.target.value)} data-testid="services-search" />
          </label>
          <span className="muted small services-note" data-testid="services-count">
            {sample ? `${rows.length} of ${list.length}` : 'Loading…'}
          </span>
          {blocked && <span className="muted small services-note">{blocked}: start and stop are disabled</span>}
        </div>
        <div className="table-wrap services-wrap">
          <table className="data-table services-table" data-testid="services-table">
            <thead>
              <tr>
                <SortHeaderCells columns={SERVICE_COLUMNS} sort={sort} onSort={(id) => setSort((s) => nextServiceSort(s, id))} />
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const can = serviceCan(s);
                return (
                  <tr key={s.name} data-service={s.name}>
                    <td className="mono">{s.name}</td>
                    <td>{s.displayName}</td>
                    <td>
                      <span className={`pill service-${s.status}`} data-testid="service-status">
                        {words(s.status)}
                      </span>
                    </td>
                    <td>{words(s.startType)}</td>
                    <td className="num">
                      {s.pid === null ? (
                        <span className="muted">—</span>
                      ) : (
                        <button type="button" className="text-button" title="Show this process on the Processes page" onClick={() => openProcess(s.pid!)}>
                          {s.pid}
                        </button>
                      )}
                    </td>
                    <td className="service-description" title={s.description ?? undefined}>
                      {s.description ?? <span className="muted">—</span>}
                    </td>
                    <td className="service-actions">
                      {(['start', 'stop'] as const).filter(offers).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="tool-button"
                          disabled={blocked !== null || !can[action]}
                          title={blocked ?? `${VERBS[action].label} ${s.displayName}`}
                          onClick={() => setAsking({ service: s, action })}
                        >
                          {VERBS[action].label}
                        </button>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sample && rows.length === 0 && <p className="muted small">No services match.</p>}
        </div>
      </section>
      {asking && (
        <Modal
          title={`${VERBS[asking.action].label} service`}
          onClose={() => setAsking(null)}
          onSubmit={() => void run(asking.service, asking.action)}
          actions={
            <>
              <button type="button" className="tool-button" onClick={() => setAsking(null)} data-autofocus>
                Cancel
              </button>
              <button type="submit" className={asking.action === 'stop' ? 'tool-button danger' : 'tool-button'}>
                {VERBS[asking.action].label}
              </button>
            </>
          }
        >
          <p>
            {VERBS[asking.action].label} <strong>{asking.service.displayName}</strong> (<span className="mono">{asking.service.name}</span>)?
            {asking.action === 'stop' && ' Whatever depends on it may stop working.'}
          </p>
        </Modal>
      )}
    </>
  );
}
