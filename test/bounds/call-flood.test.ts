import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLIENT_CALLS_IN_FLIGHT, CLIENT_CALLS_QUEUED, WS_PATH, type ServerMessage } from '../../app/shared';
import { createMonitorApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { startServer, type RunningServer } from '../../app/main/server/server';

// Item 8 of issue 17: a token holder (read-only too) floods getConnections,
// each a /proc walk on the worker pool. Before the limits, 90 at once all ran
// (ahead of everyone else's requests and the sampler's reads), and kept
// running after the client had gone. Now a client has at most
// CLIENT_CALLS_IN_FLIGHT running and CLIENT_CALLS_QUEUED waiting (the rest
// are refused BUSY), all clients share the pool less one thread, and a
// client's queued calls are dropped when it goes.

const TOKEN = 'test-token-flood-0123456789';
const FLOOD = 90;

// Calls that reach the collector, counted at the addon binding the host's collector calls into
// (native/lib/native.ts lets tests wrap a binding function).
const { binding } = createRequire(import.meta.url)(path.resolve(__dirname, '../../native/dist/native.js')) as { binding: Record<string, (...args: unknown[]) => unknown> };
const original = binding.netConnections!;
let reachedCollector = 0;
binding.netConnections = (...args: unknown[]) => {
  reachedCollector++;
  return original(...args);
};
const netConnections = { mock: { get calls() { return { length: reachedCollector }; } }, mockRestore: () => (binding.netConnections = original) };

let srv: RunningServer;
let sampler: Sampler;
let staticDir: string;
/** netConnections calls made by the time each client went. */
const atDispose: number[] = [];

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  const c = new Collector({});
  const topics = new TopicRegistry();
  sampler = new Sampler(c, { topics: () => topics.union(), intervalMs: 250 });
  const facts = await c.readStatic();
  const connect = () => {
    const api = createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots: {}, topics });
    const dispose = api.dispose.bind(api);
    api.dispose = () => {
      atDispose.push(netConnections.mock.calls.length);
      dispose();
    };
    return api;
  };
  srv = await startServer({ connect, staticDir, token: TOKEN, port: 0, readOnly: true });
  sampler.start();
});
afterAll(async () => {
  sampler.stop();
  await srv.close();
  rmSync(staticDir, { recursive: true, force: true });
  netConnections.mockRestore();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, probe: () => boolean, ms = 30_000): Promise<void> {
  for (const deadline = Date.now() + ms; !probe(); await sleep(20)) if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

async function open(): Promise<{ ws: WebSocket; replies: Map<number, ServerMessage>; ticks: number[]; order: number[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const c = { ws, replies: new Map<number, ServerMessage>(), ticks: [] as number[], order: [] as number[] };
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    if (m.type === 'snapshot') c.ticks.push(m.snapshot.seq);
    else if (m.id !== null) {
      c.replies.set(m.id, m);
      c.order.push(m.id);
    }
  });
  return c;
}

const flood = (ws: WebSocket) => {
  for (let id = 1; id <= FLOOD; id++) ws.send(JSON.stringify({ type: 'call', id, op: 'getConnections', arg: { kind: 'all' } }));
};

describe('a client flooding getConnections', () => {
  it('gets its share, the rest BUSY; another client and the sampler are served alongside', async () => {
    const normal = await open();
    normal.ws.send(JSON.stringify({ type: 'subscribe' }));
    const flooder = await open();
    const before = netConnections.mock.calls.length;
    flood(flooder.ws);
    // The normal client asks once the flood has reached the host (its first replies are BUSY refusals).
    await until('the flood to arrive', () => flooder.replies.size > 0);
    const ticksAtFlood = normal.ticks.length;
    normal.ws.send(JSON.stringify({ type: 'call', id: 1, op: 'getConnections', arg: { kind: 'all' } }));
    await until('the normal client\'s answer', () => normal.replies.has(1));
    expect(normal.replies.get(1)).toMatchObject({ ok: true });
    // Answered alongside the flood, not behind all of it: a few flood calls at most ran first.
    const floodAnsweredFirst = [...flooder.replies.values()].filter((r) => r.type === 'reply' && r.ok).length;
    expect(floodAnsweredFirst).toBeLessThanOrEqual(CLIENT_CALLS_IN_FLIGHT + CLIENT_CALLS_QUEUED);
    await until('every flood reply', () => flooder.replies.size === FLOOD);

    const replies = [...flooder.replies.values()] as Extract<ServerMessage, { type: 'reply' }>[];
    const answered = replies.filter((r) => r.ok).length;
    const busy = replies.filter((r) => !r.ok && r.error.code === 'BUSY').length;
    expect(answered + busy).toBe(FLOOD);
    // About what may run and wait at once was taken on (more only if the frames came in several reads); never all 90.
    expect(busy).toBeGreaterThan(FLOOD / 2);
    expect(netConnections.mock.calls.length - before).toBeLessThan(FLOOD / 2);
    // The sampler kept ticking through it.
    await until('ticks after the flood began', () => normal.ticks.length >= ticksAtFlood + 2);
    flooder.ws.close();
    normal.ws.close();
  }, 60_000);

  it('runs none of its queued calls once it has gone', async () => {
    // The first test's two clients have gone.
    await until('the earlier clients to go', () => atDispose.length === 2);
    const flooder = await open();
    const before = netConnections.mock.calls.length;
    const disposed = atDispose.length;
    flood(flooder.ws);
    flooder.ws.close();
    await until('the host to see the client go', () => atDispose.length > disposed);
    // A later client's call is answered once the share is free again: whatever the gone client left has run by then.
    const after = await open();
    after.ws.send(JSON.stringify({ type: 'call', id: 1, op: 'getConnections', arg: { kind: 'all' } }));
    await until('the later client\'s answer', () => after.replies.has(1));
    after.ws.close();
    const reached = atDispose[disposed]! - before;
    expect(reached).toBeLessThanOrEqual(CLIENT_CALLS_IN_FLIGHT + CLIENT_CALLS_QUEUED);
    // Nothing of the gone client's reached the collector after it went: only the later client's one call.
    expect(netConnections.mock.calls.length - before).toBe(reached + 1);
  }, 60_000);
});
