import { callChannel, streamChannels } from './operation-kinds';
import { OPERATIONS, STREAMS, type MonitorOperation, type StreamName } from './operations';

/** Electron IPC channel per operation (invoke/handle), named after it. */
export const CHANNELS = Object.fromEntries(OPERATIONS.map((op) => [op, callChannel(op)])) as { readonly [K in MonitorOperation]: `procyon:${K}` };

/** Per stream, main ↔ renderer: the event main sends, and the renderer's subscribe and unsubscribe. */
export const STREAM_CHANNELS = Object.fromEntries(
  STREAMS.map((name) => [name, streamChannels(name)]),
) as { readonly [K in StreamName]: { event: `procyon:event:${K}`; subscribe: `procyon:subscribe:${K}`; unsubscribe: `procyon:unsubscribe:${K}` } };

/** The snapshot stream's channels. */
export const EVENTS = { snapshot: STREAM_CHANNELS.onSnapshot.event, subscribe: STREAM_CHANNELS.onSnapshot.subscribe, unsubscribe: STREAM_CHANNELS.onSnapshot.unsubscribe } as const;

export { OPERATIONS };

/** The serve-mode WebSocket path. */
export const WS_PATH = '/api/ws';

/**
 * Serve mode's credential travels as a WebSocket subprotocol, since a browser
 * cannot set headers on a WebSocket: the page offers WS_PROTOCOL and
 * WS_TOKEN_PROTOCOL_PREFIX + token; the server answers with WS_PROTOCOL only,
 * so the token is never echoed back.
 */
export const WS_PROTOCOL = 'procyon.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'procyon.token.';

/**
 * Unauthenticated: says this is Procyon (a second `procyon serve` on a taken
 * port asks), and with `Authorization: Bearer` whether that token is accepted
 * (the page asks when its socket is refused, since a browser cannot see why).
 */
export const HELLO_PATH = '/api/hello';

export interface Hello {
  product: 'procyon';
  version: string;
  authorized: boolean;
}

/**
 * What a serve token may look like: it travels verbatim in a URL fragment, a
 * WebSocket subprotocol (an RFC 7230 token) and an HTTP header, so no escaping
 * is ever needed; long enough not to be guessed.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

/** The page URL carries the token in its fragment, `#token=…`: a fragment never reaches a server, a log or a Referer. */
export const TOKEN_FRAGMENT_KEY = 'token';
