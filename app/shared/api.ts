import type { ConnectionSample, HostInfo, ProcessTableSnapshot, Snapshot, SystemInfo } from './payloads';
import type { AlertEvent, Settings, SettingsPatch } from './settings';
import type { ProcessText } from './limits';
import type { ProcessHistoryPoint } from './process-history';
import type { GetConnectionsRequest, GetHistoryRequest, GetProcessDetailsRequest, GetProcessHistoryRequest, GetProcessTextRequest, KillTreeRequest, ProcessActionRequest, SetIntervalRequest, SetTopicsRequest } from './schemas';

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

/**
 * Everything the UI may ask of the host. One implementation lives in
 * app/main/core/api.ts; Electron IPC and the serve WebSocket carry it unchanged,
 * and the renderer sees it as window.procyon or a WebSocket client.
 * Every method rejects with ApiError.
 */
export interface MonitorApi {
  getInfo(): Promise<HostInfo>;
  /** The latest tick, or null before the first one completes. */
  getSnapshot(): Promise<Snapshot | null>;
  /**
   * The whole process table as the host last read it, with that read's time:
   * every tick while some client shows processes, every few seconds otherwise
   * (history's culprits). Null before the first read. For exports; the live
   * table travels as change lists on the snapshot stream.
   */
  getProcessTable(): Promise<ProcessTableSnapshot | null>;
  /**
   * Ticks from the last `seconds`, oldest first. Up to 5 minutes come at full
   * rate; longer spans come downsampled (5 s buckets up to an hour, 1 min up
   * to 24 h), each bucket the average of its ticks with `span` set.
   */
  getHistory(request: GetHistoryRequest): Promise<Snapshot[]>;
  /** Change the tick length for everyone (refused in read-only mode). */
  setInterval(request: SetIntervalRequest): Promise<{ intervalMs: number }>;
  /** What this client shows, so the host samples it (replaces the client's previous choice). */
  setTopics(request: SetTopicsRequest): Promise<{ topics: string[] }>;
  /** Host, OS, kernel, CPU model, boot time, logged-in users, interface addresses. */
  getSystemInfo(): Promise<SystemInfo>;
  /** psutil.net_connections(kind) with process names. */
  getConnections(request: GetConnectionsRequest): Promise<ConnectionSample[]>;
  /**
   * Act on one process, named by pid AND createTime: if the pid has exited or
   * now names another process, NO_SUCH_PROCESS and nothing is touched.
   * Refused when read-only; PID 1 and Procyon itself need confirm.
   */
  processAction(request: ProcessActionRequest): Promise<{ ok: true }>;
  /**
   * Stop the process and every descendant (re-walking until no new one
   * appears), signal them all, continue them, and report each: SIGTERM, then
   * SIGKILL for whoever outlives `timeout`; or only `signal`. One outcome per
   * process, descendants first; whoever still runs is 'survived'.
   */
  killTree(request: KillTreeRequest): Promise<TreeOutcome[]>;
  /**
   * Every psutil attribute of one process (psutil's as_dict, camelCase): an
   * attribute that cannot be read is {error: {code, message}} in its place.
   * NO_SUCH_PROCESS when the pid has exited or names another process now.
   */
  getProcessDetails(request: GetProcessDetailsRequest): Promise<Record<string, unknown>>;
  /**
   * A process's command line or environment, whole up to PROCESS_TEXT_FULL_BYTES
   * (cut past that, `cut` saying the whole size): what the details view shows
   * when the user asks for a value that getProcessDetails cut. Same identity
   * rule and errors as getProcessDetails.
   */
  getProcessText(request: GetProcessTextRequest): Promise<ProcessText>;
  /**
   * What the host kept of one process (pid AND createTime) over the last
   * `seconds`, oldest first, from the tier getHistory would use: kept only for
   * processes that were among some point's culprits (PROCESS_SERIES_LIMIT of
   * them), from when they first were; empty for any other.
   */
  getProcessHistory(request: GetProcessHistoryRequest): Promise<ProcessHistoryPoint[]>;
  /** The host's settings (tick length, tray behaviour, alert rules). */
  getSettings(): Promise<Settings>;
  /** Change some settings and save them; answers the whole new settings (refused in read-only mode). */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** Alert rules' firing and resolved events, oldest first, the last ALERT_HISTORY_LIMIT. */
  getAlertHistory(): Promise<AlertEvent[]>;
  /** Called with every new tick until the returned function is called. */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
}

/** The request/response operations, i.e. MonitorApi minus the event stream. */
export type MonitorOperation = Exclude<keyof MonitorApi, 'onSnapshot'>;
