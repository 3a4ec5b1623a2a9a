import type { z } from 'zod';
import type { CgroupActionOutcome, TreeOutcome } from './api';
import { actionIssues, connectionIssues, type HostConstants, type HostIssue } from './host-constants';
import type { ProcessText } from './limits';
import type { ConnectionSample, HostInfo, ProcessTableSnapshot, Snapshot, SystemInfo } from './payloads';
import type { ProcessHistoryPoint } from './process-history';
import {
  CgroupActionRequest,
  GetConnectionsRequest,
  GetHistoryRequest,
  GetProcessDetailsRequest,
  GetProcessHistoryRequest,
  GetProcessTextRequest,
  KillTreeRequest,
  NoArgs,
  ProcessActionRequest,
  ServiceActionRequest,
  SetIntervalRequest,
  SetTopicsRequest,
} from './schemas';
import { SettingsPatch, type AlertEvent, type Settings } from './settings';
import { assembleApi, type OperationKinds } from './operation-kinds';

// Every operation the UI may ask of the host, declared once: its request
// schema, whether it changes the host, and what it answers. MonitorApi's type,
// the IPC channels, dispatch, the ipcMain binding, both preloads and the
// WebSocket client are all made by mapping over this table, so a new
// operation is one entry here plus its implementation in main/core/api.ts.

/** A request/response operation. `reply` is never set: it only carries the answer's type. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Reply = unknown> {
  readonly kind: 'call';
  readonly request: Req;
  /** What in a schema-valid request the host cannot do (a signal it lacks, say): the host's constants decide, at run time. */
  readonly hostIssues?: (request: z.output<Req>, host: HostConstants) => HostIssue[];
  /** Changes host state: refused when the host is read-only. */
  readonly mutates: boolean;
  readonly reply?: Reply;
}

/** A stream of events the UI subscribes to. `event` is never set: it only carries the event's type. */
export interface StreamSpec<Event = unknown> {
  readonly kind: 'stream';
  readonly event?: Event;
}

function call<Req extends z.ZodType>(request: Req, hostIssues?: CallSpec<Req>['hostIssues']) {
  return {
    reads: <Reply>(): CallSpec<Req, Reply> => ({ kind: 'call', request, mutates: false, ...(hostIssues && { hostIssues }) }),
    mutates: <Reply>(): CallSpec<Req, Reply> => ({ kind: 'call', request, mutates: true, ...(hostIssues && { hostIssues }) }),
  };
}

const stream = <Event>(): StreamSpec<Event> => ({ kind: 'stream' });

/** Every method rejects with ApiError (errors.ts), in every transport. */
export const OPERATION_TABLE = {
  getInfo: call(NoArgs).reads<HostInfo>(),
  /** The latest tick, or null before the first one completes. */
  getSnapshot: call(NoArgs).reads<Snapshot | null>(),
  /**
   * The whole process table as the host last read it, with that read's time:
   * every tick while some client shows processes, every few seconds otherwise
   * (history's culprits). Null before the first read. For exports; the live
   * table travels as change lists on the snapshot stream.
   */
  getProcessTable: call(NoArgs).reads<ProcessTableSnapshot | null>(),
  /**
   * Ticks from the last `seconds`, oldest first. Up to 5 minutes come at full
   * rate; longer spans come downsampled (5 s buckets up to an hour, 1 min up
   * to 24 h), each bucket the average of its ticks with `span` set.
   */
  getHistory: call(GetHistoryRequest).reads<Snapshot[]>(),
  /** Change the tick length for everyone. */
  setInterval: call(SetIntervalRequest).mutates<{ intervalMs: number }>(),
  /** What this client shows, so the host samples it (replaces the client's previous choice); allowed read-only. */
  setTopics: call(SetTopicsRequest).reads<{ topics: string[] }>(),
  /** Host, OS, kernel, CPU model, boot time, logged-in users, interface addresses. */
  getSystemInfo: call(NoArgs).reads<SystemInfo>(),
  /** psutil.net_connections(kind) with process names. */
  getConnections: call(GetConnectionsRequest, (request, host) => connectionIssues(request.kind, host)).reads<ConnectionSample[]>(),
  /**
   * Act on one process, named by pid AND createTime: if the pid has exited or
   * now names another process, NO_SUCH_PROCESS and nothing is touched.
   * PID 1 and Procyon itself need confirm.
   */
  processAction: call(ProcessActionRequest, (request, host) => actionIssues(request.action, host)).mutates<{ ok: true }>(),
  /**
   * Stop the process and every descendant (re-walking until no new one
   * appears), signal them all, continue them, and report each: SIGTERM, then
   * SIGKILL for whoever outlives `timeout`; or only `signal`. One outcome per
   * process, descendants first; whoever still runs is 'survived'.
   */
  killTree: call(KillTreeRequest).mutates<TreeOutcome[]>(),
  /**
   * Ask the service manager to start or stop a Windows service by name
   * (where capabilities' winServiceStart / winServiceStop are true): answers
   * once asked, not once done; the Services topic shows the state it reaches.
   * NO_SUCH_PROCESS for a name no service has, ACCESS_DENIED where the host's
   * account may not, UNSUPPORTED off Windows.
   */
  serviceAction: call(ServiceActionRequest).mutates<{ ok: true }>(),
  /**
   * Act on a control group (the Apps page) by its path: freeze or thaw it
   * (answering once cgroup.events says so), kill every process in it at once
   * (reporting survivors), or set or clear its memory limit. The group that
   * holds Procyon itself or PID 1, or one above either, needs confirm
   * (CONFIRMATION_REQUIRED without). NO_SUCH_PROCESS for a group that is gone,
   * ACCESS_DENIED where the host may not write it, UNSUPPORTED where the
   * kernel lacks the file, NOT_LIVE under a captured tree.
   */
  cgroupAction: call(CgroupActionRequest).mutates<CgroupActionOutcome>(),
  /**
   * Every psutil attribute of one process (psutil's as_dict, camelCase): an
   * attribute that cannot be read is {error: {code, message}} in its place.
   * NO_SUCH_PROCESS when the pid has exited or names another process now.
   */
  getProcessDetails: call(GetProcessDetailsRequest).reads<Record<string, unknown>>(),
  /**
   * A process's command line or environment, whole up to PROCESS_TEXT_FULL_BYTES
   * (cut past that, `cut` saying the whole size): what the details view shows
   * when the user asks for a value that getProcessDetails cut. Same identity
   * rule and errors as getProcessDetails.
   */
  getProcessText: call(GetProcessTextRequest).reads<ProcessText>(),
  /**
   * What the host kept of one process (pid AND createTime) over the last
   * `seconds`, oldest first, from the tier getHistory would use: kept only for
   * processes that were among some point's culprits (PROCESS_SERIES_LIMIT of
   * them), from when they first were; empty for any other.
   */
  getProcessHistory: call(GetProcessHistoryRequest).reads<ProcessHistoryPoint[]>(),
  /** The host's settings (tick length, tray behaviour, alert rules). */
  getSettings: call(NoArgs).reads<Settings>(),
  /** Change some settings and save them; answers the whole new settings. */
  updateSettings: call(SettingsPatch).mutates<Settings>(),
  /** Alert rules' firing and resolved events, oldest first, the last ALERT_HISTORY_LIMIT. */
  getAlertHistory: call(NoArgs).reads<AlertEvent[]>(),
  /** Called with every new tick until the returned function is called. */
  onSnapshot: stream<Snapshot>(),
};

type Table = typeof OPERATION_TABLE;

/** Every entry's name: the calls and the stream. */
export type OperationName = keyof Table;

/** The request/response operations. */
export type MonitorOperation = { [K in OperationName]: Table[K] extends CallSpec ? K : never }[OperationName];

/** The event streams. The transports carry exactly one (the snapshot stream); a second needs a stream name on the wire. */
export type StreamName = Exclude<OperationName, MonitorOperation>;

/** Each operation's request, as its schema leaves it after validation. */
export type Requests = { [K in MonitorOperation]: z.output<Table[K]['request']> };
export type RequestOf<K extends MonitorOperation> = Requests[K];

/** What an operation answers. */
export type ReplyOf<K extends MonitorOperation> = Table[K] extends CallSpec<z.ZodType, infer Reply> ? Reply : never;

type Method<Spec> =
  Spec extends CallSpec<infer Req, infer Reply>
    ? [z.output<Req>] extends [undefined]
      ? () => Promise<Reply>
      : (request: z.output<Req>) => Promise<Reply>
    : Spec extends StreamSpec<infer Event>
      ? (listener: (event: Event) => void) => () => void
      : never;

/**
 * Everything the UI may ask of the host: one method per table entry. One
 * implementation lives in app/main/core/api.ts; Electron IPC and the serve
 * WebSocket carry it unchanged, and the renderer sees it as window.procyon or a
 * WebSocket client.
 */
export type MonitorApi = { [K in OperationName]: Method<Table[K]> };

/** Every call, each taking its one request (undefined for those that take none): what dispatch calls through. */
export type MonitorCalls = { [K in MonitorOperation]: (request: RequestOf<K>) => Promise<ReplyOf<K>> };

const isCall = (name: OperationName): name is MonitorOperation => OPERATION_TABLE[name].kind === 'call';

export const OPERATION_NAMES = Object.keys(OPERATION_TABLE) as OperationName[];
/** The request/response operations, in table order. */
export const OPERATIONS: readonly MonitorOperation[] = OPERATION_NAMES.filter(isCall);
export const STREAMS = OPERATION_NAMES.filter((name): name is StreamName => !isCall(name));

/** Whether a client-sent name is an operation (own keys only: `constructor`, `__proto__` are not). */
export function isOperation(op: unknown): op is MonitorOperation {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(OPERATION_TABLE, op) && isCall(op as OperationName);
}

export { POPUP_OPERATIONS, type PopupOperation } from './operation-kinds';

/** How a transport makes each member: a call by its name, the stream by its name. */
export interface ApiMaker {
  call<K extends MonitorOperation>(op: K): (request: RequestOf<K>) => Promise<ReplyOf<K>>;
  stream(name: StreamName): MonitorApi[StreamName];
}

/** Each operation's kind, from the table: what a preload build is handed (operation-kinds.ts says why). */
export function operationKinds(): OperationKinds {
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, OPERATION_TABLE[name].kind])) as unknown as OperationKinds;
}

/** A MonitorApi (or the part of it named by `names`) with one named function per entry, each made by the transport. */
export function buildApi<K extends OperationName = OperationName>(make: ApiMaker, names: readonly K[] = OPERATION_NAMES as K[]): Pick<MonitorApi, K> {
  return assembleApi(operationKinds(), make, names);
}
