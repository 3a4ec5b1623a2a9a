import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { terminalSafe } from '../../shared/terminal-text';

// The one boundary every serve listener handles requests inside. Nothing a
// client sends (a target the URL parser rejects, a bad escape, a socket reset
// mid-answer) may leave it as an exception: each request and upgrade runs in a
// try/catch and in a request scope, so the process-wide policy (serve-policy.ts)
// can tell a request's failure, which costs that request, from the host's own.

export interface ListenerLimits {
  /** Open sockets (HTTP and WebSocket) past which a new one is answered 503 and closed. */
  maxConnections: number;
  /** A request's headers must arrive within this; a slow or silent client is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
}

/**
 * 256 sockets per listener: a browser tab holds a WebSocket and a few
 * keep-alive sockets, and three listeners stay under the most common soft fd
 * limit (1024) with room left for the collector's own reads. A client that
 * sends nothing is gone after 10 s, so idle sockets cannot hold the cap for long.
 */
export const DEFAULT_LIMITS: ListenerLimits = { maxConnections: 256, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

export interface RequestScope {
  listener: string;
  method: string;
  /** The request target as sent, cut short and with control characters escaped: safe to log. */
  target: string;
}

/** Set while a request's handler (and whatever it started) runs. */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/** A client-controlled string made safe for one log line: cut to `max`, then escaped as for a terminal (app/shared/terminal-text.ts). */
export function loggable(text: string, max = 120): string {
  return terminalSafe(text.length > max ? `${text.slice(0, max)}…` : text);
}

/**
 * At most `burst` lines per `windowMs`, then one line saying how many were
 * left out: a hostile client must not be able to fill the journal.
 */
export function rateLimitedLog(write: (line: string) => void, burst = 20, windowMs = 60_000, now: () => number = Date.now): (line: string) => void {
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  return (line) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      if (dropped > 0) write(`procyon: ${dropped} more request failures in the last ${Math.round((t - windowStart) / 1000)} s were not logged`);
      windowStart = t;
      written = 0;
      dropped = 0;
    }
    if (written < burst) {
      written += 1;
      write(line);
    } else dropped += 1;
  };
}

/** Where request failures go by default: stderr, rate-limited. */
export const requestLog = rateLimitedLog((line) => console.error(line));

export interface GuardedHandlers {
  /** Names the listener in log lines: "UI", "metrics". */
  name: string;
  request(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
  /** Absent: every upgrade is answered 404. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): void | Promise<void>;
  limits?: Partial<ListenerLimits>;
  log?: (line: string) => void;
}

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers });
  res.end(`${message}\n`);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 421: 'Misdirected Request', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** A raw HTTP answer on a socket the HTTP server has let go of (an upgrade, a parse error, a refused connection). */
export function rawAnswer(socket: Duplex, status: number, extra = ''): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n${extra}\r\n`);
  // A client that never reads must not keep the socket (and its fd) for long.
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** The path of a request target, or null when the URL parser rejects it (`//[`). Never throws. */
export function requestPath(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

export function describeError(err: unknown): string {
  return loggable(err instanceof Error ? `${err.name}: ${err.message}` : String(err), 200);
}

/** "UI GET /path": which request a log line is about. */
export function describeScope(scope: RequestScope): string {
  return `${scope.listener} ${scope.method} ${scope.target}`;
}

/** An HTTP server whose every request and upgrade runs inside the guard, with the connection cap and timeouts applied. */
export function createGuardedServer(h: GuardedHandlers): Server {
  const limits = { ...DEFAULT_LIMITS, ...h.limits };
  const log = h.log ?? requestLog;
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often those timeouts are checked (Node's default is 30 s, too slow for a 10 s limit).
    connectionsCheckingInterval: Math.max(250, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4),
  });
  // A socket that sends nothing at all is no request yet; this closes it too.
  server.timeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;

  const open = new Set<Socket>();
  const refused = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => socket.destroy());
    if (open.size >= limits.maxConnections) {
      refused.add(socket);
      socket.pause();
      rawAnswer(socket, 503, 'Retry-After: 5\r\n');
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });

  const scopeOf = (req: IncomingMessage): RequestScope => ({ listener: h.name, method: loggable(String(req.method), 16), target: loggable(String(req.url)) });
  const failed = (scope: RequestScope, err: unknown) => log(`procyon: ${describeScope(scope)}: ${describeError(err)}`);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (refused.has(req.socket)) return;
    // server.timeout is for sockets that say nothing; a request being answered is not idle (a scrape may wait
    // for the sampler's first complete tick). Node sets the keep-alive timeout again once the answer is sent.
    req.socket.setTimeout(0);
    const scope = scopeOf(req);
    requestScope.run(scope, () => {
      const fail = (err: unknown) => {
        failed(scope, err);
        plain(res, 500, 'Internal error');
      };
      try {
        void Promise.resolve(h.request(req, res)).catch(fail);
      } catch (err) {
        fail(err);
      }
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The HTTP server has removed its own error listener from an upgraded socket: without this a reset kills the process.
    socket.on('error', () => socket.destroy());
    if (refused.has(socket as Socket)) return;
    const scope = scopeOf(req);
    requestScope.run(scope, () => {
      const fail = (err: unknown) => {
        failed(scope, err);
        rawAnswer(socket, 500);
      };
      if (!h.upgrade) return rawAnswer(socket, 404);
      try {
        void Promise.resolve(h.upgrade(req, socket, head)).catch(fail);
      } catch (err) {
        fail(err);
      }
    });
  });

  // What the HTTP parser itself rejects (truncated or duplicated framing, absurd lengths, header floods, timeouts).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const code = err.code ?? '';
    if (code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    rawAnswer(socket, status);
  });
  return server;
}

/** Listens, resolving once bound and rejecting with the listen error (EADDRINUSE, EACCES). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
