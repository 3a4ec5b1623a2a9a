import type { ReactNode } from 'react';
import type { ProcessRow } from '../../../../shared/payloads';
import { formatDateTime } from '../../format';
import { hasPosixSignals } from '../../processes/actions';
import { useMonitor } from '../../store/context';
import { keyOf, type ProcessKey } from '../../processes/table';
import { requestGroup } from '../../processes/open-request';
import { pageHref } from '../../routes/pages';
import { groupTitle } from '../../data/apps';
import type { ProcessCgroup } from '../../../../shared/api';
import { CutNotice, useFullText } from './FullText';
import { Field, KeyValues, supported } from './values';
import './GeneralTab.css';

type Ids = { real: number; effective: number; saved: number };
const ids = (v: Ids) => `real ${v.real}, effective ${v.effective}, saved ${v.saved}`;

type Row = [string, ReactNode];

const isGroup = (v: unknown): v is ProcessCgroup => typeof v === 'object' && v !== null && typeof (v as ProcessCgroup).path === 'string';

/** Ancestors from the live table, nearest first; stops at a pid it has seen (a cycle would be a reused pid). */
export function parentsChain(pid: number, byPid: ReadonlyMap<number, ProcessRow>): ProcessRow[] {
  const out: ProcessRow[] = [];
  const seen = new Set([pid]);
  let cur = byPid.get(pid);
  while (cur && !seen.has(cur.ppid)) {
    const parent = byPid.get(cur.ppid);
    if (!parent) break;
    out.push(parent);
    seen.add(parent.pid);
    cur = parent;
  }
  return out;
}

/** The app, service or container the process runs in (the host's `cgroup` beside psutil's attributes), opening it on the Apps page. */
function GroupLink({ group }: { group: ProcessCgroup }) {
  return (
    <button
      type="button"
      className="link-button"
      title={group.path}
      data-testid="detail-cgroup"
      onClick={() => {
        requestGroup(group.path);
        window.location.assign(pageHref('apps'));
      }}
    >
      {groupTitle(group)}
    </button>
  );
}

function ProcLink({ row, onOpen }: { row: ProcessRow; onOpen(key: ProcessKey): void }) {
  return (
    <button type="button" className="link-button" onClick={() => onOpen(keyOf(row))}>
      {row.name} ({row.pid})
    </button>
  );
}

export function GeneralTab({ d, pid, createTime, rows, onOpen }: { d: Record<string, unknown>; pid: number; createTime: number; rows: readonly ProcessRow[]; onOpen(key: ProcessKey): void }) {
  // An empty command line is a kernel thread on Linux; on Windows, System and the kernel's own processes.
  const noCmdline = useMonitor((s) => (hasPosixSignals(s.info?.constants) ? '(none: kernel thread)' : '(none: kernel process)'));
  const full = useFullText('cmdline', pid, createTime);
  // The whole command line once fetched; until then the details' cut one.
  const cmdline = full.state.status === 'ok' ? full.state.text.value : d.cmdline;
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const chain = parentsChain(pid, byPid);
  const children = rows.filter((r) => r.ppid === pid && r.pid !== pid);
  return (
    <KeyValues
      label="General"
      rows={[
        ['PID', <Field key="pid" value={d.pid} />],
        ['Name', <Field key="n" value={d.name} />],
        ['Executable', <Field key="e" value={d.exe} render={(v: string) => <span className="mono" data-testid="detail-exe">{v}</span>} />],
        [
          'Command line',
          <>
            <Field key="c" value={cmdline} render={(v: string[]) => <span className="mono wrap" data-testid="detail-cmdline">{v.length ? v.join(' ') : noCmdline}</span>} />
            <CutNotice field="cmdline" d={d} full={full} />
          </>,
        ],
        ['Working directory', <Field key="cwd" value={d.cwd} render={(v: string) => <span className="mono">{v}</span>} />],
        ['User', <Field key="u" value={d.username} />],
        // Where the host has control groups and the process is in one it lists.
        ...(isGroup(d.cgroup) ? [['App or service', <GroupLink key="cg" group={d.cgroup} />] as Row] : []),
        // What the host's platform has no such thing as (Windows: uids, gids, a controlling terminal) is left out, not shown failing.
        ...(supported(d.uids) ? [['UIDs', <Field key="uid" value={d.uids} render={ids} />] as Row] : []),
        ...(supported(d.gids) ? [['GIDs', <Field key="gid" value={d.gids} render={ids} />] as Row] : []),
        ...(supported(d.terminal) ? [['Terminal', <Field key="t" value={d.terminal} />] as Row] : []),
        ['Status', <Field key="s" value={d.status} />],
        ['Started', <Field key="ct" value={d.createTime} render={(v: number) => formatDateTime(v)} />],
        ['Parent PID', <Field key="pp" value={d.ppid} render={(v: number) => <span data-testid="detail-ppid">{v}</span>} />],
        [
          'Parents',
          chain.length ? (
            <ol className="chain" aria-label="Parents">
              {chain.map((r) => (
                <li key={r.pid}>
                  <ProcLink row={r} onOpen={onOpen} />
                </li>
              ))}
            </ol>
          ) : (
            <span className="muted">none in the table</span>
          ),
        ],
        [
          'Children',
          children.length ? (
            <ul className="chain" aria-label="Children">
              {children.map((r) => (
                <li key={r.pid}>
                  <ProcLink row={r} onOpen={onOpen} />
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">none</span>
          ),
        ],
      ]}
    />
  );
}
