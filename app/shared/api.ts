// MonitorApi, the contract between the UI and the host, is derived from the
// operations table (operations.ts); this file holds what its answers need.

import type { CgroupKind } from '@procyon/collector';

export type { MonitorApi, MonitorOperation, OperationName, StreamName, RequestOf, ReplyOf, MonitorCalls } from './operations';

/** What kill tree did to one process. */
export interface TreeOutcome {
  pid: number;
  /**
   * terminated: exited after SIGTERM; killed: exited after SIGKILL; gone: had
   * exited before it was signalled; failed: could not be signalled (see error);
   * survived: still running when kill tree gave up (error says after what).
   */
  result: 'terminated' | 'killed' | 'gone' | 'failed' | 'survived';
  error?: { code: string; message: string };
}

/** What a group action did (cgroupAction). */
export interface CgroupActionOutcome {
  ok: true;
  /** freeze / thaw: cgroup.events' frozen once the kernel said so. */
  frozen?: boolean;
  /** kill: how (cgroup.kill, or freeze and a SIGKILL per member where the kernel lacks it), and who still ran when the wait ended (empty: none). */
  method?: 'cgroup.kill' | 'freeze-and-signal';
  survivors?: number[];
}

/** The group a process runs in, as getProcessDetails gives it beside psutil's attributes (`cgroup`; null where the host lists none). */
export interface ProcessCgroup {
  path: string;
  kind: CgroupKind;
  name: string;
}
