import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH } from '../../shared';
import type { ClientApi } from '../core/api';
import { listenerToken, startMetricsServer, type MetricsSource, type RunningMetricsServer } from './metrics-http';
import { ExporterNotReady } from './metrics-exporter';
import { MetricsRegistry } from './metrics-registry';
import { startServer, type RunningServer } from './server';

const UI_TOKEN = 'ui-token-0123456789abcdef';
const METRICS_TOKEN = 'metrics-token-0123456789';

/** A real prom-client exposition with one known series. */
function source(): MetricsSource {
  const registry = new MetricsRegistry('linux');
  registry.apply({ node_load1: [{ labels: {}, value: 0.42 }] });
  return { scrape: (accept) => registry.render(accept) };
}

const noClients = (): ClientApi => {
  throw new Error('no WebSocket client expected here');
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(port: number, p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: p, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

function upgrade(port: number, p: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${p}`, { headers: bearer(UI_TOKEN) });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.once('error', (e) => resolve(`error ${e.message}`));
  });
}

const staticDirs: string[] = [];
afterAll(() => {
  for (const dir of staticDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function uiServer(metrics: { token: string | null } | null): Promise<RunningServer> {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  staticDirs.push(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  return startServer({ connect: noClients, staticDir, token: UI_TOKEN, port: 0, ...(metrics && { metrics: { source: source(), token: metrics.token } }) });
}

describe('/metrics on the UI server (default): the UI token admits', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await uiServer({ token: null });
  });
  afterAll(() => srv.close());

  it('401 with a Bearer challenge without a token, or with a wrong one', async () => {
    const r = await call(srv.port, '/metrics');
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(r.body).not.toContain('node_load1');
    expect((await call(srv.port, '/metrics', bearer('wrong-token-0123456789'))).status).toBe(401);
  });

  it('200 with the UI token as Bearer; never as a cookie (cookies reach every port of the host)', async () => {
    const r = await call(srv.port, '/metrics', bearer(UI_TOKEN));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(r.body).toContain('\nnode_load1 0.42\n');
    expect((await call(srv.port, '/metrics', { cookie: `procyon_token_${srv.port}=${UI_TOKEN}` })).status).toBe(401);
  });

  it('not with the token in the query (tokens in URLs end up in logs)', async () => {
    expect((await call(srv.port, `/metrics?token=${UI_TOKEN}`)).status).toBe(401);
  });

  it('the Host check applies to /metrics too', async () => {
    expect((await call(srv.port, '/metrics', { ...bearer(UI_TOKEN), host: `evil.example:${srv.port}` })).status).toBe(421);
  });

  it('OpenMetrics on request: its content type and a # EOF line', async () => {
    const r = await call(srv.port, '/metrics', { ...bearer(UI_TOKEN), accept: 'application/openmetrics-text; version=1.0.0' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(r.body.endsWith('\n# EOF\n')).toBe(true);
    expect(r.headers.vary).toBe('Accept');
  });
});

describe('/metrics on the UI server with --metrics-token', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await uiServer({ token: METRICS_TOKEN });
  });
  afterAll(() => srv.close());

  it('admits the metrics token and the UI token as Bearer, nothing else; the metrics token opens no UI', async () => {
    expect((await call(srv.port, '/metrics', bearer(METRICS_TOKEN))).status).toBe(200);
    expect((await call(srv.port, '/metrics', bearer(UI_TOKEN))).status).toBe(200);
    expect((await call(srv.port, '/metrics')).status).toBe(401);
    // The page holds no secret and is public; what the UI can do needs the UI token, which the metrics token is not.
    expect(JSON.parse((await call(srv.port, '/api/hello', bearer(METRICS_TOKEN))).body)).toMatchObject({ authorized: false });
  });
});

describe('--no-metrics', () => {
  it('the UI server has no /metrics', async () => {
    const srv = await uiServer(null);
    try {
      expect((await call(srv.port, '/metrics', bearer(UI_TOKEN))).status).toBe(404);
    } finally {
      await srv.close();
    }
  });
});

describe('a /metrics listener of its own (--metrics-port, --metrics-only)', () => {
  let open: RunningMetricsServer;
  let locked: RunningMetricsServer;
  beforeAll(async () => {
    open = await startMetricsServer({ source: source(), host: '127.0.0.1', port: 0, token: null });
    locked = await startMetricsServer({ source: source(), host: '127.0.0.1', port: 0, token: METRICS_TOKEN });
  });
  afterAll(async () => {
    await open.close();
    await locked.close();
  });

  it('prints a /metrics URL without any token in it', () => {
    expect(open.url).toBe(`http://127.0.0.1:${open.port}/metrics`);
  });

  it('loopback without --metrics-token: open to scrapers on this machine', async () => {
    const r = await call(open.port, '/metrics');
    expect(r.status).toBe(200);
    expect(r.body).toContain('\nnode_load1 0.42\n');
    const head = await call(open.port, '/metrics', {}, 'HEAD');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('with a token: Bearer required', async () => {
    expect((await call(locked.port, '/metrics')).status).toBe(401);
    expect((await call(locked.port, '/metrics', bearer('metrics-token-0123456780'))).status).toBe(401);
    expect((await call(locked.port, '/metrics', { authorization: `Basic ${METRICS_TOKEN}` })).status).toBe(401);
    expect((await call(locked.port, '/metrics', bearer(METRICS_TOKEN))).status).toBe(200);
  });

  it('serves no UI, no WebSocket and no other method', async () => {
    expect((await call(open.port, '/')).status).toBe(404);
    expect((await call(open.port, '/index.html')).status).toBe(404);
    expect((await call(open.port, '/metrics', {}, 'POST')).status).toBe(405);
    expect(await upgrade(open.port, WS_PATH)).toBe('HTTP 404');
  });

  it('503, not 500, while the exporter has no complete reading yet (Prometheus retries next interval)', async () => {
    const notReady = await startMetricsServer({
      source: { scrape: () => Promise.reject(new ExporterNotReady('no complete reading yet (waiting for: disks)')) },
      host: '127.0.0.1',
      port: 0,
      token: null,
    });
    try {
      const r = await call(notReady.port, '/metrics');
      expect(r.status).toBe(503);
      expect(r.body).toContain('waiting for: disks');
    } finally {
      await notReady.close();
    }
  });

  it('checks Host and Origin', async () => {
    expect((await call(open.port, '/metrics', { host: `evil.example:${open.port}` })).status).toBe(421);
    expect((await call(open.port, '/metrics', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(open.port, '/metrics', { host: `localhost:${open.port}` })).status).toBe(200);
  });

  it('OpenMetrics on request', async () => {
    const r = await call(open.port, '/metrics', { accept: 'application/openmetrics-text;version=1.0.0,text/plain;q=0.5' });
    expect(r.headers['content-type']).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(r.body.endsWith('# EOF\n')).toBe(true);
  });
});

describe('listenerToken: which token a /metrics listener requires', () => {
  it.each([
    ['127.0.0.1', undefined, null, false],
    ['::1', undefined, null, false],
    ['127.0.0.1', METRICS_TOKEN, METRICS_TOKEN, false],
    ['0.0.0.0', METRICS_TOKEN, METRICS_TOKEN, false],
  ])('%s with %s → %s', (host, given, token, generated) => {
    expect(listenerToken(host, given)).toEqual({ token, generated });
  });

  it('generates a fresh token on a non-loopback bind without one', () => {
    const a = listenerToken('0.0.0.0', undefined);
    const b = listenerToken('192.168.1.5', undefined);
    expect(a.generated && b.generated).toBe(true);
    expect(a.token).toMatch(/^[\w-]{32}$/);
    expect(a.token).not.toBe(b.token);
  });
});
