import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES, OPERATIONS, WS_PATH, type ServerMessage } from '../../app/shared';
import { createMonitorApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../../app/main/core/fixture-root.test-util';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { startServer, type RunningServer } from '../../app/main/server/server';
import { MAX_MESSAGES_PER_SECOND } from '../../app/main/server/ws-binding';
import { hostileInputs, wireJson } from './hostile-inputs';

// The hostile-input matrix through the real serve-mode server and a real
// WebSocket. Messages are JSON text, so NaN cannot be sent at all and
// ±Infinity travels as 1e309; "huge" stays under the 64 KiB message limit
// (bigger messages are closed with 1009, tested in server.test.ts).

const TOKEN = 'test-token-0123456789';
const SIZES = { stringLength: 48 * 1024, arrayLength: 12_000, depth: 2_000 };
// Under the flood limit: each socket sends fewer messages than the burst allows.
const PER_SOCKET = Math.floor(MAX_MESSAGES_PER_SECOND * 0.8);

let srv: RunningServer;
const tried: Record<string, number> = {};
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const sampler = new Sampler(collector);
  await sampler.tick();
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
  const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: false, transport: 'websocket', facts, roots, topics });
  srv = await startServer({ connect, staticDir, token: TOKEN, port: 0, readOnly: false });
});
afterAll(async () => {
  console.log(`hostile inputs tried per operation over WebSocket:\n${Object.entries(tried).map(([op, n]) => `  ${op.padEnd(18)} ${n}`).join('\n')}`);
  await srv.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}`, { headers: { host: `127.0.0.1:${srv.port}`, authorization: `Bearer ${TOKEN}` } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends raw text and waits for the reply carrying `id`, or for the socket closing (which fails the test). */
function call(ws: WebSocket, id: number, text: string): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as ServerMessage;
      if (m.type === 'reply' && m.id === id) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(m);
      }
    };
    const onClose = (code: number) => reject(new Error(`socket closed with ${code} while waiting for reply ${id}`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(text);
  });
}

const envelope = (id: number, op: string, argText: string | undefined) =>
  argText === undefined ? `{"type":"call","id":${id},"op":${JSON.stringify(op)}}` : `{"type":"call","id":${id},"op":${JSON.stringify(op)},"arg":${argText}}`;

describe('every operation refuses hostile arguments over the WebSocket, and the server keeps serving', () => {
  it.each(OPERATIONS)('%s', async (op) => {
    const wire = hostileInputs(op, SIZES)
      .map((input) => ({ label: input.label, text: input.value === undefined ? undefined : wireJson(input.value) }))
      // NaN (alone or inside) has no JSON form: a WebSocket client cannot send it.
      .filter((input): input is { label: string; text: string | undefined } => input.text !== null);
    const accepted: string[] = [];
    let ws = await openSocket();
    let id = 0;
    for (const [i, input] of wire.entries()) {
      if (i > 0 && i % PER_SOCKET === 0) {
        ws.close();
        ws = await openSocket();
      }
      const text = envelope(++id, op, input.text);
      expect(Buffer.byteLength(text)).toBeLessThan(MAX_MESSAGE_BYTES);
      const reply = await call(ws, id, text);
      if (reply.type !== 'reply' || reply.ok || reply.error.code !== 'INVALID_ARGUMENT') accepted.push(`${input.label} → ${JSON.stringify(reply).slice(0, 120)}`);
    }
    expect(accepted).toEqual([]);
    tried[op] = wire.length;
    expect(wire.length).toBeGreaterThanOrEqual(20);
    // The same socket and a new one are both still answered.
    ws.close();
    ws = await openSocket();
    expect(await call(ws, 1, envelope(1, 'getHistory', '{"seconds":10}'))).toMatchObject({ type: 'reply', id: 1, ok: true, value: [{ seq: 1 }] });
    ws.close();
  });
});
