import type { WebSocket } from 'ws';
import { ClientMessage, MESSAGE_BUDGET_BYTES, type ProcessDelta, type ProcessRow, type ServerMessage, type Snapshot } from '../../shared';
import type { ClientApi } from '../core/api';
import { dispatch, type DispatchContext } from '../core/dispatch';
import { describeError } from './guard';

/** Past this many unsent bytes a slow client skips ticks instead of growing our memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * A client may send this many messages a second on average (bursts up to the
 * same number). The UI sends a handful; a flood is closed with 1008 (policy
 * violation) so one client cannot starve the others of the event loop.
 */
export const MAX_MESSAGES_PER_SECOND = 100;
export const CLOSE_FLOOD = 1008;
/** RFC 6455's "internal error": the server failed on this client's message. */
export const CLOSE_INTERNAL = 1011;

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

/** The bytes a text message takes on the wire. */
const wireBytes = (text: string): number => Buffer.byteLength(text, 'utf8');


// The feed hands every client that should get the same form of a tick the same
// object, so a tick is encoded once however many clients there are.
const encoded = new WeakMap<Snapshot, { text: string; bytes: number }[]>();
function snapshotMessages(snapshot: Snapshot): { text: string; bytes: number }[] {
  let messages = encoded.get(snapshot);
  if (messages === undefined) {
    messages = splitSnapshot(snapshot);
    encoded.set(snapshot, messages);
  }
  return messages;
}

const snapshotText = (snapshot: Snapshot): string => JSON.stringify({ type: 'snapshot', snapshot } satisfies ServerMessage);

/**
 * A tick as messages of at most MESSAGE_BUDGET_BYTES: one, or, when its
 * process change list (a new client's whole table) would not fit, the rows in
 * parts (ProcessDelta.part), each part a message with the tick's other data.
 * A tick that cannot be cut to fit is not sent (the client gets the next one).
 */
export function splitSnapshot(snapshot: Snapshot, budget = MESSAGE_BUDGET_BYTES): { text: string; bytes: number }[] {
  const text = snapshotText(snapshot);
  const bytes = wireBytes(text);
  if (bytes <= budget) return [{ text, bytes }];
  const delta = snapshot.processDelta;
  if (!delta) return [];
  // The frame every part carries: the tick without rows, and the last part's gone list.
  const frame = wireBytes(snapshotText({ ...snapshot, processDelta: { ...delta, rows: [], part: { index: 999_999, of: 999_999 } } }));
  const room = budget - frame;
  const groups: ProcessRow[][] = [[]];
  let used = 0;
  for (const row of delta.rows) {
    const size = wireBytes(JSON.stringify(row)) + 1; // and its comma
    if (size > room) return [];
    if (used + size > room) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1]!.push(row);
    used += size;
  }
  return groups.map((rows, index) => {
    const last = index === groups.length - 1;
    const part: ProcessDelta = { base: delta.base, rows, gone: last ? delta.gone : [], count: delta.count, part: { index, of: groups.length } };
    const t = snapshotText({ ...snapshot, processDelta: part });
    return { text: t, bytes: wireBytes(t) };
  });
}

/** A reply encoded; one over the budget becomes a TOO_LARGE error for the same call. */
export function replyMessage(msg: Extract<ServerMessage, { type: 'reply' }>, budget = MESSAGE_BUDGET_BYTES): { text: string; bytes: number } {
  const text = JSON.stringify(msg);
  const bytes = wireBytes(text);
  if (bytes <= budget) return { text, bytes };
  const error = { code: 'TOO_LARGE', message: `the answer takes ${bytes} bytes, more than a message may (${budget})` } as const;
  const refusal = JSON.stringify({ type: 'reply', id: msg.id, ok: false, error } satisfies ServerMessage);
  return { text: refusal, bytes: wireBytes(refusal) };
}

function send(ws: WebSocket, msg: Extract<ServerMessage, { type: 'reply' }>): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(replyMessage(msg).text);
}

/** Binds one client socket to its own MonitorApi: calls go through dispatch(), snapshots are pushed while subscribed. */
export function bindSocket(ws: WebSocket, api: ClientApi, ctx: DispatchContext): void {
  let unsubscribe: (() => void) | null = null;
  const onSnapshot = (snapshot: Snapshot): boolean => {
    // Skipped: the feed then sends this client a full process table next time.
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES || ws.readyState !== ws.OPEN) return false;
    const messages = snapshotMessages(snapshot);
    for (const m of messages) ws.send(m.text);
    return messages.length > 0;
  };

  const limiter = rateLimiter(MAX_MESSAGES_PER_SECOND);
  ws.on('message', (data, isBinary) => {
    // Whatever one message causes costs that message or this client, never the host: a failure that escaped
    // here would be outside every request's scope (serve-policy.ts), where serve exits.
    try {
      onMessage(data, isBinary);
    } catch (err) {
      console.error(`procyon: WebSocket message: ${describeError(err)}`);
      ws.close(CLOSE_INTERNAL, 'internal error');
    }
  });

  function onMessage(data: WebSocket.RawData, isBinary: boolean): void {
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
    void dispatch(api, ctx, m.op, m.arg)
      .then((result) => {
        send(ws, result.ok ? { type: 'reply', id: m.id, ok: true, value: result.value } : { type: 'reply', id: m.id, ok: false, error: result.error });
      })
      .catch((err: unknown) => {
        // A reply that could not be encoded or sent: this call fails, the host goes on.
        console.error(`procyon: WebSocket reply to ${m.op}: ${describeError(err)}`);
        try {
          send(ws, { type: 'reply', id: m.id, ok: false, error: { code: 'INTERNAL', message: 'the reply could not be sent' } });
        } catch {
          ws.close(CLOSE_INTERNAL, 'internal error');
        }
      });
  }

  ws.on('close', () => {
    unsubscribe = null;
    api.dispose();
  });
  ws.on('error', () => ws.terminate());
}
