import type { HostInfo, Snapshot } from './payloads';
import type { GetHistoryRequest, SetIntervalRequest } from './schemas';

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
  /** Ticks from the last `seconds`, oldest first (bounded by the host's history). */
  getHistory(request: GetHistoryRequest): Promise<Snapshot[]>;
  /** Change the tick length for everyone (refused in read-only mode). */
  setInterval(request: SetIntervalRequest): Promise<{ intervalMs: number }>;
  /** Called with every new tick until the returned function is called. */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
}

/** The request/response operations, i.e. MonitorApi minus the event stream. */
export type MonitorOperation = Exclude<keyof MonitorApi, 'onSnapshot'>;
