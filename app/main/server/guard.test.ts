import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PATH } from '../../shared';
import type { ClientApi } from '../core/api';
import { DEFAULT_LIMITS, loggable, rateLimitedLog, requestScope } from './guard';
import { startMetricsServer, type MetricsSource, type RunningMetricsServer } from './metrics-http';
import { getRequest, rawExchange } from './raw-socket.test-util';
import { startServer, type RunningServer } from './server';
import { installServePolicy } from '../cli/serve-policy';

// Issue 17, items 1-3 and 9: what used to take `procyon serve` down, each
// followed by a normal client that must still be served.

const TOKEN = 'guard-test-token-0123456789';
const source: MetricsSource = { scrape: () => Promise.resolve({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'up 1\n' }) };
const noClients = (): ClientApi => {
  throw new Error('no WebSocket clients in this test');
};

let staticDir: string;
let ui: RunningServer;
let metricsOnly: RunningMetricsServer;
const logged: string[] = [];

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-guard-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  ui = await startServer({ connect: noClients, staticDir, token: TOKEN, port: 0, metrics: { source, token: null }, log: (l) => logged.push(l) });
  metricsOnly = await startMetricsServer({ source, host: '127.0.0.1', port: 0, token: null, log: (l) => logged.push(l) });
});
afterAll(async () => {
  await ui.close();
  await metricsOnly.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A well-behaved client: the page, /metrics with the token, a WebSocket handshake. */
async function stillServed(): Promise<void> {
  expect((await get(ui.port, '/')).status).toBe(200);
  expect((await get(ui.port, '/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  expect((await get(metricsOnly.port, '/metrics')).status).toBe(200);
  expect(ui.server.listening && metricsOnly.server.listening).toBe(true);
}

const upgrade = (port: number, target: string, extra: string[] = []) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra.map((h) => `${h}\r\n`).join('')}\r\n`;

describe('item 1: a malformed percent-escape in a cookie', () => {
  it.each(['/', '/metrics', '/api/hello'])('on %s is ignored (no cookie is read any more) and the host keeps serving', async (target) => {
    const r = await rawExchange(ui.port, [getRequest(ui.port, target, [`Cookie: procyon_token_${ui.port}=%`])]);
    expect(r.hung).toBe(false);
    expect(r.status).not.toBeNull();
    await stillServed();
  });

  it('on the WebSocket upgrade is answered 401', async () => {
    const r = await rawExchange(ui.port, [upgrade(ui.port, WS_PATH, [`Cookie: procyon_token_${ui.port}=%`])]);
    expect(r.status).toBe(401);
    await stillServed();
  });
});

describe('item 2: a request target the URL parser rejects (//[)', () => {
  it('on the UI listener: 400', async () => {
    expect((await rawExchange(ui.port, [getRequest(ui.port, '//[')])).status).toBe(400);
    await stillServed();
  });

  it('on the upgrade path, whatever the Host: 404, no exception', async () => {
    expect((await rawExchange(ui.port, [upgrade(ui.port, '//[')])).status).toBe(404);
    expect((await rawExchange(ui.port, [upgrade(ui.port, '//[').replace(`127.0.0.1:${ui.port}`, 'evil.example')])).status).toBe(404);
    await stillServed();
  });

  it('on serve --metrics-only: 400', async () => {
    expect((await rawExchange(metricsOnly.port, [getRequest(metricsOnly.port, '//[')])).status).toBe(400);
    await stillServed();
  });
});

describe('item 3: the static file server', () => {
  it('a file that fails to read after it was opened ends that response only', async () => {
    // /proc/self/mem: stat says a regular file, every read fails with EIO (what a file vanishing mid-stream does).
    symlinkSync('/proc/self/mem', path.join(staticDir, 'broken.js'));
    const r = await rawExchange(ui.port, [getRequest(ui.port, '/broken.js')]);
    expect(r.hung).toBe(false);
    await stillServed();
  });

  it('a read that fails mid-stream cuts that response, logs one line, and the host keeps serving', async (ctx) => {
    // A sysfs attribute: fstat says a regular file of 4096 bytes; loopback has no speed, so read() fails with EINVAL.
    const speed = '/sys/class/net/lo/speed';
    if (!existsSync(speed)) return ctx.skip();
    symlinkSync(speed, path.join(staticDir, 'speed.js'));
    const before = logged.length;
    const r = await rawExchange(ui.port, [getRequest(ui.port, '/speed.js')]);
    // Node holds the head back until the first body bytes, so the client sees the connection closed, never a short body taken for whole.
    expect(r).toMatchObject({ closed: true, hung: false });
    expect(r.status === null || r.status === 200).toBe(true);
    await expect.poll(() => logged.slice(before).join('\n')).toMatch(/^procyon: UI GET \/speed\.js: Error: EINVAL/);
    await stillServed();
  });

  it('files replaced and removed while being requested: every request is answered, the host keeps serving', async () => {
    const churned = path.join(staticDir, 'churn.js');
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        writeFileSync(churned, 'x'.repeat(64 * 1024 + (i % 7)));
        await new Promise((r) => setImmediate(r));
        rmSync(churned, { force: true });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => rawExchange(ui.port, [getRequest(ui.port, '/churn.js')])));
    churning = false;
    await churn;
    expect(outcomes.filter((o) => o.hung)).toEqual([]);
    expect(new Set(outcomes.map((o) => o.status))).toSatisfy((s: Set<number | null>) => [...s].every((x) => x === 200 || x === 404));
    await stillServed();
  });
});

describe('item 9: connection cap and idle timeouts', () => {
  it('the real listeners run with the default limits', () => {
    for (const s of [ui.server, metricsOnly.server]) {
      expect(s.headersTimeout).toBe(DEFAULT_LIMITS.headersTimeoutMs);
      expect(s.requestTimeout).toBe(DEFAULT_LIMITS.requestTimeoutMs);
      expect(s.keepAliveTimeout).toBe(DEFAULT_LIMITS.keepAliveTimeoutMs);
      expect(s.timeout).toBe(DEFAULT_LIMITS.requestTimeoutMs);
    }
  });

  it('past the cap a socket is answered 503; idle sockets are closed; a normal client is served afterwards; fds come back', async () => {
    const cap = 8;
    const small = await startServer({ connect: noClients, staticDir, token: TOKEN, port: 0, limits: { maxConnections: cap, headersTimeoutMs: 3000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 200 } });
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    try {
      // 8 silent sockets take the cap; 40 more are each answered 503.
      const silent = Array.from({ length: cap }, () => rawExchange(small.port, [], { deadlineMs: 20_000 }));
      const connections = () => new Promise<number>((r) => small.server.getConnections((_e, n) => r(n)));
      await expect.poll(connections, { timeout: 10_000 }).toBeGreaterThanOrEqual(cap);
      const extra = await Promise.all(Array.from({ length: 40 }, () => rawExchange(small.port, [getRequest(small.port, '/')], { deadlineMs: 20_000 })));
      expect(extra.filter((o) => o.status === 503).length).toBeGreaterThan(0);
      expect(extra.filter((o) => o.hung)).toEqual([]);
      expect(extra.every((o) => o.status === 503 || o.status === 200)).toBe(true);
      // The silent ones are closed by the server, not left to hold the cap.
      const closed = await Promise.all(silent);
      expect(closed.every((o) => o.closed && !o.hung)).toBe(true);
      await expect.poll(async () => (await get(small.port, '/')).status, { timeout: 10_000 }).toBe(200);
      await expect.poll(fds, { timeout: 10_000 }).toBeLessThanOrEqual(before + 2);
    } finally {
      await small.close();
    }
  });
});

/** What Node does with an exception nobody caught: hand it to the 'uncaughtException' listeners. */
const emitUncaught = (err: Error) => (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', err, 'uncaughtException');

describe('the process-wide policy for serve', () => {
  it('a failure inside a request is logged as one line and the host keeps serving; one outside any request exits 70', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    const remove = installServePolicy(
      (l) => lines.push(l),
      (l) => lines.push(l),
      (c) => exits.push(c),
    );
    try {
      requestScope.run({ listener: 'UI', method: 'GET', target: '/x' }, () => {
        emitUncaught(new Error('stream failed\n\x1b[31mforged'));
      });
      expect(exits).toEqual([]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe('procyon: UI GET /x: uncaught exception: Error: stream failed\\n\\e[31mforged');
      emitUncaught(new Error('sampler bug'));
      expect(exits).toEqual([70]);
    } finally {
      remove();
    }
  });

  it('logging is bounded: a flood of failures writes a bounded number of lines', () => {
    const out: string[] = [];
    let t = 0;
    const log = rateLimitedLog((l) => out.push(l), 5, 1000, () => t);
    for (let i = 0; i < 100; i++) log(`line ${i}`);
    t = 1000;
    log('after');
    expect(out).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'procyon: 95 more request failures in the last 1 s were not logged', 'after']);
    expect(loggable('a\u009bb'.repeat(100), 10)).toBe('a\\u009bba\\u009bba\\u009bba…');
  });
});
