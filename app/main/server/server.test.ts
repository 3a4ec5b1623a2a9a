import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HELLO_PATH, MAX_MESSAGE_BYTES, TOKEN_FRAGMENT_KEY, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type ServerMessage } from '../../shared';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { startServer, type RunningServer } from './server';
import { MAX_MESSAGES_PER_SECOND } from './ws-binding';

const TOKEN = 'test-token-0123456789';
let srv: RunningServer;
let sampler: Sampler;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  sampler = new Sampler(collector);
  await sampler.tick();
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots: { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }, topics });
  srv = await startServer({ connect, staticDir, token: TOKEN, port: 0, readOnly: true });
});
afterAll(async () => {
  await srv.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path: pathAndQuery, headers: { host: `127.0.0.1:${srv.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(headers: Record<string, string>, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}`, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, pred: (m: ServerMessage) => boolean = () => true): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as ServerMessage;
      if (pred(m)) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

describe('procyon serve: the gate', () => {
  it('prints a loopback URL that carries the token in its fragment, never in the query', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/#${TOKEN_FRAGMENT_KEY}=${TOKEN}`);
    expect(srv.baseUrl).toBe(`http://127.0.0.1:${srv.port}/`);
  });

  it('serves the page, which holds no secret, without the token, under a strict CSP that connects to its own origin only', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Procyon');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/ws:|wss:/);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('an old ?token= link gets the page (which says what to do), and no cookie', async () => {
    const r = await get(`/?token=${TOKEN}`);
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('says who it is without the token, and whether a Bearer token is accepted', async () => {
    expect(JSON.parse((await get(HELLO_PATH)).body)).toEqual({ product: 'procyon', version: expect.any(String), authorized: false });
    expect(JSON.parse((await get(HELLO_PATH, bearer('wrong-token-0123456789'))).body)).toMatchObject({ authorized: false });
    expect(JSON.parse((await get(HELLO_PATH, bearer())).body)).toMatchObject({ authorized: true });
    expect(JSON.parse((await get(HELLO_PATH, { cookie: `procyon_token_${srv.port}=${TOKEN}` })).body)).toMatchObject({ authorized: false });
  });

  it('refuses a wrong Host even for the page (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${srv.port}` })).status).toBe(421);
    expect((await get('/', { host: `127.0.0.1:${srv.port + 1}` })).status).toBe(421);
  });

  it('refuses a foreign Origin', async () => {
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { origin: `http://localhost:${srv.port}` })).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await get('/../../../../etc/passwd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('opens the WebSocket with the token as a subprotocol (browsers) or a Bearer header (scripts), answering the plain protocol only', async () => {
    const a = await openSocket({ origin: `http://127.0.0.1:${srv.port}` }, [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    expect(a.protocol).toBe(WS_PROTOCOL);
    a.close();
    const b = await openSocket(bearer());
    b.close();
  });

  it('refuses WebSocket upgrades without the token, with it in a cookie or the query, with a wrong Host, or from a foreign Origin', async () => {
    await expect(openSocket({ origin: `http://127.0.0.1:${srv.port}` }, [WS_PROTOCOL])).rejects.toThrow('HTTP 401');
    await expect(openSocket({}, [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}wrong-token-0123456789`])).rejects.toThrow('HTTP 401');
    await expect(openSocket({ cookie: `procyon_token_${srv.port}=${TOKEN}` })).rejects.toThrow('HTTP 401');
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}?token=${TOKEN}`);
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow('HTTP 401');
    await expect(openSocket({ ...bearer(), host: `evil.example:${srv.port}` })).rejects.toThrow('HTTP 421');
    await expect(openSocket({ ...bearer(), origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });
});

describe('procyon serve: MonitorApi over the WebSocket', () => {
  it('answers calls, keeps error codes, and pushes snapshots to subscribers', async () => {
    const ws = await openSocket({ ...bearer(), origin: `http://127.0.0.1:${srv.port}` });
    try {
      ws.send(JSON.stringify({ type: 'call', id: 1, op: 'getInfo' }));
      const info = await nextMessage(ws, (m) => m.type === 'reply' && m.id === 1);
      expect(info).toMatchObject({ ok: true, value: { product: 'procyon', readOnly: true, transport: 'websocket' } });

      ws.send(JSON.stringify({ type: 'call', id: 2, op: 'setInterval', arg: { ms: 2000 } }));
      expect(await nextMessage(ws, (m) => m.type === 'reply' && m.id === 2)).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });

      ws.send(JSON.stringify({ type: 'call', id: 3, op: 'getHistory', arg: { seconds: 'all' } }));
      expect(await nextMessage(ws, (m) => m.type === 'reply' && m.id === 3)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

      ws.send('not json');
      expect(await nextMessage(ws, (m) => m.type === 'reply' && m.id === null)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

      ws.send(JSON.stringify({ type: 'subscribe' }));
      const pushed = nextMessage(ws, (m) => m.type === 'snapshot');
      // The server handles a socket's messages in order: a reply to a later call means it has subscribed.
      ws.send(JSON.stringify({ type: 'call', id: 4, op: 'getInfo' }));
      await nextMessage(ws, (m) => m.type === 'reply' && m.id === 4);
      await sampler.tick();
      const snap = await pushed;
      expect(snap.type === 'snapshot' && snap.snapshot.seq).toBeGreaterThanOrEqual(2);
    } finally {
      ws.close();
    }
  });

  it('accepts the token as a Bearer header, for non-browser clients', async () => {
    const ws = await openSocket(bearer());
    ws.send(JSON.stringify({ type: 'call', id: 7, op: 'getSnapshot' }));
    const r = await nextMessage(ws, (m) => m.type === 'reply' && m.id === 7);
    expect(r).toMatchObject({ ok: true, value: { seq: expect.any(Number) } });
    ws.close();
  });
});

describe('procyon serve: hostile clients', () => {
  const closeOf = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

  it('an oversized message closes that socket with 1009 and others keep being served', async () => {
    const bad = await openSocket(bearer());
    const good = await openSocket(bearer());
    const closed = closeOf(bad);
    bad.send(JSON.stringify({ type: 'call', id: 1, op: 'getInfo', arg: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    expect(await closed).toBe(1009);
    good.send(JSON.stringify({ type: 'call', id: 2, op: 'getInfo' }));
    expect(await nextMessage(good, (m) => m.type === 'reply' && m.id === 2)).toMatchObject({ ok: true });
    good.close();
  });

  it('a flood closes that socket with 1008 and others keep being served', async () => {
    const bad = await openSocket(bearer());
    const good = await openSocket(bearer());
    const closed = closeOf(bad);
    for (let i = 0; i < MAX_MESSAGES_PER_SECOND * 3; i++) bad.send(JSON.stringify({ type: 'call', id: i, op: 'getInfo' }));
    expect(await closed).toBe(1008);
    good.send(JSON.stringify({ type: 'call', id: 9, op: 'getSnapshot' }));
    expect(await nextMessage(good, (m) => m.type === 'reply' && m.id === 9)).toMatchObject({ ok: true });
    good.close();
  });

  it.each([
    [{ type: 'call', id: 1, op: 'processAction', arg: { pid: -1, createTime: 1, action: { kind: 'kill' } } }],
    [{ type: 'call', id: 1, op: 'processAction', arg: { pid: 1.5, createTime: 1, action: { kind: 'kill' } } }],
    [{ type: 'call', id: 1, op: 'processAction', arg: { pid: 2 ** 40, createTime: 1, action: { kind: 'kill' } } }],
    [{ type: 'call', id: 1, op: 'processAction', arg: { pid: '1', createTime: 1, action: { kind: 'kill' } } }],
    [{ type: 'call', id: 1, op: 'processAction', arg: { pid: 10, createTime: 1, action: { kind: 'signal', signal: 'SIGNOPE' } } }],
    [{ type: 'call', id: 1, op: 'getHistory', arg: { seconds: 60, constructor: { prototype: { x: 1 } } } }],
    [{ type: 'call', id: 1, op: 'getConnections', arg: { kind: ['tcp'] } }],
  ])('%j → INVALID_ARGUMENT (the host is read-only here, but validation comes first)', async (msg) => {
    const ws = await openSocket(bearer());
    ws.send(JSON.stringify(msg));
    const reply = await nextMessage(ws, (m) => m.type === 'reply');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    ws.close();
  });
});
