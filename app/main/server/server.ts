import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { HELLO_PATH, MAX_MESSAGE_BYTES, TOKEN_FRAGMENT_KEY, WS_PATH, WS_PROTOCOL, type Hello } from '../../shared';
import type { ClientApi } from '../core/api';
import { VERSION } from '../core/version';
import { allowedHosts, hostAllowed, isLoopback, newToken, originAllowed, tokenPresented } from './auth';
import { createGuardedServer, listen, plain, rawAnswer, requestPath, SECURITY_HEADERS, type ListenerLimits } from './guard';
import { METRICS_PATH, serveMetrics, type MetricsSource } from './metrics-http';
import { sendStatic } from './static-files';
import { bindSocket } from './ws-binding';

export interface ServeOptions {
  /** A MonitorApi per connecting client (Host.connect). */
  connect: () => ClientApi;
  staticDir: string;
  host?: string;
  port?: number;
  readOnly?: boolean;
  /** The token (see token-store.ts); a random one otherwise. */
  token?: string;
  /** Extra Host names to accept, e.g. a DNS name in front of a non-loopback bind. */
  allowHosts?: string[];
  /**
   * Serve GET /metrics here too. It admits the UI's token as a Bearer and,
   * when set, `token` as a Bearer; no process actions are reachable through it.
   */
  metrics?: { source: MetricsSource; token: string | null };
  /** Connection cap and timeouts (tests make them small). */
  limits?: Partial<ListenerLimits>;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** The page's URL with the token in its fragment. */
  url: string;
  /** The same without the token: safe to print anywhere. */
  baseUrl: string;
  token: string;
  port: number;
  host: string;
  server: Server;
  close(): Promise<void>;
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

/**
 * `procyon serve`: the renderer over HTTP and MonitorApi over a WebSocket.
 * The page itself holds no secret and is served to anyone who passes the Host
 * and Origin checks; the token is asked for where data and actions are: the
 * WebSocket handshake and /metrics.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const readOnly = options.readOnly ?? false;
  let allowed = new Set<string>();

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with the plain protocol name only: never echo the token back.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  wss.on('connection', (ws) => bindSocket(ws, options.connect(), { readOnly }));

  function request(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    if (!hostAllowed(req, allowed)) return plain(res, 421, 'Misdirected request: unknown Host');
    if (!originAllowed(req, allowed)) return plain(res, 403, 'Forbidden: foreign Origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    const pathname = requestPath(req);
    if (pathname === null) return plain(res, 400, 'Bad request target');
    if (pathname === METRICS_PATH && options.metrics) {
      return serveMetrics(req, res, options.metrics.source, { metricsToken: options.metrics.token, uiToken: token });
    }
    if (pathname === HELLO_PATH) return json(res, { product: 'procyon', version: VERSION, authorized: tokenPresented(req, token) } satisfies Hello);
    return sendStatic(req, res, options.staticDir, pathname);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (requestPath(req) !== WS_PATH) return rawAnswer(socket, 404);
    if (!hostAllowed(req, allowed)) return rawAnswer(socket, 421);
    if (!originAllowed(req, allowed)) return rawAnswer(socket, 403);
    if (!tokenPresented(req, token)) return rawAnswer(socket, 401);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  const server = createGuardedServer({ name: 'UI', request, upgrade, ...(options.limits && { limits: options.limits }), ...(options.log && { log: options.log }) });
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port, options.allowHosts);
  const shownHost = isLoopback(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${shownHost}:${port}/`;

  return {
    url: `${baseUrl}#${TOKEN_FRAGMENT_KEY}=${token}`,
    baseUrl,
    token,
    port,
    host,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
