import * as native from '@procyon/collector';
import type { CgroupList } from '@procyon/collector';
import { ApiError, type CgroupActionOutcome, type CgroupActionRequest, type ProcessCgroup } from '../../shared';
import type { CollectorRoots } from './collector';

// Acting on a control group (the Apps page, `procyon freeze|thaw|kill-group`).
// The collector checks the path and writes the group's file; the host adds the
// rule process actions have: the group that holds Procyon itself or PID 1 (or
// any group above one of them, whose freeze or kill reaches it too) is acted on
// only with an explicit confirmation.

/** Whether acting on `target` reaches the group at `held`: the same group, or one above it. */
export function reaches(target: string, held: string): boolean {
  return target === held || target === '/' || held.startsWith(`${target}/`);
}

/** The group of the hierarchy each pid is in (cgroup.procs lists a process in its own group only), or absent. */
export function groupsHolding(list: CgroupList, pids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const g of list.groups) for (const pid of pids) if (!out.has(pid) && g.pids.includes(pid)) out.set(pid, g.path);
  return out;
}

/** Why acting on `target` needs a confirmation, or null: it holds (or is above the group holding) Procyon or PID 1. */
export function confirmationReason(target: string, holders: ReadonlyMap<number, string>, selfPid: number): string | null {
  const self = holders.get(selfPid);
  if (self !== undefined && reaches(target, self)) return `this group ${self === target ? 'holds' : 'is above the group that holds'} Procyon itself: acting on it needs an explicit confirmation`;
  const init = holders.get(1);
  if (init !== undefined && reaches(target, init)) return `this group ${init === target ? 'holds' : 'is above the group that holds'} PID 1, the init process: acting on it needs an explicit confirmation`;
  return null;
}

export class CgroupController {
  constructor(
    private readonly roots: CollectorRoots = {},
    /** Procyon's own pid: its group, and PID 1's, need an explicit confirmation. */
    private readonly selfPid: number = process.pid,
  ) {}

  /** The live groups as the collector lists them. */
  list(): Promise<CgroupList> {
    return native.cgroups(this.roots);
  }

  async act(request: CgroupActionRequest): Promise<CgroupActionOutcome> {
    // A captured tree's groups are another machine's: nothing is touched, not even read for the guard.
    if (!native.isLive(this.roots)) throw new ApiError({ code: 'NOT_LIVE', message: 'the host reads a captured tree: its groups are not this machine’s' });
    if (!request.confirm) {
      const reason = confirmationReason(request.path, groupsHolding(await this.list(), [this.selfPid, 1]), this.selfPid);
      if (reason !== null) throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: reason });
    }
    switch (request.action) {
      case 'freeze':
        await native.cgroupFreeze(request.path, this.roots);
        return { ok: true, frozen: true };
      case 'thaw':
        await native.cgroupThaw(request.path, this.roots);
        return { ok: true, frozen: false };
      case 'kill': {
        const outcome = await native.cgroupKill(request.path, this.roots);
        return { ok: true, method: outcome.method, survivors: outcome.survivors };
      }
      case 'setMemoryMax':
        await native.cgroupSetMemoryMax(request.path, request.bytes, this.roots);
        return { ok: true };
    }
  }
}


/** How long a read of the groups answers "which group holds this pid" (the details ask each time they refresh). */
export const CGROUP_LOOKUP_MS = 5_000;

/**
 * Which group holds a pid, from a reading of the groups kept a few seconds:
 * the details ask while they are open, and reading every group for each ask
 * would be waste. Where the collector has no groups (no cgroup v2, Windows):
 * null, not an error.
 */
export class CgroupLookup {
  private read: { at: number; list: Promise<CgroupList | null> } | null = null;

  constructor(
    private readonly roots: CollectorRoots = {},
    private readonly now: () => number = Date.now,
  ) {}

  async groupOf(pid: number): Promise<ProcessCgroup | null> {
    if (!native.capabilities(this.roots).cgroups) return null;
    if (!this.read || this.now() - this.read.at >= CGROUP_LOOKUP_MS) {
      this.read = { at: this.now(), list: native.cgroups(this.roots).catch(() => null) };
    }
    const list = await this.read.list;
    const g = list?.groups.find((group) => group.pids.includes(pid));
    // The root group holds whatever nothing placed elsewhere (kernel threads, a host without systemd): no app of its own.
    return g && g.path !== '/' ? { path: g.path, kind: g.kind, name: g.name } : null;
  }
}
