import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { allowedHosts, hostAllowed, isLoopback, newToken, originAllowed, tokenPresented, tokensEqual } from './auth';

export const METRICS_PATH = '/metrics';

export interface MetricsSource {
  scrape(accept: string | undefined): Promise<{ contentType: string; body: string }>;
}

/** Who may read /metrics. */
export interface MetricsGate {
  /** Required as `Authorization: Bearer` when set; null leaves a listener open (loopback without --metrics-token). */
  metricsToken: string | null;
  /** On the UI server, the UI's own token (Bearer or its cookie) admits too. */
  ui?: { token: string; port: number };
}

/**
 * The token a /metrics listener of its own requires: the given one, else a new
 * one when it is reachable from the network, else none (a loopback scrape port
 * is as private as the machine).
 */
export function listenerToken(bindHost: string, given: string | undefined): { token: string | null; generated: boolean } {
  if (given !== undefined) return { token: given, generated: false };
  return isLoopback(bindHost) ? { token: null, generated: false } : { token: newToken(), generated: true };
}

function bearer(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && /^Bearer /i.test(auth) ? auth.slice(7).trim() : null;
}

export function metricsAuthorized(req: IncomingMessage, gate: MetricsGate): boolean {
  const presented = bearer(req);
  if (gate.metricsToken !== null && presented !== null && tokensEqual(presented, gate.metricsToken)) return true;
  if (gate.ui) {
    // Not the ?token= query: a scraper has no use for the cookie trade, and tokens in URLs end up in logs.
    const source = tokenPresented(req, new URL('/', 'http://localhost'), gate.ui.token, gate.ui.port);
    return source === 'cookie' || source === 'bearer';
  }
  return gate.metricsToken === null;
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(`${message}\n`);
}

/** Answers GET/HEAD /metrics once the caller has checked Host, Origin and method. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, source: MetricsSource, gate: MetricsGate): Promise<void> {
  if (!metricsAuthorized(req, gate)) {
    return plain(res, 401, 'Unauthorized: send Authorization: Bearer <token>', { 'WWW-Authenticate': 'Bearer realm="procyon metrics"' });
  }
  try {
    const { contentType, body } = await source.scrape(req.headers.accept);
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store', Vary: 'Accept', 'X-Content-Type-Options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    plain(res, 500, `metrics failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface MetricsServerOptions {
  source: MetricsSource;
  host: string;
  port: number;
  /** See MetricsGate.metricsToken. */
  token: string | null;
  allowHosts?: string[];
}

export interface RunningMetricsServer {
  url: string;
  host: string;
  port: number;
  token: string | null;
  server: Server;
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

/** A listener that serves /metrics and nothing else: no UI, no WebSocket, so no way to act on processes. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<RunningMetricsServer> {
  let allowed = new Set<string>();
  const gate: MetricsGate = { metricsToken: options.token };
  const server = createServer((req, res) => {
    if (!hostAllowed(req, allowed)) return plain(res, 421, 'Misdirected request: unknown Host');
    if (!originAllowed(req, allowed)) return plain(res, 403, 'Forbidden: foreign Origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== METRICS_PATH) return plain(res, 404, 'Not found: this listener serves /metrics only');
    void serveMetrics(req, res, options.source, gate);
  });
  server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => refuseUpgrade(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(options.host, port, options.allowHosts);
  const shownHost = isLoopback(options.host) ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}${METRICS_PATH}`,
    host: options.host,
    port,
    token: options.token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
