import type { WebSocket } from 'ws';
import { ClientMessage, type ServerMessage, type Snapshot } from '../../shared';
import type { ClientApi } from '../core/api';
import { dispatch, type DispatchContext } from '../core/dispatch';

/** Past this many unsent bytes a slow client skips ticks instead of growing our memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * A client may send this many messages a second on average (bursts up to the
 * same number). The UI sends a handful; a flood is closed with 1008 (policy
 * violation) so one client cannot starve the others of the event loop.
 */
export const MAX_MESSAGES_PER_SECOND = 100;
export const CLOSE_FLOOD = 1008;

/** A token bucket: `take()` is false once the client has outrun the rate. */
export function rateLimiter(perSecond: number, now: () => number = () => performance.now()): { take(): boolean } {
  let tokens = perSecond;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(perSecond, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

// The feed hands every client that should get the same form of a tick the same
// object, so a tick is encoded once however many clients there are.
const encoded = new WeakMap<Snapshot, string>();
function snapshotMessage(snapshot: Snapshot): string {
  let text = encoded.get(snapshot);
  if (text === undefined) {
    text = JSON.stringify({ type: 'snapshot', snapshot } satisfies ServerMessage);
    encoded.set(snapshot, text);
  }
  return text;
}

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

/** Binds one client socket to its own MonitorApi: calls go through dispatch(), snapshots are pushed while subscribed. */
export function bindSocket(ws: WebSocket, api: ClientApi, ctx: DispatchContext): void {
  let unsubscribe: (() => void) | null = null;
  const onSnapshot = (snapshot: Snapshot): boolean => {
    // Skipped: the feed then sends this client a full process table next time.
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES || ws.readyState !== ws.OPEN) return false;
    ws.send(snapshotMessage(snapshot));
    return true;
  };

  const limiter = rateLimiter(MAX_MESSAGES_PER_SECOND);
  ws.on('message', (data, isBinary) => {
    if (!limiter.take()) {
      ws.close(CLOSE_FLOOD, 'too many messages');
      return;
    }
    if (isBinary) {
      send(ws, { type: 'reply', id: null, ok: false, error: { code: 'INVALID_ARGUMENT', message: 'binary messages are not accepted' } });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      send(ws, { type: 'reply', id: null, ok: false, error: { code: 'INVALID_ARGUMENT', message: 'message is not valid JSON' } });
      return;
    }
    const msg = ClientMessage.safeParse(parsed);
    if (!msg.success) {
      const id = typeof (parsed as { id?: unknown } | null)?.id === 'number' ? ((parsed as { id: number }).id) : null;
      send(ws, {
        type: 'reply',
        id,
        ok: false,
        error: {
          code: 'INVALID_ARGUMENT',
          message: 'malformed message',
          issues: msg.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        },
      });
      return;
    }
    const m = msg.data;
    if (m.type === 'subscribe') {
      unsubscribe ??= api.onSnapshot(onSnapshot);
      return;
    }
    if (m.type === 'unsubscribe') {
      unsubscribe?.();
      unsubscribe = null;
      return;
    }
    void dispatch(api, ctx, m.op, m.arg).then((result) => {
      send(ws, result.ok ? { type: 'reply', id: m.id, ok: true, value: result.value } : { type: 'reply', id: m.id, ok: false, error: result.error });
    });
  });

  ws.on('close', () => {
    unsubscribe = null;
    api.dispose();
  });
  ws.on('error', () => ws.terminate());
}
