import { NoSuchProcess, Process } from '@procyon/collector';
import { ApiError, type KillTreeSignal, type TreeOutcome } from '../../shared';
import type { CollectorRoots } from './collector';
import { TreeKill } from './kill-tree';

/** A process as the UI knows it: pid alone could name a different process by the time the request lands. */
export interface ProcessRef {
  pid: number;
  createTime: number;
}

export type ProcessAction =
  | { kind: 'signal'; signal: string }
  | { kind: 'terminate' }
  | { kind: 'kill' }
  | { kind: 'suspend' }
  | { kind: 'resume' }
  | { kind: 'renice'; value: number }
  | { kind: 'ionice'; ioclass: number; value?: number }
  | { kind: 'setAffinity'; cpus: number[] }
  | { kind: 'setRlimit'; resource: number; soft: number; hard: number };

/**
 * The one door to acting on processes. Every action first finds the live
 * process for (pid, createTime) — a reused pid is NoSuchProcess and is never
 * touched — then acts through the collector, which refuses a captured tree
 * (NOT_LIVE), signals through a pidfd (race-free), and re-checks setters
 * after the fact (NO_SUCH_PROCESS, with a warning, when the pid changed hands
 * in between).
 */
export class ProcessController {
  constructor(
    private readonly roots: CollectorRoots = {},
    /** Procyon's own pid: acting on it, or on PID 1, needs an explicit confirmation. */
    private readonly selfPid: number = process.pid,
  ) {}

  /** The live process named by ref, or NoSuchProcess when it has exited or the pid now names another one. */
  async resolve(ref: ProcessRef): Promise<Process> {
    const proc = await Process.create(ref.pid, this.roots);
    if (proc.knownCreateTime !== ref.createTime) {
      throw new NoSuchProcess(ref.pid, null, `process ${ref.pid} no longer exists (the pid now names another process)`);
    }
    return proc;
  }

  private guard(ref: ProcessRef, confirm: boolean | undefined): void {
    if (confirm) return;
    if (ref.pid === 1) throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'PID 1 is the init process: acting on it needs an explicit confirmation' });
    if (ref.pid === this.selfPid) throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'this is Procyon itself: acting on it needs an explicit confirmation' });
  }

  async act(ref: ProcessRef, action: ProcessAction, confirm?: boolean): Promise<{ ok: true }> {
    this.guard(ref, confirm);
    const proc = await this.resolve(ref);
    switch (action.kind) {
      case 'signal':
        await proc.sendSignal(action.signal);
        break;
      case 'terminate':
        await proc.terminate();
        // A stopped process acts on SIGTERM only once continued (systemd sends SIGCONT after SIGTERM too).
        // Through the same pidfd check: if it has exited already, there is nothing to continue.
        await proc.resume().catch((err: unknown) => {
          if (!(err instanceof NoSuchProcess)) throw err;
        });
        break;
      case 'kill':
        await proc.kill();
        break;
      case 'suspend':
        await proc.suspend();
        break;
      case 'resume':
        await proc.resume();
        break;
      case 'renice':
        await proc.nice(action.value);
        break;
      case 'ionice':
        await proc.ionice(action.ioclass, action.value);
        break;
      case 'setAffinity':
        await proc.cpuAffinity(action.cpus);
        break;
      case 'setRlimit':
        await proc.rlimit(action.resource, [action.soft, action.hard]);
        break;
    }
    return { ok: true };
  }

  /**
   * Kill tree: stop the whole tree, signal it, continue it, report each
   * member (see kill-tree.ts). Procyon itself is spared unless confirmed.
   * NOT_LIVE under a captured tree, before anything is touched.
   */
  async killTree(ref: ProcessRef, timeout: number, confirm?: boolean, signal?: KillTreeSignal): Promise<TreeOutcome[]> {
    this.guard(ref, confirm);
    const root = await this.resolve(ref);
    const spare = new Set(confirm ? [] : [this.selfPid, 1]);
    return new TreeKill(root, { roots: this.roots, timeout, spare, ...(signal !== undefined && { signal }) }).run();
  }
}
