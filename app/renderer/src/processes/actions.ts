import type { MonitorApi } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import type { ProcessRow } from '../../../shared/payloads';
import type { ProcessActionRequestAction } from '../../../shared/schemas';
import type { HostConstants } from '../../../shared/host-constants';
import { ioClassText, ioTableOf } from './io-classes';
import { hasPriorityClasses, priorityText } from './priority';

/** What the toolbar and context menu offer: a host action, or the kill-tree operation. */
export type UiAction = ProcessActionRequestAction | { kind: 'killTree' };

export interface Target {
  pid: number;
  createTime: number;
  name: string;
  username: string | null;
}

export function targetOf(row: ProcessRow): Target {
  return { pid: row.pid, createTime: row.createTime, name: row.name, username: row.username };
}

/** Ends or may end processes: asked about first (unless the user turned that off). */
export function isDestructive(action: UiAction): boolean {
  if (action.kind === 'signal') return !['SIGCONT', 'SIGWINCH', 'SIGCHLD', 'SIGURG'].includes(action.signal);
  return action.kind === 'terminate' || action.kind === 'kill' || action.kind === 'killTree';
}

/** What of the host's constants names an action in words (HostInfo.constants); absent: Linux's words. */
export type ActionWords = Partial<Pick<HostConstants, 'signals' | 'ioprioClasses' | 'ioPriorities' | 'priorityClasses'>>;

/**
 * Whether the host's actions are POSIX signals a process receives (and may
 * handle), as its signal table tells: a host whose only signals are SIGTERM and
 * SIGKILL has them as psutil has them on Windows, names for TerminateProcess,
 * which no process sees coming. The one place the UI tells the two models
 * apart; absent constants (before HostInfo arrives): POSIX, as before.
 */
export function hasPosixSignals(host: ActionWords | undefined): boolean {
  return !host?.signals || Object.keys(host.signals).some((s) => s !== 'SIGTERM' && s !== 'SIGKILL');
}

/**
 * " (SIGSTOP)" where the action is that POSIX signal on this host; nothing where
 * the host has no such signal (Windows suspends a process without one) or its
 * signals are only names for ending a process (hasPosixSignals).
 */
export function signalNote(host: ActionWords | undefined, signal: string): string {
  if (!hasPosixSignals(host)) return '';
  return host?.signals && !Object.prototype.hasOwnProperty.call(host.signals, signal) ? '' : ` (${signal})`;
}

/** `host`: the host's constants, to name an I/O class or a priority class and the signal an action is. */
export function describeAction(action: UiAction, host?: ActionWords): string {
  switch (action.kind) {
    case 'terminate':
      return `Terminate${signalNote(host, 'SIGTERM')}`;
    case 'kill':
      return `Kill${signalNote(host, 'SIGKILL')}`;
    case 'killTree':
      return hasPosixSignals(host) ? 'Kill tree (SIGTERM, then SIGKILL)' : 'Kill tree';
    case 'suspend':
      return `Suspend${signalNote(host, 'SIGSTOP')}`;
    case 'resume':
      return `Resume${signalNote(host, 'SIGCONT')}`;
    case 'signal':
      return `Send ${action.signal}`;
    case 'renice':
      return hasPriorityClasses(host?.priorityClasses) ? `Set priority to ${priorityText(host?.priorityClasses, action.value)}` : `Set nice to ${action.value}`;
    case 'ionice':
      return `Set I/O priority to ${ioClassText(ioTableOf(host), action.ioclass, action.value)}`;
    case 'setAffinity':
      return `Set CPU affinity to ${action.cpus.join(', ')}`;
    case 'setRlimit':
      return `Set limit ${action.resource}`;
  }
}

export type OutcomeKind = 'ok' | 'gone' | 'denied' | 'confirm' | 'error';

export interface Outcome {
  target: Target;
  kind: OutcomeKind;
  message: string;
}

export function who(t: Target): string {
  return `${t.name} (${t.pid})`;
}

/** Why an action may be refused, in the host's terms: root and capabilities on a POSIX host, an administrator's rights on Windows. */
function deniedWhy(host: ActionWords | undefined): string {
  return hasPosixSignals(host)
    ? 'acting on another user’s process, or raising priority (negative nice, realtime I/O), needs root or the matching capability (CAP_KILL, CAP_SYS_NICE)'
    : 'acting on another user’s or a system process, or setting a High or Realtime priority, needs Procyon run as an administrator (protected processes refuse even then)';
}

/** The words the user reads for an error code; `host`: the host's constants, for why it was denied. */
export function outcomeOf(target: Target, error: unknown, host?: ActionWords): Outcome {
  const e = toApiError(error);
  switch (e.code) {
    case 'NO_SUCH_PROCESS':
    case 'ZOMBIE_PROCESS':
      return { target, kind: 'gone', message: `${who(target)}: process no longer exists` };
    case 'ACCESS_DENIED':
      return {
        target,
        kind: 'denied',
        message:
          `${who(target)}: access denied — ` +
          (target.username ? `it belongs to ${target.username}; ` : '') +
          deniedWhy(host),
      };
    case 'CONFIRMATION_REQUIRED':
      return { target, kind: 'confirm', message: `${who(target)}: ${e.message}` };
    case 'READ_ONLY':
      return { target, kind: 'error', message: `${who(target)}: the host is read-only` };
    default:
      return { target, kind: 'error', message: `${who(target)}: ${e.message} (${e.code})` };
  }
}

/** One action on one process, through the contract; never throws. */
export async function runOne(
  api: MonitorApi,
  target: Target,
  action: UiAction,
  confirm = false,
  nameOf?: (pid: number) => string | undefined,
  host?: ActionWords,
): Promise<Outcome[]> {
  const ref = { pid: target.pid, createTime: target.createTime, ...(confirm ? { confirm: true } : {}) };
  try {
    if (action.kind === 'killTree') {
      const results = await api.killTree(ref);
      return results.map((r) => {
        const t = r.pid === target.pid ? target : { ...target, pid: r.pid, name: nameOf?.(r.pid) ?? 'descendant' };
        if (r.result === 'failed') return outcomeOf(t, r.error ?? { code: 'INTERNAL', message: 'failed' }, host);
        // Still running after kill tree gave up: never reported as done.
        if (r.result === 'survived') return { target: t, kind: 'error', message: `${who(t)}: survived${r.error ? ` (${r.error.message})` : ''}` };
        return { target: t, kind: 'ok', message: `${who(t)}: ${r.result}` };
      });
    }
    await api.processAction({ ...ref, action });
    return [{ target, kind: 'ok', message: `${who(target)}: done` }];
  } catch (e) {
    return [outcomeOf(target, e, host)];
  }
}

/** Runs `action` on every target, in order, one at a time. */
export async function runAll(
  api: MonitorApi,
  targets: readonly Target[],
  action: UiAction,
  confirm = false,
  nameOf?: (pid: number) => string | undefined,
  host?: ActionWords,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const t of targets) out.push(...(await runOne(api, t, action, confirm, nameOf, host)));
  return out;
}

/** One line for a batch: "Terminate: 2 done, 1 no longer exists". */
export function summarize(actionLabel: string, outcomes: readonly Outcome[]): string {
  if (outcomes.length === 0) return `${actionLabel}: cancelled`;
  if (outcomes.length === 1) {
    const o = outcomes[0]!;
    return o.kind === 'ok' ? `${actionLabel}: ${o.message}` : o.message;
  }
  const counts = new Map<OutcomeKind, number>();
  for (const o of outcomes) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const words: Record<OutcomeKind, string> = { ok: 'done', gone: 'no longer exist', denied: 'access denied', confirm: 'need confirmation', error: 'failed' };
  const parts = (['ok', 'gone', 'denied', 'confirm', 'error'] as const).filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${words[k]}`);
  return `${actionLabel} on ${outcomes.length} processes: ${parts.join(', ')}`;
}
