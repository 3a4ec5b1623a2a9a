import { buildApi, type MonitorApi, type MonitorOperation, type ReplyOf } from '../../../shared/operations';
import { ApiError, isApiErrorCode, type ApiErrorPayload } from '../../../shared/errors';
import type { Snapshot } from '../../../shared/payloads';
import type { ClientMessage } from '../../../shared/protocol';
import type { SetTopicsRequest } from '../../../shared/schemas';
import type { ConnectionSource, ConnectionState } from './connection';

/** The part of the DOM WebSocket the client uses, so tests can pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the host says of our credential when a socket could not open: a browser cannot see the handshake's 401 itself. */
export type AuthCheck = 'accepted' | 'refused' | 'unknown';

export interface WsClientOptions {
  url: string;
  /** Subprotocols to offer (the token travels as one). */
  protocols?: string[];
  /**
   * Asked when a socket closes without ever opening. 'refused' ends the
   * retrying for good (state 'refused'): the page then says what to do instead
   * of "retrying" forever with a token the host no longer has.
   */
  checkAuth?: () => Promise<AuthCheck>;
  createSocket?: (url: string, protocols?: string[]) => SocketLike;
  timers?: Timers;
  /** Reconnect delays grow from minDelayMs to maxDelayMs, doubling. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface WsClient extends MonitorApi {
  readonly connection: ConnectionSource;
  /** Stops reconnecting and closes the socket (tests, page unload). */
  dispose(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: ApiError): void;
}

export function wsUrl(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

export function nextDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, attempt));
}

function unavailable(message: string): ApiError {
  return new ApiError({ code: 'UNAVAILABLE', message });
}

function toErrorPayload(raw: unknown): ApiErrorPayload {
  if (raw && typeof raw === 'object') {
    const { code, message, issues } = raw as Record<string, unknown>;
    if (isApiErrorCode(code)) {
      const payload: ApiErrorPayload = { code, message: typeof message === 'string' ? message : code };
      if (Array.isArray(issues)) payload.issues = issues as ApiErrorPayload['issues'];
      return payload;
    }
  }
  return { code: 'INTERNAL', message: 'Malformed error from host' };
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createWsClient(options: WsClientOptions): WsClient {
  const createSocket = options.createSocket ?? ((url: string, protocols?: string[]) => new WebSocket(url, protocols) as unknown as SocketLike);
  const timers = options.timers ?? defaultTimers;
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 10_000;

  let socket: SocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let retryTimer: unknown = null;
  let disposed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  // Calls made while the socket is still opening wait here rather than fail.
  const outbox: string[] = [];
  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function send(message: ClientMessage): void {
    const data = JSON.stringify(message);
    if (state === 'open' && socket) socket.send(data);
    else outbox.push(data);
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const msg = message as Record<string, unknown>;
    if (msg.type === 'reply') {
      // id null means the server could not parse which call this was; nothing to settle.
      if (typeof msg.id !== 'number') return;
      const call = pending.get(msg.id);
      if (!call) return;
      pending.delete(msg.id);
      if (msg.ok === true) call.resolve(msg.value);
      else call.reject(new ApiError(toErrorPayload(msg.error)));
    } else if (msg.type === 'snapshot') {
      const snapshot = msg.snapshot as Snapshot | undefined;
      if (!snapshot || typeof snapshot !== 'object' || typeof snapshot.seq !== 'number') return;
      for (const listener of [...snapshotListeners]) listener(snapshot);
    }
  }

  function failPending(reason: string): void {
    outbox.length = 0;
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(unavailable(reason));
  }

  function connect(): void {
    retryTimer = null;
    if (disposed) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = createSocket(options.url, options.protocols);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    let opened = false;
    s.onopen = () => {
      if (socket !== s) return;
      opened = true;
      attempt = 0;
      setState('open');
      // A new server session knows nothing of our old subscription.
      if (snapshotListeners.size > 0) s.send(JSON.stringify({ type: 'subscribe' } satisfies ClientMessage));
      // The server treats every socket as a new client: tell it again what we show.
      if (lastTopics) void call('setTopics', lastTopics).catch(() => undefined);
      for (const data of outbox.splice(0)) s.send(data);
    };
    s.onmessage = (event) => {
      if (socket === s) handleMessage(event.data);
    };
    s.onerror = () => {
      // The close event follows and does the cleanup.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      failPending(opened ? 'Connection to the Procyon host was lost' : 'Could not connect to the Procyon host');
      setState('closed');
      if (opened || !options.checkAuth) {
        scheduleReconnect();
        return;
      }
      void options.checkAuth().then(
        (verdict) => afterCheck(verdict),
        () => afterCheck('unknown'),
      );
    };
  }

  function afterCheck(verdict: AuthCheck): void {
    if (disposed || socket !== null || state === 'refused') return;
    if (verdict === 'refused') {
      setState('refused');
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (disposed || retryTimer !== null) return;
    setState('closed');
    const delay = nextDelay(attempt, minDelay, maxDelay);
    attempt += 1;
    retryTimer = timers.setTimeout(connect, delay);
  }

  let lastTopics: SetTopicsRequest | null = null;

  function call(op: MonitorOperation, arg?: unknown): Promise<unknown> {
    if (disposed) return Promise.reject(unavailable('Client disposed'));
    if (state === 'refused') return Promise.reject(unavailable('The Procyon host refused this page’s token'));
    if (state === 'closed') return Promise.reject(unavailable('Not connected to the Procyon host'));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const message: ClientMessage = arg === undefined ? { type: 'call', id, op } : { type: 'call', id, op, arg };
      send(message);
    });
  }

  connect();

  function subscribe(listener: (snapshot: Snapshot) => void): () => void {
    const wrapped = (snapshot: Snapshot) => listener(snapshot);
    snapshotListeners.add(wrapped);
    // Only the first listener subscribes; while not open, onopen will do it.
    if (snapshotListeners.size === 1 && state === 'open') send({ type: 'subscribe' });
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      snapshotListeners.delete(wrapped);
      if (snapshotListeners.size === 0 && state === 'open') send({ type: 'unsubscribe' });
    };
  }

  const api = buildApi({
    // What the host answers is the table's reply for that operation (dispatch calls the real implementation).
    call: (op) => (request) => call(op, request) as Promise<ReplyOf<typeof op>>,
    // The wire has one stream (protocol.ts): the snapshot stream.
    stream: () => subscribe,
  });

  return {
    ...api,
    setTopics: (request) => {
      // Kept, to tell a new server session what we show (onopen).
      lastTopics = request;
      return api.setTopics(request);
    },
    connection: {
      get: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      const s = socket;
      socket = null;
      failPending('Client disposed');
      if (state !== 'refused') setState('closed');
      s?.close();
    },
  };
}
