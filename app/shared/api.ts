// MonitorApi, the contract between the UI and the host, is derived from the
// operations table (operations.ts); this file holds what its answers need.

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
