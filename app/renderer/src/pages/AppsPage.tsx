import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { CgroupActionOutcome } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import type { CgroupKind, CgroupRow } from '../../../shared/metrics/cgroups';
import type { ProcessRow } from '../../../shared/payloads';
import type { CgroupActionRequest } from '../../../shared/schemas';
import { useApi } from '../api/context';
import { ConfirmDialog } from '../components/ActionDialogs/ConfirmDialog';
import { Modal } from '../components/ActionDialogs/Modal';
import { ActionReport } from '../components/ActionReport';
import { PageHeader } from '../components/PageHeader';
import { APP_COLUMNS, appRows, outcomeReport, whyNoGroups, type AppReport as Report, DEFAULT_APP_SORT, groupTitle, KIND_WORDS, KINDS, kindCounts, nextAppSort, parseMemoryLimit, pressureOf, type AppSort } from '../data/apps';
import { isCaptured } from '../data/host-can';
import { formatByteRate, formatBytes, formatPercent } from '../format';
import type { OutcomeKind, Target } from '../processes/actions';
import { requestOpen, takeGroupRequest } from '../processes/open-request';
import { pageHref } from '../routes/pages';
import { useMonitor } from '../store/context';
import { selectLatest, selectProcesses } from '../store/monitor';
import './AppsPage.css';
import { SortHeaderCells } from '../components/SortHeaderCells';

const EMPTY: readonly CgroupRow[] = [];
const NO_ROWS: readonly ProcessRow[] = [];

type Act = CgroupActionRequest['action'];
/** Each action's name, and its button in the host's explicit confirmation. */
const VERBS: Record<Act, { label: string; yes: string }> = {
  freeze: { label: 'Freeze', yes: 'Yes, freeze it' },
  thaw: { label: 'Thaw', yes: 'Yes, thaw it' },
  kill: { label: 'Kill group', yes: 'Yes, kill it' },
  setMemoryMax: { label: 'Set memory limit', yes: 'Yes, set its limit' },
};


type Asking = { step: 'kill' | 'limit'; group: CgroupRow } | { step: 'host'; request: CgroupActionRequest; group: CgroupRow; reason: string };

/** Opens a process's details on the Processes page. */
function openProcess(row: ProcessRow) {
  requestOpen({ pid: row.pid, createTime: row.createTime, name: row.name, username: row.username });
  window.location.assign(pageHref('processes'));
}

/** A CPU history as a line: cheap enough for a row each (a chart per row would not be). */
function CpuSpark({ points }: { points: readonly number[] }) {
  if (points.length < 2) return <svg className="apps-spark" aria-hidden="true" />;
  // Scaled to the group's own peak (at least 10% of a core), as Task Manager's small graphs are: a quiet app's line still shows its shape.
  const top = Math.max(10, ...points);
  const w = 60;
  const h = 16;
  const step = w / (points.length - 1);
  const line = points.map((p, i) => `${(i * step).toFixed(1)},${(h - (p / top) * (h - 1) - 0.5).toFixed(1)}`).join(' ');
  return (
    <svg className="apps-spark" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true" data-testid="app-spark">
      <polyline points={line} />
    </svg>
  );
}

const dash = <span className="muted">—</span>;

function memoryCell(g: CgroupRow) {
  if (!g.memory) return dash;
  return (
    <>
      {formatBytes(g.memory.current)}
      {g.memory.max !== null && <span className="muted small"> / {formatBytes(g.memory.max)}</span>}
    </>
  );
}

function ioCell(g: CgroupRow) {
  if (g.readBytesPerSec === null && g.writeBytesPerSec === null) return dash;
  return (
    <span title="read / written per second">
      {formatByteRate(g.readBytesPerSec ?? 0)} <span className="muted">/</span> {formatByteRate(g.writeBytesPerSec ?? 0)}
    </span>
  );
}

function pressureCell(g: CgroupRow) {
  const p = pressureOf(g);
  if (p === null) return dash;
  const line = (name: string, r: CgroupRow['pressure']['cpu']) => (r ? `${name}: some ${formatPercent(r.some.avg10, 2)}${r.full ? `, full ${formatPercent(r.full.avg10, 2)}` : ''}` : `${name}: —`);
  return <span title={`Stalled over the last 10 s\n${line('CPU', g.pressure.cpu)}\n${line('Memory', g.pressure.memory)}\n${line('I/O', g.pressure.io)}`}>{formatPercent(p, 1)}</span>;
}

/** The Apps page: processes grouped by control group into apps, services and containers, each acted on as a whole. */
export function AppsPage() {
  const api = useApi();
  const info = useMonitor((s) => s.info);
  const sample = useMonitor((s) => selectLatest(s)?.cgroups);
  const processes = useMonitor((s) => selectProcesses(s)?.rows ?? NO_ROWS);
  const list = sample?.groups ?? EMPTY;
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<CgroupKind | ''>('');
  const [sort, setSort] = useState<AppSort>(DEFAULT_APP_SORT);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const asked = takeGroupRequest();
    return new Set(asked ? [asked] : []);
  });
  const [focus] = useState(() => [...expanded][0] ?? null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [limitText, setLimitText] = useState('');
  const [limitError, setLimitError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const kinds = useMemo(() => new Set(kind ? [kind] : []), [kind]);
  const rows = useMemo(() => appRows(list, search, kinds, sort), [list, search, kinds, sort]);
  const counts = useMemo(() => kindCounts(list), [list]);
  const byPid = useMemo(() => new Map(processes.map((r) => [r.pid, r])), [processes]);
  const focused = useRef<HTMLTableRowElement>(null);
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !focused.current) return;
    scrolled.current = true;
    focused.current.scrollIntoView({ block: 'center' });
  });

  const available = info?.capabilities?.functions.cgroups;
  const why = info?.capabilities?.why.cgroups;
  // Why no action can be taken here, or null.
  const blocked = !info ? 'Waiting for the host' : info.readOnly ? 'The host is read-only (procyon serve --read-only)' : isCaptured(info) ? 'The host reads a captured tree' : null;

  const toggle = (path: string) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(path)) n.delete(path);
      else n.add(path);
      return n;
    });

  const run = async (request: CgroupActionRequest, group: CgroupRow) => {
    setAsking(null);
    setBusy(true);
    const who = groupTitle(group);
    try {
      const out: CgroupActionOutcome = await api.cgroupAction(request);
      setReport(outcomeReport(request, who, out, byPid));
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFIRMATION_REQUIRED' && !request.confirm) {
        setAsking({ step: 'host', request, group, reason: err.message });
      } else {
        const message = `${VERBS[request.action].label} ${who} failed: ${err.message} (${err.code})`;
        const kind: OutcomeKind = err.code === 'ACCESS_DENIED' ? 'denied' : err.code === 'NO_SUCH_PROCESS' ? 'gone' : 'error';
        setReport({ summary: message, outcomes: [{ kind, message }] });
      }
    } finally {
      setBusy(false);
    }
  };

  const start = (action: Act, group: CgroupRow) => {
    setReport(null);
    if (action === 'kill') return setAsking({ step: 'kill', group });
    if (action === 'setMemoryMax') {
      setLimitText(group.memory?.max != null ? `${Math.round(group.memory.max / 2 ** 20)}M` : '');
      setLimitError(null);
      return setAsking({ step: 'limit', group });
    }
    void run({ path: group.path, action }, group);
  };

  const targetsOf = (g: CgroupRow): Target[] =>
    g.pids.map((pid) => {
      const r = byPid.get(pid);
      return { pid, createTime: r?.createTime ?? 0, name: r?.name ?? '?', username: r?.username ?? null };
    });

  if (available === false) {
    return (
      <>
        <PageHeader title="Apps">Processes grouped into apps, services and containers by their control group</PageHeader>
        <section className="panel" aria-label="Apps">
          <p className="apps-absent" data-testid="apps-absent">
            {whyNoGroups(why, isCaptured(info))}
          </p>
        </section>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Apps" topics={['cgroups']}>
        Processes grouped into apps, services and containers by their control group; each acted on as a whole
      </PageHeader>
      {report && <ActionReport report={report} onDismiss={() => setReport(null)} />}
      <section className="panel" aria-label="Apps">
        <div className="filters">
          <label>
            Search
            <input type="search" value={search} placeholder="name, path, pid…" size={24} onChange={(e) => setSearch(e.target.value)} data-testid="apps-search" />
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as CgroupKind | '')} data-testid="apps-kind">
              <option value="">All kinds ({list.length})</option>
              {KINDS.filter((k) => counts.has(k)).map((k) => (
                <option key={k} value={k}>
                  {KIND_WORDS[k]} ({counts.get(k)})
                </option>
              ))}
            </select>
          </label>
          <span className="muted small apps-note" data-testid="apps-count">
            {sample ? `${rows.length} of ${list.length}${sample.omitted > 0 ? ` (${sample.omitted} more not shown)` : ''}` : 'Loading…'}
          </span>
          {blocked && <span className="muted small apps-note">{blocked}: actions are disabled</span>}
        </div>
        <div className="table-wrap apps-wrap">
          <table className="data-table apps-table" data-testid="apps-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Expand</span>
                </th>
                <SortHeaderCells columns={APP_COLUMNS} sort={sort} onSort={(id) => setSort((s) => nextAppSort(s, id))} cellClass={(id) => `apps-col-${id}`} />
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => {
                const open = expanded.has(g.path);
                return (
                  <Fragment key={g.path}>
                    <tr data-group={g.path} className={g.path === focus ? 'apps-focus' : undefined} ref={g.path === focus ? focused : undefined}>
                      <td className="apps-toggle">
                        <button type="button" className="text-button" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the processes of ${g.name}`} onClick={() => toggle(g.path)}>
                          {open ? '▾' : '▸'}
                        </button>
                      </td>
                      <td className="apps-name" title={g.path}>
                        <span data-testid="app-name">{g.name}</span>
                        {g.frozen && (
                          <span className="pill pill-warn" data-testid="app-frozen">
                            frozen
                          </span>
                        )}
                        {g.id !== g.name && <div className="muted small mono apps-id">{g.id}</div>}
                      </td>
                      <td>
                        <span className={`pill apps-kind-${g.kind}`}>{KIND_WORDS[g.kind]}</span>
                        {g.engine && <span className="muted small"> {g.engine}</span>}
                      </td>
                      <td className="num apps-cpu">
                        <CpuSpark points={g.cpuHistory} />
                        <span data-testid="app-cpu" title={g.throttledPercent ? `Throttled ${formatPercent(g.throttledPercent, 1)} of the last tick by its CPU limit` : undefined}>
                          {g.cpuPercent === null ? dash : formatPercent(g.cpuPercent, 1)}
                        </span>
                      </td>
                      <td className="num" data-testid="app-memory">
                        {memoryCell(g)}
                      </td>
                      <td className="num apps-col-io">{ioCell(g)}</td>
                      <td className="num" data-testid="app-pids">
                        {g.pidsTotal}
                      </td>
                      <td className="num apps-col-pressure">{pressureCell(g)}</td>
                      <td className="apps-actions">
                        {g.frozen !== null && (
                          <button type="button" className="tool-button" disabled={blocked !== null || busy} title={blocked ?? `${g.frozen ? 'Thaw' : 'Freeze'} every process of ${g.name} at once`} onClick={() => start(g.frozen ? 'thaw' : 'freeze', g)}>
                            {g.frozen ? 'Thaw' : 'Freeze'}
                          </button>
                        )}
                        <button type="button" className="tool-button" disabled={blocked !== null || busy} title={blocked ?? `Kill every process of ${g.name} at once`} onClick={() => start('kill', g)}>
                          Kill
                        </button>
                        {g.memory && (
                          <button type="button" className="tool-button" disabled={blocked !== null || busy} title={blocked ?? `Set or clear ${g.name}’s memory limit`} onClick={() => start('setMemoryMax', g)}>
                            Limit…
                          </button>
                        )}
                      </td>
                    </tr>
                    {open && (
                      <tr className="apps-members" data-members={g.path}>
                        <td />
                        <td colSpan={APP_COLUMNS.length + 1}>
                          <Members group={g} byPid={byPid} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {sample && rows.length === 0 && <p className="muted small">No groups match.</p>}
        </div>
      </section>
      {asking?.step === 'kill' && (
        <ConfirmDialog
          title="Kill group?"
          message={`Kill every process of ${groupTitle(asking.group)} at once (${asking.group.pidsTotal} ${asking.group.pidsTotal === 1 ? 'process' : 'processes'} now, and any it starts meanwhile)? They get SIGKILL: unsaved work in them is lost.`}
          confirmLabel="Kill group"
          targets={targetsOf(asking.group)}
          allowSkip={false}
          onCancel={() => setAsking(null)}
          onConfirm={() => void run({ path: asking.group.path, action: 'kill' }, asking.group)}
        />
      )}
      {asking?.step === 'host' && (
        <ConfirmDialog
          title="This group is special"
          message={`${asking.reason[0]!.toUpperCase()}${asking.reason.slice(1)}. Acting on it can take the whole system or this monitor down.`}
          confirmLabel={VERBS[asking.request.action].yes}
          targets={targetsOf(asking.group)}
          allowSkip={false}
          onCancel={() => setAsking(null)}
          onConfirm={() => void run({ ...asking.request, confirm: true }, asking.group)}
        />
      )}
      {asking?.step === 'limit' && (
        <Modal
          title="Memory limit"
          onClose={() => setAsking(null)}
          onSubmit={() => {
            const parsed = parseMemoryLimit(limitText);
            if ('error' in parsed) return setLimitError(parsed.error);
            void run({ path: asking.group.path, action: 'setMemoryMax', bytes: parsed.bytes }, asking.group);
          }}
          actions={
            <>
              <button type="button" className="tool-button" onClick={() => setAsking(null)}>
                Cancel
              </button>
              <button type="button" className="tool-button" disabled={asking.group.memory?.max === null} onClick={() => void run({ path: asking.group.path, action: 'setMemoryMax', bytes: null }, asking.group)}>
                Clear limit
              </button>
              <button type="submit" className="tool-button primary">
                Set limit
              </button>
            </>
          }
        >
          <p>
            The most memory <strong>{asking.group.name}</strong> may use; past it the kernel reclaims its memory, then ends its processes. Now: {asking.group.memory ? formatBytes(asking.group.memory.current) : '—'} used,{' '}
            {asking.group.memory?.max != null ? `limit ${formatBytes(asking.group.memory.max)}` : 'no limit'}.
          </p>
          <label className="slider-row">
            Limit
            <input
              type="text"
              value={limitText}
              placeholder="e.g. 512M, 2G"
              aria-invalid={limitError !== null}
              onChange={(e) => {
                setLimitText(e.target.value);
                setLimitError(null);
              }}
              data-autofocus
              data-testid="apps-limit"
            />
          </label>
          {limitError && (
            <p className="bad small" role="alert">
              {limitError}
            </p>
          )}
        </Modal>
      )}
    </>
  );
}

/** A group's processes: names from the live process table, each pid opening its details. */
function Members({ group, byPid }: { group: CgroupRow; byPid: ReadonlyMap<number, ProcessRow> }) {
  if (group.pids.length === 0) return <p className="muted small">No process in this group itself (its processes are in groups below it).</p>;
  return (
    <ul className="apps-member-list" aria-label={`Processes of ${group.name}`}>
      {group.pids.map((pid) => {
        const r = byPid.get(pid);
        return (
          <li key={pid}>
            {r ? (
              <button type="button" className="link-button mono" title="Show this process’s details" onClick={() => openProcess(r)} data-testid="app-member">
                {pid}
              </button>
            ) : (
              <span className="mono">{pid}</span>
            )}{' '}
            <strong>{r?.name ?? '…'}</strong>
            {r && (
              <span className="muted small">
                {' '}
                {r.username ?? ''} · {r.cpuPercent === null ? '—' : formatPercent(r.cpuPercent, 1)} · {r.rss === null ? '—' : formatBytes(r.rss)}
              </span>
            )}
          </li>
        );
      })}
      {group.pidsTotal > group.pids.length && <li className="muted">and {group.pidsTotal - group.pids.length} more</li>}
    </ul>
  );
}
