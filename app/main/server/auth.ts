import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';

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

export function cookieName(port: number): string {
  // Cookies are shared across ports of one host, so two servers on one machine need two names.
  return `procyon_token_${port}`;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export type TokenSource = 'query' | 'cookie' | 'bearer';

/** Which presented credential matches the token, if any. */
export function tokenPresented(req: IncomingMessage, url: URL, token: string, port: number): TokenSource | null {
  const q = url.searchParams.get('token');
  if (q !== null && tokensEqual(q, token)) return 'query';
  const c = readCookie(req, cookieName(port));
  if (c !== undefined && tokensEqual(c, token)) return 'cookie';
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ') && tokensEqual(auth.slice(7).trim(), token)) return 'bearer';
  return null;
}
