import type { MonitorApi } from '../../../shared/api';
import { WS_PATH } from '../../../shared/channels';
import { toApiError } from '../../../shared/errors';
import { alwaysOpen, type ConnectionSource } from './connection';
import { createWsClient, wsUrl } from './ws-client';

// The only place the renderer decides how it reaches the host.

interface Transport {
  api: MonitorApi;
  connection: ConnectionSource;
}

let transport: Transport | null = null;

// Electron's contextBridge strips an Error's fields, so the preload rejects with
// the plain error payload; here it becomes an ApiError again, as the WebSocket
// client's rejections already are.
function fromPreload(raw: MonitorApi): MonitorApi {
  const rethrow = (e: unknown): never => {
    throw toApiError(e);
  };
  return {
    getInfo: () => raw.getInfo().catch(rethrow),
    getSnapshot: () => raw.getSnapshot().catch(rethrow),
    getHistory: (r) => raw.getHistory(r).catch(rethrow),
    setInterval: (r) => raw.setInterval(r).catch(rethrow),
    setTopics: (r) => raw.setTopics(r).catch(rethrow),
    getSystemInfo: () => raw.getSystemInfo().catch(rethrow),
    getConnections: (r) => raw.getConnections(r).catch(rethrow),
    processAction: (r) => raw.processAction(r).catch(rethrow),
    killTree: (r) => raw.killTree(r).catch(rethrow),
    getProcessDetails: (r) => raw.getProcessDetails(r).catch(rethrow),
    getProcessText: (r) => raw.getProcessText(r).catch(rethrow),
    getSettings: () => raw.getSettings().catch(rethrow),
    updateSettings: (p) => raw.updateSettings(p).catch(rethrow),
    getAlertHistory: () => raw.getAlertHistory().catch(rethrow),
    onSnapshot: (l) => raw.onSnapshot(l),
  };
}

function pickTransport(): Transport {
  if (window.procyon) return { api: fromPreload(window.procyon), connection: alwaysOpen };
  const client = createWsClient({ url: wsUrl(location, WS_PATH) });
  return { api: client, connection: client.connection };
}

export function getApi(): MonitorApi {
  transport ??= pickTransport();
  return transport.api;
}

export function getConnection(): ConnectionSource {
  transport ??= pickTransport();
  return transport.connection;
}

export type { ConnectionSource, ConnectionState } from './connection';
