import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HELLO_PATH, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type ServerMessage } from '../../app/shared';
import { createMonitorApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../../app/main/core/fixture-root.test-util';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { MetricsExporter } from '../../app/main/server/metrics-exporter';
import { startMetricsServer, type RunningMetricsServer } from '../../app/main/server/metrics-http';
import { getRequest, rawExchange, type RawOutcome } from '../../app/main/server/raw-socket.test-util';
import { startServer, type RunningServer } from '../../app/main/server/server';

// Issue 17: hostile traffic on every listener of `procyon serve` (the UI, its
// WebSocket, /metrics on the UI port, and a --metrics-only listener), over raw
// sockets, while a well-behaved client keeps using the host. Counted: crashes
// (uncaught exceptions or rejections), hangs (no answer and no close within
// HANG_MS), and the well-behaved client's failures. All must be 0.

const TOKEN = 'hostile-traffic-token-0123456789';
/** Short server timeouts, so the cases that leave a request unfinished end quickly; a hang is anything past these. */
const LIMITS = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 500 };
const HANG_MS = 8000;
const CONCURRENCY = 24;

let staticDir: string;
let ui: RunningServer;
let metricsOnly: RunningMetricsServer;
let exporter: MetricsExporter;
let sampler: Sampler;
const crashes: string[] = [];
const onCrash = (err: unknown) => crashes.push(String(err instanceof Error ? err.stack : err));

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-hostile-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
  const collector = new Collector(roots);
  // Wired as startHost wires them: the sampler reads what the clients (the exporter among them) subscribed to.
  const topics = new TopicRegistry();
  sampler = new Sampler(collector, { topics: () => topics.union() });
  await sampler.tick();
  const facts = await collector.readStatic();
  const connectApi = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots, topics });
  exporter = new MetricsExporter({ sampler, connect: connectApi, roots });
  await exporter.start();
  const quiet = () => {}; // the guard's log lines are checked in guard.test.ts; here they would be thousands
  ui = await startServer({ connect: connectApi, staticDir, token: TOKEN, port: 0, readOnly: true, metrics: { source: exporter, token: null }, limits: LIMITS, log: quiet });
  metricsOnly = await startMetricsServer({ source: exporter, host: '127.0.0.1', port: 0, token: null, limits: LIMITS, log: quiet });
}, 60_000);

afterAll(async () => {
  exporter?.stop();
  await ui?.close();
  await metricsOnly?.close();
  rmSync(staticDir, { recursive: true, force: true });
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

/** A small seeded PRNG, so the mutated cases are the same at every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  label: string;
  port: number;
  chunks: (string | Buffer)[];
  /** Half-close after writing (most cases); the rest rely on the server's timeouts. */
  end: boolean;
}

const TARGETS = ['//[', '/%', '/%zz', '/%00', '/%E0%A4%A', '/..%2f..%2fetc/passwd', '*', 'http://evil.example/', 'http://[/', '/?token=%', `${WS_PATH}?token=%`, '/metrics?%', `${HELLO_PATH}?x=%ff`, '/\x7f', '/a b', `/${'a'.repeat(70_000)}`, '', '/#frag', '/./././', '/assets/../../x'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'get', 'GETT', 'G\x00ET', 'M'.repeat(300)];

function headerSets(port: number): string[][] {
  const host = `Host: 127.0.0.1:${port}`;
  return [
    [host, `Cookie: procyon_token_${port}=%`],
    [host, 'Cookie: =%;;;=;%%%;procyon_token_1=%E0'],
    [host, 'Host: evil.example'],
    ['Host: ['],
    ['Host: '],
    [],
    [host, 'Content-Length: 5', 'Content-Length: 6'],
    [host, 'Content-Length: -1'],
    [host, 'Content-Length: 99999999999999999999'],
    [host, 'Transfer-Encoding: chunked', 'Content-Length: 3'],
    [host, 'Authorization: Bearer'],
    [host, 'Authorization: Bearer %'],
    [host, `Authorization: Bearer ${'a'.repeat(7000)}`],
    [host, 'Authorization: Basic Og=='],
    [host, 'Origin: null'],
    [host, 'Origin: %'],
    [host, 'Origin: http://['],
    [host, 'no colon here'],
    [host, 'Bad Name: x'],
    [host, 'X-Folded: a', ' folded continuation'],
    [host, `X-Big: ${'b'.repeat(20_000)}`],
    [host, ...Array.from({ length: 150 }, (_, i) => `X-H${i}: ${i}`)],
    [host, 'Expect: 100-continue', 'Content-Length: 10'],
    [host, `Sec-WebSocket-Protocol: ${WS_TOKEN_PROTOCOL_PREFIX}%, ,,`],
  ];
}

function httpCases(port: number, listener: string, rand: () => number): Case[] {
  const cases: Case[] = [];
  const host = `Host: 127.0.0.1:${port}`;
  // Bad targets under a few methods.
  for (const target of TARGETS) for (const method of ['GET', 'HEAD', 'POST']) cases.push({ label: `${listener} ${method} target`, port, chunks: [`${method} ${target} HTTP/1.1\r\n${host}\r\n\r\n`], end: true });
  // Odd methods on the paths that matter.
  for (const method of METHODS) for (const target of ['/', '/metrics', HELLO_PATH, WS_PATH]) cases.push({ label: `${listener} method`, port, chunks: [`${method} ${target} HTTP/1.1\r\n${host}\r\n\r\n`], end: true });
  // Odd, duplicated and oversized headers on every path.
  for (const headers of headerSets(port)) {
    for (const target of ['/', '/metrics', HELLO_PATH, '/index.html']) cases.push({ label: `${listener} headers`, port, chunks: [`GET ${target} HTTP/1.1\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`], end: true });
  }
  // Bodies on GET, chunked garbage, bodies shorter than announced.
  for (const target of ['/', '/metrics']) {
    cases.push({ label: `${listener} body on GET`, port, chunks: [`GET ${target} HTTP/1.1\r\n${host}\r\nContent-Length: 10\r\n\r\n0123456789`], end: true });
    cases.push({ label: `${listener} short body`, port, chunks: [`GET ${target} HTTP/1.1\r\n${host}\r\nContent-Length: 100\r\n\r\n0123`], end: true });
    cases.push({ label: `${listener} chunked garbage`, port, chunks: [`GET ${target} HTTP/1.1\r\n${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n`], end: true });
    cases.push({ label: `${listener} chunked huge`, port, chunks: [`POST ${target} HTTP/1.1\r\n${host}\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nx`], end: true });
  }
  // Truncated requests: cut a good one at every length, half-closing after.
  const good = getRequest(port, '/metrics', ['Authorization: Bearer ' + TOKEN]);
  for (let cut = 1; cut < good.length; cut += 3) cases.push({ label: `${listener} truncated`, port, chunks: [good.slice(0, cut)], end: true });
  // Unfinished requests that never half-close: the server's timeouts must end them.
  for (const partial of ['GET / HTTP/1.1\r\n', `GET / HTTP/1.1\r\n${host}\r\n`, `GET / HTTP/1.1\r\n${host}\r\nContent-Length: 50\r\n\r\nabc`, '']) cases.push({ label: `${listener} slow`, port, chunks: [partial], end: false });
  // Not HTTP at all.
  for (const junk of ['\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'GET /\r\n', '\r\n\r\n\r\n', 'HTTP/1.1 200 OK\r\n\r\n', '\x00'.repeat(64)]) cases.push({ label: `${listener} not http`, port, chunks: [Buffer.from(junk, 'latin1')], end: true });
  // Pipelined requests, good and bad mixed.
  cases.push({ label: `${listener} pipelined`, port, chunks: [`GET / HTTP/1.1\r\n${host}\r\n\r\nGET //[ HTTP/1.1\r\n${host}\r\n\r\nGET /metrics HTTP/1.1\r\n${host}\r\nCookie: a=%\r\n\r\n`], end: true });
  // Random mutations of good requests: bytes flipped, lines duplicated, cut short.
  for (let i = 0; i < 120; i++) {
    const base = Buffer.from(getRequest(port, rand() < 0.5 ? '/metrics' : '/', [`Cookie: procyon_token_${port}=%`, 'Authorization: Bearer ' + TOKEN]), 'latin1');
    const flips = 1 + Math.floor(rand() * 6);
    for (let f = 0; f < flips; f++) base[Math.floor(rand() * base.length)] = Math.floor(rand() * 256);
    const cutAt = rand() < 0.3 ? Math.floor(rand() * base.length) : base.length;
    cases.push({ label: `${listener} mutated`, port, chunks: [base.subarray(0, cutAt)], end: true });
  }
  return cases;
}

function upgradeCases(port: number, listener: string): Case[] {
  const base = (target: string, extra: string[]) =>
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${extra.map((h) => `${h}\r\n`).join('')}\r\n`;
  const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==';
  const version = 'Sec-WebSocket-Version: 13';
  const auth = `Authorization: Bearer ${TOKEN}`;
  const variants: string[][] = [
    [],
    [key],
    [version],
    [key, version],
    [key, 'Sec-WebSocket-Version: 8', auth],
    ['Sec-WebSocket-Key: short', version, auth],
    [key, version, `Cookie: procyon_token_${port}=%`],
    [key, version, `Sec-WebSocket-Protocol: ${WS_TOKEN_PROTOCOL_PREFIX}%`],
    [key, version, `Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${WS_TOKEN_PROTOCOL_PREFIX}${TOKEN}x`],
    [key, version, 'Origin: http://evil.example', auth],
    [key, version, 'Origin: %', auth],
    [key, version, auth, 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=99; server_max_window_bits=%'],
  ];
  const cases: Case[] = [];
  for (const target of [WS_PATH, '//[', '/metrics', `${WS_PATH}?token=${TOKEN}`, '/', `${WS_PATH}/../x`]) {
    for (const v of variants) cases.push({ label: `${listener} upgrade`, port, chunks: [base(target, v)], end: true });
  }
  cases.push({ label: `${listener} upgrade h2c`, port, chunks: [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: %%%\r\n\r\n`], end: true });
  cases.push({ label: `${listener} upgrade with body`, port, chunks: [base(WS_PATH, [key, version, auth, 'Content-Length: 5']) + 'hello'], end: true });
  return cases;
}

/** One WebSocket frame as a client would build it (masked unless told otherwise). */
function frame(opcode: number, payload: Buffer, opts: { fin?: boolean; mask?: boolean; rsv?: number; lengthOverride?: bigint } = {}): Buffer {
  const fin = opts.fin ?? true;
  const mask = opts.mask ?? true;
  const head: number[] = [(fin ? 0x80 : 0) | ((opts.rsv ?? 0) << 4) | opcode];
  const len = opts.lengthOverride ?? BigInt(payload.length);
  const lenBytes: Buffer[] = [];
  if (len < 126n) head.push((mask ? 0x80 : 0) | Number(len));
  else if (len < 65536n) {
    head.push((mask ? 0x80 : 0) | 126);
    const b = Buffer.alloc(2);
    b.writeUInt16BE(Number(len));
    lenBytes.push(b);
  } else {
    head.push((mask ? 0x80 : 0) | 127);
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(len);
    lenBytes.push(b);
  }
  const key = Buffer.from([1, 2, 3, 4]);
  const body = mask ? Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from(head), ...lenBytes, ...(mask ? [key] : []), body]);
}

function frameCases(rand: () => number): { label: string; frames: Buffer[] }[] {
  const text = (s: string) => Buffer.from(s);
  const cases: { label: string; frames: Buffer[] }[] = [
    { label: 'unmasked', frames: [frame(1, text('{"type":"subscribe"}'), { mask: false })] },
    { label: 'rsv bits', frames: [frame(1, text('x'), { rsv: 7 })] },
    { label: 'reserved opcode 3', frames: [frame(3, text('x'))] },
    { label: 'reserved opcode 11', frames: [frame(11, text('x'))] },
    { label: 'control frame too long', frames: [frame(9, Buffer.alloc(200))] },
    { label: 'fragmented ping', frames: [frame(9, text('x'), { fin: false })] },
    { label: 'length 2^63', frames: [frame(1, Buffer.alloc(0), { lengthOverride: 2n ** 63n - 1n })] },
    { label: 'length 1 GiB', frames: [frame(1, Buffer.alloc(16), { lengthOverride: 2n ** 30n })] },
    { label: 'oversized real message', frames: [frame(1, Buffer.alloc(200 * 1024, 0x61))] },
    { label: 'invalid UTF-8', frames: [frame(1, Buffer.from([0xc3, 0x28, 0xff, 0xfe]))] },
    { label: 'close code 999', frames: [frame(8, Buffer.from([0x03, 0xe7]))] },
    { label: 'close with 1 byte', frames: [frame(8, Buffer.from([0x03]))] },
    { label: 'continuation first', frames: [frame(0, text('x'))] },
    { label: 'text inside fragmented text', frames: [frame(1, text('{"ty'), { fin: false }), frame(1, text('pe"'))] },
    { label: 'not JSON', frames: [frame(1, text('not json'))] },
    { label: 'binary', frames: [frame(2, Buffer.from([0, 1, 2, 3]))] },
    { label: 'deep JSON', frames: [frame(1, text('['.repeat(20_000)))] },
    { label: 'unknown op', frames: [frame(1, text('{"type":"call","id":1,"op":"__proto__","arg":{"constructor":{}}}'))] },
    { label: 'flood', frames: Array.from({ length: 400 }, (_, i) => frame(1, text(`{"type":"call","id":${i},"op":"getInfo"}`))) },
    { label: 'truncated header', frames: [Buffer.from([0x81])] },
    { label: 'truncated mask', frames: [Buffer.from([0x81, 0x85, 1, 2])] },
  ];
  for (let i = 0; i < 180; i++) {
    const n = 1 + Math.floor(rand() * 64);
    const junk = Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
    cases.push({ label: 'random bytes', frames: [rand() < 0.5 ? junk : Buffer.concat([frame(1, text('{"type":"subscribe"}')), junk])] });
  }
  return cases;
}

/** A valid handshake over a raw socket, then the frames; resolves when the server closes, or reports a hang. */
function wsExchange(port: number, frames: Buffer[]): Promise<{ upgraded: boolean; closed: boolean; hung: boolean }> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let upgraded = false;
    let settled = false;
    const finish = (closed: boolean, hung = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ upgraded, closed, hung });
    };
    const timer = setTimeout(() => finish(false, true), HANG_MS);
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('data', (d: Buffer) => {
      if (upgraded) return;
      text += d.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      upgraded = text.startsWith('HTTP/1.1 101');
      if (!upgraded) return finish(false);
      for (const f of frames) socket.write(f);
      socket.end();
    });
    socket.on('connect', () =>
      socket.write(
        `GET ${WS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`,
      ),
    );
  });
}

/** Runs `jobs` with at most `n` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

/**
 * One request on a connection of its own (agent: false). With Node's default
 * keep-alive agent a request can go out on a socket the server is closing for
 * idleness at that moment (keepAliveTimeoutMs is 500 here): HTTP/1.1's
 * keep-alive race, which a browser answers by retrying; it says nothing about
 * the host and only shows on a loaded machine.
 */
function get(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers }, timeout: HANG_MS }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** A well-behaved client: a WebSocket that calls getInfo, the page, /metrics on both listeners; every failure is recorded. */
function wellBehavedClient(): { stop(): Promise<{ served: number; failures: string[] }> } {
  let running = true;
  let served = 0;
  const failures: string[] = [];
  const loop = (async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${ui.port}${WS_PATH}`, [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${TOKEN}`], { headers: { origin: `http://127.0.0.1:${ui.port}` } });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    let id = 0;
    const call = () =>
      new Promise<ServerMessage>((resolve, reject) => {
        const my = ++id;
        const timer = setTimeout(() => reject(new Error(`getInfo ${my} unanswered`)), HANG_MS);
        const on = (d: WebSocket.RawData) => {
          const m = JSON.parse(d.toString()) as ServerMessage;
          if (m.type === 'reply' && m.id === my) {
            clearTimeout(timer);
            ws.off('message', on);
            resolve(m);
          }
        };
        ws.on('message', on);
        ws.send(JSON.stringify({ type: 'call', id: my, op: 'getInfo' }));
      });
    while (running) {
      try {
        const info = await call();
        if (!(info.type === 'reply' && info.ok)) failures.push(`getInfo: ${JSON.stringify(info).slice(0, 100)}`);
        const page = await get(ui.port, '/');
        if (page.status !== 200) failures.push(`page: ${page.status}`);
        const m1 = await get(ui.port, '/metrics', { authorization: `Bearer ${TOKEN}` });
        if (m1.status !== 200 || !m1.body.includes('procyon_')) failures.push(`UI /metrics: ${m1.status}`);
        const m2 = await get(metricsOnly.port, '/metrics');
        if (m2.status !== 200) failures.push(`metrics-only: ${m2.status}`);
        served += 4;
      } catch (err) {
        failures.push(String(err));
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    ws.close();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { served, failures };
    },
  };
}

describe('hostile traffic on every listener', () => {
  it('at least 1,000 malformed or abusive requests and frames: 0 crashes, 0 hangs, a normal client served throughout', async () => {
    const rand = prng(17);
    const httpJobs = [...httpCases(ui.port, 'UI', rand), ...upgradeCases(ui.port, 'UI'), ...httpCases(metricsOnly.port, 'metrics-only', rand), ...upgradeCases(metricsOnly.port, 'metrics-only')];
    const frames = frameCases(rand);
    const client = wellBehavedClient();

    const httpOutcomes = await pool(
      httpJobs.map((c) => () => rawExchange(c.port, c.chunks, { end: c.end, deadlineMs: HANG_MS }).then((o): RawOutcome & { label: string } => ({ ...o, label: c.label }))),
      CONCURRENCY,
    );
    const frameOutcomes = await pool(
      frames.map((c) => () => wsExchange(ui.port, c.frames).then((o) => ({ ...o, label: c.label }))),
      CONCURRENCY,
    );
    const { served, failures } = await client.stop();

    const hung = [...httpOutcomes, ...frameOutcomes].filter((o) => o.hung).map((o) => o.label);
    const byStatus: Record<string, number> = {};
    for (const o of httpOutcomes) byStatus[o.status ?? 'closed'] = (byStatus[o.status ?? 'closed'] ?? 0) + 1;
    console.log(
      [
        `hostile traffic: ${httpJobs.length} requests (UI ${httpJobs.filter((c) => c.port === ui.port).length}, metrics-only ${httpJobs.filter((c) => c.port === metricsOnly.port).length}), ${frames.length} WebSocket frame sequences after a valid handshake`,
        `  answers: ${Object.entries(byStatus).map(([s, n]) => `${s}×${n}`).join(' ')}`,
        `  frame sequences: ${frameOutcomes.filter((o) => o.upgraded).length} upgraded, ${frameOutcomes.filter((o) => o.closed).length} closed by the server`,
        `  crashes ${crashes.length}, hangs ${hung.length}, well-behaved client: ${served} requests served, ${failures.length} failed`,
      ].join('\n'),
    );

    expect(httpJobs.length + frames.length).toBeGreaterThanOrEqual(1000);
    expect(crashes).toEqual([]);
    expect(hung).toEqual([]);
    expect(failures).toEqual([]);
    expect(served).toBeGreaterThan(0);
    expect(frameOutcomes.every((o) => o.upgraded)).toBe(true);
    // Still up and serving after it all.
    expect((await get(ui.port, HELLO_PATH, { authorization: `Bearer ${TOKEN}` })).body).toContain('"authorized":true');
    expect((await get(metricsOnly.port, '/metrics')).status).toBe(200);
  }, 120_000);
});
