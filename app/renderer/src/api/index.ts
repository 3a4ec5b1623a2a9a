import { buildApi, type MonitorApi, type MonitorCalls } from '../../../shared/operations';
import { HELLO_PATH, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type Hello } from '../../../shared/channels';
import { toApiError } from '../../../shared/errors';
import { alwaysOpen, type ConnectionSource } from './connection';
import { adoptPageToken, type PageToken } from './page-token';
import { createWsClient, wsUrl, type AuthCheck } from './ws-client';

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
  // Each member calls the preload's function of the same name (never a generic invoke).
  const calls: MonitorCalls = raw;
  return buildApi({
    call: (op) => (request) => calls[op](request).catch(rethrow),
    stream: (name) => (listener) => raw[name](listener),
  });
}

let pageToken: PageToken = { token: null, oldLink: false };

/** Asks the host whether it accepts our token (HELLO_PATH with a Bearer header): it answers where a refused WebSocket cannot. */
async function checkAuth(): Promise<AuthCheck> {
  try {
    const res = await fetch(HELLO_PATH, { cache: 'no-store', headers: pageToken.token ? { Authorization: `Bearer ${pageToken.token}` } : {} });
    if (!res.ok) return 'unknown';
    const hello = (await res.json()) as Partial<Hello>;
    return hello.product !== 'procyon' ? 'unknown' : hello.authorized ? 'accepted' : 'refused';
  } catch {
    return 'unknown';
  }
}

function pickTransport(): Transport {
  if (window.procyon) return { api: fromPreload(window.procyon), connection: alwaysOpen };
  pageToken = adoptPageToken(window);
  const protocols = [WS_PROTOCOL, ...(pageToken.token ? [WS_TOKEN_PROTOCOL_PREFIX + pageToken.token] : [])];
  const client = createWsClient({ url: wsUrl(location, WS_PATH), protocols, checkAuth });
  return { api: client, connection: client.connection };
}

/** Whether this page was opened with an old `?token=` link (the refusal page says so). */
export function openedWithOldLink(): boolean {
  return pageToken.oldLink;
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
