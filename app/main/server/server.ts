import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES, WS_PATH } from '../../shared';
import type { ClientApi } from '../core/api';
import { allowedHosts, cookieName, hostAllowed, isLoopback, newToken, originAllowed, tokenPresented } from './auth';
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
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Extra Host names to accept, e.g. a DNS name in front of a non-loopback bind. */
  allowHosts?: string[];
  /**
   * Serve GET /metrics here too. It admits the UI's token (Bearer or cookie) and,
   * when set, `token` as a Bearer; no process actions are reachable through it.
   */
  metrics?: { source: MetricsSource; token: string | null };
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  host: string;
  server: Server;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** `procyon serve`: the renderer over HTTP and MonitorApi over a WebSocket, behind token, Host and Origin checks. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const readOnly = options.readOnly ?? false;
  let allowed = new Set<string>();

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('connection', (ws) => bindSocket(ws, options.connect(), { readOnly }));

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, allowed)) return refuse(res, 421, 'Misdirected request: unknown Host');
    if (!originAllowed(req, allowed)) return refuse(res, 403, 'Forbidden: foreign Origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === METRICS_PATH && options.metrics) {
      return serveMetrics(req, res, options.metrics.source, { metricsToken: options.metrics.token, ui: { token, port } });
    }
    const source = tokenPresented(req, url, token, port);
    if (!source) return refuse(res, 401, 'Unauthorized: open the URL that `procyon serve` printed (it carries the token)');
    if (source === 'query') {
      // Trade the token in the URL for a cookie and drop it from the address bar and history.
      url.searchParams.delete('token');
      res.writeHead(302, {
        'Set-Cookie': `${cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        ...SECURITY_HEADERS,
      });
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (await sendStatic(res, options.staticDir, url.pathname)) return;
    refuse(res, 404, 'Not found');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req, allowed)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!originAllowed(req, allowed)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!tokenPresented(req, url, token, port)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port, options.allowHosts);
  const shownHost = isLoopback(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
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
