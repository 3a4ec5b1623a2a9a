import { NoSuchProcess, NotLive, Process, processTable, resolveRoots, type ProcessTableRow } from '@procyon/collector';
import type { KillTreeSignal, TreeOutcome } from '../../shared';
import type { CollectorRoots } from './collector';
import { errorSummary } from './errors';

// Kill tree as systemd kills a unit, without a cgroup: stop the whole tree
// first, so nobody can fork or respawn while it is walked (SIGSTOP through each
// member's pidfd, re-walk until a walk finds no one new), then signal every
// member, then SIGCONT them all so the stopped ones act on the signal.
// Whoever is still running at the end is reported as a survivor, never as killed.
//
// What no tree walk can catch: a member that, on SIGTERM, starts a new process
// and exits hands that process to init before we can see it (SIGKILL runs no
// handler, so the SIGKILL-only mode leaves nothing behind).

/** How many walks the freeze may take, and how long it may last, before it goes on with what it has. */
const FREEZE_ROUNDS = 100;
const FREEZE_MS = 10_000;
/** How long a member that was sent SIGSTOP may take to show as stopped. */
const STOP_SETTLE_MS = 2_000;
/** How long processes sent SIGKILL may take to disappear. */
const KILL_WAIT_MS = 5_000;
const POLL_MS = 25;

/** Exited, or as good as: a zombie is only waiting for its parent's wait(). */
const DEAD = new Set(['zombie', 'dead']);
const STOPPED = new Set(['stopped', 'tracing-stop', ...DEAD]);

interface Member {
  proc: Process;
  /** Set once decided; absent while the member may still be running. */
  outcome?: TreeOutcome;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface KillTreeOptions {
  roots: CollectorRoots;
  /** Seconds to wait after SIGTERM before SIGKILL (or before reporting survivors). */
  timeout: number;
  /** Only this signal; absent: SIGTERM, then SIGKILL for whoever outlives `timeout`. */
  signal?: KillTreeSignal;
  /** Pids never added from the walk (Procyon itself, unless confirmed). */
  spare: ReadonlySet<number>;
}

export class TreeKill {
  private readonly members = new Map<number, Member>();

  constructor(
    private readonly root: Process,
    private readonly options: KillTreeOptions,
  ) {}

  async run(): Promise<TreeOutcome[]> {
    const { signal, timeout } = this.options;
    const root: Member = { proc: this.root };
    this.members.set(this.root.pid, root);
    await this.stop(root);
    if (root.outcome?.result === 'gone') return [root.outcome];
    // A root we may not stop (ACCESS_DENIED) is reported as failed; its descendants are still ours to try.
    await this.freeze();
    const first = signal ?? 'SIGTERM';
    await this.signalLiving(first);
    await this.continueLiving();
    await this.waitForExit(first === 'SIGKILL' ? KILL_WAIT_MS : timeout * 1000, first === 'SIGKILL' ? 'killed' : 'terminated');
    if (signal === undefined && this.living().length > 0) {
      // Freeze what is left (and anything it started since), then SIGKILL it.
      for (const m of this.living()) await this.stop(m, 'terminated');
      await this.freeze();
      await this.signalLiving('SIGKILL');
      await this.continueLiving();
      await this.waitForExit(KILL_WAIT_MS, 'killed');
    }
    const lastSignal = signal ?? 'SIGKILL';
    for (const m of this.living()) {
      m.outcome = { pid: m.proc.pid, result: 'survived', error: { code: 'SURVIVED', message: `still running after ${lastSignal}` } };
    }
    // Descendants first, then the root, as before.
    const list = [...this.members.values()].map((m) => m.outcome!);
    return [...list.slice(1), list[0]!];
  }

  private living(): Member[] {
    return [...this.members.values()].filter((m) => m.outcome === undefined);
  }

  /** SIGSTOP through the member's pidfd; `goneAs`: what its having exited already means (after SIGTERM: terminated). */
  private async stop(m: Member, goneAs: 'gone' | 'terminated' = 'gone'): Promise<void> {
    try {
      await m.proc.suspend();
    } catch (err) {
      // A captured tree: nothing in it may be touched, and nothing was.
      if (err instanceof NotLive) throw err;
      m.outcome = err instanceof NoSuchProcess ? { pid: m.proc.pid, result: goneAs } : { pid: m.proc.pid, result: 'failed', error: errorSummary(err) };
    }
  }

  private async table(): Promise<Map<number, ProcessTableRow>> {
    const rows = (await processTable({ ...this.options.roots, fields: ['ppid', 'status'] })).rows;
    return new Map(rows.map((r) => [r.pid, r]));
  }

  /** Is the row the member itself (same pid and create time), not a successor? */
  private static same(row: ProcessTableRow | undefined, m: Member): row is ProcessTableRow {
    return row !== undefined && row.createTime === m.proc.knownCreateTime;
  }

  /**
   * Stops every descendant of the members, walking again until a walk finds
   * no one new. Each walk starts once everything stopped so far shows as
   * stopped: a member still running could fork after the walk.
   */
  private async freeze(): Promise<void> {
    const until = performance.now() + FREEZE_MS;
    for (let round = 0; round < FREEZE_ROUNDS && performance.now() < until; round++) {
      const table = await this.settled();
      const found = this.newDescendants(table);
      if (found.length === 0) return;
      for (const row of found) {
        const m: Member = { proc: new Process(row.pid, row.createTime, resolveRoots(this.options.roots)) };
        this.members.set(row.pid, m);
        await this.stop(m);
      }
    }
  }

  /** The table once every living member shows as stopped (or exited), or after STOP_SETTLE_MS. */
  private async settled(): Promise<Map<number, ProcessTableRow>> {
    const until = performance.now() + STOP_SETTLE_MS;
    for (;;) {
      const table = await this.table();
      const running = this.living().some((m) => {
        const row = table.get(m.proc.pid);
        return TreeKill.same(row, m) && !STOPPED.has(row.status ?? '?');
      });
      if (!running || performance.now() > until) return table;
      await sleep(POLL_MS);
    }
  }

  /** Children of members (by ppid, and no older than their parent) not yet members. */
  private newDescendants(table: Map<number, ProcessTableRow>): ProcessTableRow[] {
    const byParent = new Map<number, ProcessTableRow[]>();
    for (const row of table.values()) {
      if (row.ppid === undefined) continue;
      const list = byParent.get(row.ppid) ?? [];
      list.push(row);
      byParent.set(row.ppid, list);
    }
    const found: ProcessTableRow[] = [];
    const queue = [...this.members.values()].filter((m) => TreeKill.same(table.get(m.proc.pid), m)).map((m) => ({ pid: m.proc.pid, createTime: m.proc.knownCreateTime }));
    const seen = new Set<number>();
    while (queue.length) {
      const parent = queue.pop()!;
      if (seen.has(parent.pid)) continue;
      seen.add(parent.pid);
      for (const child of byParent.get(parent.pid) ?? []) {
        // A child older than its parent means the ppid was reused: not ours.
        if (child.createTime < parent.createTime || this.options.spare.has(child.pid)) continue;
        if (!this.members.has(child.pid)) found.push(child);
        queue.push({ pid: child.pid, createTime: child.createTime });
      }
    }
    return found;
  }

  private async signalLiving(signal: KillTreeSignal): Promise<void> {
    for (const m of this.living()) {
      try {
        await m.proc.sendSignal(signal);
      } catch (err) {
        m.outcome = err instanceof NoSuchProcess ? { pid: m.proc.pid, result: 'gone' } : { pid: m.proc.pid, result: 'failed', error: errorSummary(err) };
      }
    }
  }

  /** SIGCONT after the signal, as systemd does: a stopped process acts on nothing until continued. */
  private async continueLiving(): Promise<void> {
    for (const m of this.living()) await m.proc.resume().catch(() => undefined);
  }

  /** Waits up to `ms` for the living members to exit; those that did get `result`. */
  private async waitForExit(ms: number, result: 'terminated' | 'killed'): Promise<void> {
    const until = performance.now() + ms;
    for (;;) {
      const table = await this.table();
      for (const m of this.living()) {
        const row = table.get(m.proc.pid);
        if (!TreeKill.same(row, m) || DEAD.has(row.status ?? '?')) m.outcome = { pid: m.proc.pid, result };
      }
      if (this.living().length === 0 || performance.now() >= until) return;
      await sleep(POLL_MS);
    }
  }
}
