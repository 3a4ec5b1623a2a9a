import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowedHosts, bearerToken, hostAllowed, isLoopback, newToken, originAllowed, tokensEqual } from './auth';
import { createGuardedServer, listen, loggable, plain, requestPath, type ListenerLimits } from './guard';
import { ExporterNotReady } from './metrics-exporter';

export const METRICS_PATH = '/metrics';

export interface MetricsSource {
  scrape(accept: string | undefined): Promise<{ contentType: string; body: string }>;
}

/** Who may read /metrics. */
export interface MetricsGate {
  /** Required as `Authorization: Bearer` when set; null leaves a listener open (loopback without --metrics-token). */
  metricsToken: string | null;
  /** On the UI server, the UI's own token (as a Bearer) admits too. */
  uiToken?: string;
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

export function metricsAuthorized(req: IncomingMessage, gate: MetricsGate): boolean {
  // Never a query parameter: tokens in URLs end up in logs.
  const presented = bearerToken(req);
  if (gate.metricsToken !== null && presented !== null && tokensEqual(presented, gate.metricsToken)) return true;
  if (gate.uiToken !== undefined) return presented !== null && tokensEqual(presented, gate.uiToken);
  return gate.metricsToken === null;
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
    // The exporter's "no complete reading yet" (ExporterNotReady) carries 503: Prometheus retries at the next interval.
    const status = err instanceof ExporterNotReady ? err.statusCode : 500;
    plain(res, status, `metrics failed: ${loggable(err instanceof Error ? err.message : String(err), 500)}`);
  }
}

export interface MetricsServerOptions {
  source: MetricsSource;
  host: string;
  port: number;
  /** See MetricsGate.metricsToken. */
  token: string | null;
  allowHosts?: string[];
  limits?: Partial<ListenerLimits>;
  log?: (line: string) => void;
}

export interface RunningMetricsServer {
  url: string;
  host: string;
  port: number;
  token: string | null;
  server: Server;
  close(): Promise<void>;
}

/** A listener that serves /metrics and nothing else: no UI, no WebSocket, so no way to act on processes. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<RunningMetricsServer> {
  let allowed = new Set<string>();
  const gate: MetricsGate = { metricsToken: options.token };
  function request(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    if (!hostAllowed(req, allowed)) return plain(res, 421, 'Misdirected request: unknown Host');
    if (!originAllowed(req, allowed)) return plain(res, 403, 'Forbidden: foreign Origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    const pathname = requestPath(req);
    if (pathname === null) return plain(res, 400, 'Bad request target');
    if (pathname !== METRICS_PATH) return plain(res, 404, 'Not found: this listener serves /metrics only');
    return serveMetrics(req, res, options.source, gate);
  }
  // No upgrade handler: every upgrade is answered 404.
  const server = createGuardedServer({ name: 'metrics', request, ...(options.limits && { limits: options.limits }), ...(options.log && { log: options.log }) });
  await listen(server, options.port, options.host);
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
