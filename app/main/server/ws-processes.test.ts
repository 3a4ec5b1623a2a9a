import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { applyDelta, processKey, WS_PATH, type ProcessRow, type ServerMessage, type Snapshot } from '../../shared';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { until } from '../../../test/support/until.mjs';
import { startServer, type RunningServer } from './server';

// The process table over the live stream, on this machine's real /proc: a
// whole table first, then change lists that rebuild the host's table exactly,
// and nothing for a client that does not show processes.

const TOKEN = 'test-token-processes-0123';
let srv: RunningServer;
let sampler: Sampler;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  const collector = new Collector({});
  const topics = new TopicRegistry();
  sampler = new Sampler(collector, { topics: () => topics.union() });
  const facts = await collector.readStatic();
  const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots: {}, topics });
  srv = await startServer({ connect, staticDir, token: TOKEN, port: 0, readOnly: true });
});
afterAll(async () => {
  await srv.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function client(topics: string[]) {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const snapshots: Snapshot[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    if (m.type === 'snapshot') snapshots.push(m.snapshot);
  });
  const replied = new Set<number>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    if (m.type === 'reply' && typeof m.id === 'number') replied.add(m.id);
  });
  /** Sends a call and waits for its reply: the server handles one socket's messages in order. */
  const call = async (id: number, op: string, arg?: unknown) => {
    ws.send(JSON.stringify({ type: 'call', id, op, arg }));
    await until(() => replied.has(id), { what: `the reply to call ${id} (${op})` });
  };
  ws.send(JSON.stringify({ type: 'call', id: 1, op: 'setTopics', arg: { topics } }));
  ws.send(JSON.stringify({ type: 'subscribe' }));
  // The reply to a call sent after the subscription means the server has subscribed us.
  await call(0, 'getInfo');
  await until(() => replied.has(1), { what: 'the reply to setTopics' });
  /** Waits until `n` snapshots have arrived in all. */
  const received = (n: number) => until(() => snapshots.length >= n, { what: () => `${n} snapshots (got ${snapshots.length})` });
  return { ws, snapshots, call, received };
}

describe('the process table on the live stream', () => {
  it('comes whole first, then as change lists that rebuild the host table exactly', async () => {
    const viewer = await client(['processes']);
    const other = await client(['cpu']);
    try {
      const tables: ProcessRow[][] = [];
      for (let i = 0; i < 4; i++) tables.push((await sampler.tick())!.processes!);
      await viewer.received(4);
      await other.received(4);

      const got = viewer.snapshots;
      expect(got).toHaveLength(4);
      expect(got.every((s) => s.processes === undefined)).toBe(true);
      expect(got[0]!.processDelta).toMatchObject({ base: null, count: tables[0]!.length });
      let held = got[0]!.processDelta!.rows;
      for (let i = 1; i < 4; i++) {
        const d = got[i]!.processDelta!;
        expect(d.base).toBe(got[i - 1]!.seq);
        // Most processes sit still between two ticks: the change list is a fraction of the table
        // (not on the second tick, where every row gets its first CPU % and I/O rates).
        if (i >= 2) expect(d.rows.length).toBeLessThan(tables[i]!.length / 2);
        held = applyDelta(held, d)!;
        expect(held).not.toBeNull();
        const byKey = new Map(held.map((r) => [processKey(r), r]));
        expect(byKey.size).toBe(tables[i]!.length);
        for (const r of tables[i]!) expect(byKey.get(processKey(r))).toEqual(r);
      }

      expect(other.snapshots).toHaveLength(4);
      expect(other.snapshots.every((s) => s.processes === undefined && s.processDelta === undefined)).toBe(true);
    } finally {
      viewer.ws.close();
      other.ws.close();
    }
  });

  it('a client that turns processes on mid-stream gets a whole table first', async () => {
    const c = await client(['cpu']);
    try {
      await sampler.tick();
      await c.received(1);
      await c.call(2, 'setTopics', { topics: ['processes'] });
      await sampler.tick();
      await sampler.tick();
      await c.received(3);
      const [a, b, d] = c.snapshots.slice(-3);
      expect(a!.processDelta).toBeUndefined();
      expect(b!.processDelta!.base).toBeNull();
      expect(d!.processDelta!.base).toBe(b!.seq);
    } finally {
      c.ws.close();
    }
  });
});
