import type { HostInfo } from '../../../shared/payloads';
import { hasPosixSignals, type UiAction } from '../processes/actions';

// What the host can do, from HostInfo.capabilities: the UI offers only that,
// rather than a control that fails when used.

/** Beyond acting on processes at all (the collector's 'Process'), the collector function each action needs. */
const ACTION_NEEDS: Partial<Record<UiAction['kind'], string>> = {
  ionice: 'Process.ionice',
  setAffinity: 'Process.cpuAffinity',
  setRlimit: 'Process.rlimit',
};

/**
 * Whether the host's platform cannot do `fn` at all (its collector says so,
 * for reason "platform"). A function missing only for this machine's files or
 * a captured tree is not "lacked": its page says what the data lacks instead.
 * A name the collector does not list is taken as available: it names what it knows.
 */
export function hostLacks(info: HostInfo | null, fn: string): boolean {
  return info?.capabilities?.functions[fn] === false && info.capabilities.why?.[fn] === 'platform';
}

/** Whether the host reads a captured tree rather than this machine. */
export function isCaptured(info: HostInfo | null): boolean {
  return info?.capabilities?.live === false;
}

export interface Blocked {
  /** A short label beside the disabled controls. */
  label: string;
  /** Why, for the tooltip. */
  hint: string;
}

/** Why no process action can be taken on this host, or null when they can. */
export function actionsBlocked(info: HostInfo | null): Blocked | null {
  if (!info) return { label: 'Connecting', hint: 'Waiting for the host' };
  if (info.readOnly) return { label: 'Read-only host', hint: 'The host is read-only: process actions are disabled (procyon serve --read-only)' };
  if (isCaptured(info)) {
    return { label: 'Captured tree', hint: 'The host reads a captured /proc tree, not a live machine: its processes cannot be acted on' };
  }
  if (hostLacks(info, 'Process')) return { label: 'No process control', hint: 'This platform’s collector cannot act on processes' };
  return null;
}

/** Whether this platform offers the action at all; one it lacks is not shown. Send signal only where there are signals beyond ending a process (terminate and kill are their own actions). */
export function platformOffers(info: HostInfo | null, kind: UiAction['kind']): boolean {
  if (kind === 'signal') return hasPosixSignals(info?.constants);
  const need = ACTION_NEEDS[kind];
  return need === undefined || !hostLacks(info, need);
}
