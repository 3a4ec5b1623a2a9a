import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { WS_TOKEN_PROTOCOL_PREFIX } from '../../shared';

export { TOKEN_PATTERN } from '../../shared';

// Serve mode's gate, as pure functions over a request so each rule can be tested
// alone: a secret token (like Jupyter's), a Host allow-list against DNS
// rebinding, and an Origin check against other sites' pages driving the socket.

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The Host header values a browser may legitimately send to a server bound to `bindHost`:`port`. */
export function allowedHosts(bindHost: string, port: number, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>([...LOOPBACK_NAMES, ...extra]);
  if (!isLoopback(bindHost)) {
    if (bindHost === '0.0.0.0' || bindHost === '::') {
      names.add(os.hostname());
      for (const addrs of Object.values(os.networkInterfaces())) {
        for (const a of addrs ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
      }
    } else {
      names.add(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost);
    }
  }
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n.toLowerCase()}:${port}`);
    if (port === 80) out.add(n.toLowerCase());
  }
  return out;
}

export function hostAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowed.has(host.toLowerCase());
}

/** A browser always sends Origin on a WebSocket and on cross-site requests; it must be one of our own hosts. */
export function originAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (curl, scripts): the token still applies
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return allowed.has(url.host.toLowerCase());
}

/** The token in `Authorization: Bearer <token>`, if that header is well formed. */
export function bearerToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return null;
  const m = /^Bearer +(\S+) *$/i.exec(auth);
  return m ? m[1]! : null;
}

/** The token a WebSocket handshake offers as a subprotocol (browsers), if any. */
export function protocolToken(req: IncomingMessage): string | null {
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered !== 'string') return null;
  for (const p of offered.split(',')) {
    const v = p.trim();
    if (v.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) return v.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  }
  return null;
}

/**
 * Whether the request carries the token: as a Bearer header (scripts, /metrics,
 * the page's fetches) or, on a WebSocket handshake, as a subprotocol. Never in
 * a cookie (cookies reach every port of a host and any local page can plant
 * one) nor in the query (URLs end up in logs and history).
 */
export function tokenPresented(req: IncomingMessage, token: string): boolean {
  for (const presented of [bearerToken(req), protocolToken(req)]) {
    if (presented !== null && tokensEqual(presented, token)) return true;
  }
  return false;
}
