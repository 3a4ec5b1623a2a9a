import { NoSuchProcess, Process, waitProcs } from '@procyon/collector';
import { ApiError } from '../../shared';
import type { CollectorRoots } from './collector';
import { errorSummary } from './errors';

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

/** Per-process outcome of killTree: children first, then the root. */
export interface TreeOutcome {
  pid: number;
  /** terminated: went on SIGTERM; killed: needed SIGKILL; gone: had already exited; failed: see error. */
  result: 'terminated' | 'killed' | 'gone' | 'failed';
  error?: { code: string; message: string };
}

/**
 * The one door to acting on processes. Every action first finds the live
 * process for (pid, createTime) — a reused pid is NoSuchProcess and is never
 * touched — then acts through the collector, which re-checks identity on a
 * pidfd so nothing can slip in between.
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
    if (ref.pid === 1) throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'PID 1 is the init process: acting on it needs confirm: true' });
    if (ref.pid === this.selfPid) throw new ApiError({ code: 'CONFIRMATION_REQUIRED', message: 'this is Procyon itself: acting on it needs confirm: true' });
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
   * psutil's kill_proc_tree recipe: SIGTERM the descendants, then the root;
   * wait up to `timeout` seconds; SIGKILL whoever is left. Each process gets
   * its own outcome, so one AccessDenied does not hide the rest.
   */
  async killTree(ref: ProcessRef, timeout: number, confirm?: boolean): Promise<TreeOutcome[]> {
    this.guard(ref, confirm);
    const root = await this.resolve(ref);
    const children = await root.children({ recursive: true });
    const all = [...children.filter((c) => c.pid !== this.selfPid || confirm), root];
    const outcomes = new Map<number, TreeOutcome>();
    const signalled: Process[] = [];
    for (const p of all) {
      try {
        await p.terminate();
        signalled.push(p);
      } catch (err) {
        outcomes.set(p.pid, err instanceof NoSuchProcess ? { pid: p.pid, result: 'gone' } : { pid: p.pid, result: 'failed', error: errorSummary(err) });
      }
    }
    const { gone, alive } = await waitProcs(signalled, { timeout });
    for (const p of gone) outcomes.set(p.pid, { pid: p.pid, result: 'terminated' });
    for (const p of alive) {
      try {
        // A zombie has exited already; only its parent's wait() is missing.
        if ((await p.status()) === 'zombie') {
          outcomes.set(p.pid, { pid: p.pid, result: 'terminated' });
          continue;
        }
        await p.kill();
        outcomes.set(p.pid, { pid: p.pid, result: 'killed' });
      } catch (err) {
        outcomes.set(p.pid, err instanceof NoSuchProcess ? { pid: p.pid, result: 'terminated' } : { pid: p.pid, result: 'failed', error: errorSummary(err) });
      }
    }
    return all.map((p) => outcomes.get(p.pid)!);
  }
}
