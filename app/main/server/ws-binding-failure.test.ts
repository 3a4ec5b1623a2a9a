import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { ServerMessage } from '../../shared';
import type { ClientApi } from '../core/api';
import { bindSocket } from './ws-binding';

// A reply the binding cannot encode (here a BigInt, which JSON cannot carry)
// must cost that call, not the host: before, the failure escaped as an
// unhandled rejection outside any request, where serve's policy exits.

let server: WebSocketServer | null = null;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = null;
});

describe('bindSocket when a reply cannot be sent', () => {
  it('answers INTERNAL for that call and keeps serving the client', async () => {
    let calls = 0;
    const api = {
      getInfo: async () => (++calls === 1 ? { unencodable: 1n } : { ok: 'fine' }),
      dispose: () => {},
    } as unknown as ClientApi;
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server.on('connection', (ws) => bindSocket(ws, api, { readOnly: true }));
    await new Promise((r) => server!.once('listening', r));
    const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    const replies: ServerMessage[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString()) as ServerMessage));
    ws.send(JSON.stringify({ type: 'call', id: 1, op: 'getInfo' }));
    ws.send(JSON.stringify({ type: 'call', id: 2, op: 'getInfo' }));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies.find((r) => r.type === 'reply' && r.id === 1)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(replies.find((r) => r.type === 'reply' && r.id === 2)).toMatchObject({ ok: true, value: { ok: 'fine' } });
    ws.close();
  });
});
