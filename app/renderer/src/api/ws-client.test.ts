// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { Snapshot } from '../../../shared/payloads';
import { createWsClient, nextDelay, wsUrl, type AuthCheck, type SocketLike, type Timers } from './ws-client';

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({});
  }
  drop() {
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

class FakeTimers implements Timers {
  queue: { fn: () => void; ms: number }[] = [];
  setTimeout(fn: () => void, ms: number) {
    const entry = { fn, ms };
    this.queue.push(entry);
    return entry;
  }
  clearTimeout(handle: unknown) {
    this.queue = this.queue.filter((e) => e !== handle);
  }
  runNext(): number {
    const entry = this.queue.shift();
    if (!entry) throw new Error('no timer');
    entry.fn();
    return entry.ms;
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const client = createWsClient({
    url: 'ws://host/api/ws',
    timers,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
  });
  const current = () => sockets[sockets.length - 1]!;
  return { client, sockets, timers, current };
}

const snap = (seq: number) => ({ seq, time: seq * 1000, intervalMs: 1000, cpu: null }) as unknown as Snapshot;

describe('wsUrl', () => {
  it('follows the page scheme', () => {
    expect(wsUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, '/api/ws')).toBe('ws://127.0.0.1:8080/api/ws');
    expect(wsUrl({ protocol: 'https:', host: 'mon.example' }, '/api/ws')).toBe('wss://mon.example/api/ws');
  });
});

describe('nextDelay', () => {
  it('doubles from 1 s and caps at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => nextDelay(a, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('createWsClient', () => {
  it('queues calls until open, then routes replies by id', async () => {
    const { client, current } = setup();
    expect(client.connection.get()).toBe('connecting');
    const info = client.getInfo();
    const history = client.getHistory({ seconds: 300 });
    expect(current().sent).toEqual([]);
    current().open();
    expect(client.connection.get()).toBe('open');
    expect(current().sent).toEqual([
      { type: 'call', id: 1, op: 'getInfo' },
      { type: 'call', id: 2, op: 'getHistory', arg: { seconds: 300 } },
    ]);
    current().receive({ type: 'reply', id: 2, ok: true, value: [] });
    current().receive({ type: 'reply', id: 1, ok: true, value: { hostname: 'h' } });
    await expect(info).resolves.toEqual({ hostname: 'h' });
    await expect(history).resolves.toEqual([]);
  });

  it('rejects with an ApiError carrying the server code', async () => {
    const { client, current } = setup();
    current().open();
    const p = client.setInterval({ ms: 500 });
    current().receive({ type: 'reply', id: 1, ok: false, error: { code: 'READ_ONLY', message: 'read-only host' } });
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('READ_ONLY');
    expect((error as ApiError).message).toBe('read-only host');
  });

  it('ignores garbage, unknown ids and null-id errors', async () => {
    const { client, current } = setup();
    current().open();
    const p = client.getSnapshot();
    current().onmessage?.({ data: 'not json' });
    current().receive({ type: 'reply', id: 99, ok: true, value: 1 });
    current().receive({ type: 'reply', id: null, ok: false, error: { code: 'INVALID_ARGUMENT', message: 'x' } });
    current().receive({ type: 'reply', id: 1, ok: true, value: null });
    await expect(p).resolves.toBeNull();
  });

  it('rejects pending calls with UNAVAILABLE when the socket closes', async () => {
    const { client, current } = setup();
    current().open();
    const p = client.getInfo();
    current().drop();
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAVAILABLE');
    expect(client.connection.get()).toBe('closed');
    // Calls made while disconnected fail at once instead of hanging.
    await expect(client.getInfo()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('subscribes on the first listener, unsubscribes after the last', () => {
    const { client, current } = setup();
    current().open();
    const seen: number[] = [];
    const off1 = client.onSnapshot((s) => seen.push(s.seq));
    const off2 = client.onSnapshot((s) => seen.push(s.seq * 10));
    expect(current().sent).toEqual([{ type: 'subscribe' }]);
    current().receive({ type: 'snapshot', snapshot: snap(3) });
    expect(seen).toEqual([3, 30]);
    off1();
    off1();
    expect(current().sent).toEqual([{ type: 'subscribe' }]);
    off2();
    expect(current().sent).toEqual([{ type: 'subscribe' }, { type: 'unsubscribe' }]);
    current().receive({ type: 'snapshot', snapshot: snap(4) });
    expect(seen).toEqual([3, 30]);
  });

  it('reconnects with backoff and subscribes again', () => {
    const { client, sockets, timers, current } = setup();
    const states: string[] = [];
    client.connection.subscribe((s) => states.push(s));
    client.onSnapshot(() => {});
    current().open();
    expect(current().sent).toEqual([{ type: 'subscribe' }]);

    current().drop();
    expect(timers.runNext()).toBe(1000);
    current().drop();
    expect(timers.runNext()).toBe(2000);
    current().drop();
    expect(timers.runNext()).toBe(4000);
    expect(sockets).toHaveLength(4);
    current().open();
    expect(current().sent).toEqual([{ type: 'subscribe' }]);
    expect(states).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'closed', 'connecting', 'open']);

    // A successful open resets the backoff.
    current().drop();
    expect(timers.runNext()).toBe(1000);
  });

  it('stops reconnecting once disposed', () => {
    const { client, timers, current } = setup();
    current().open();
    client.dispose();
    expect(current().closed).toBe(true);
    expect(timers.queue).toHaveLength(0);
    expect(client.connection.get()).toBe('closed');
  });
});

describe('createWsClient: a token the host refuses', () => {
  function withAuth(verdicts: AuthCheck[]) {
    const sockets: FakeSocket[] = [];
    const offered: (string[] | undefined)[] = [];
    const timers = new FakeTimers();
    let checks = 0;
    const client = createWsClient({
      url: 'ws://host/api/ws',
      protocols: ['procyon.v1', 'procyon.token.abc'],
      timers,
      checkAuth: () => Promise.resolve(verdicts[checks++] ?? 'unknown'),
      createSocket: (url, protocols) => {
        offered.push(protocols);
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
    return { client, sockets, timers, offered, current: () => sockets[sockets.length - 1]!, checks: () => checks };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('offers the protocols it was given', () => {
    const { offered } = withAuth([]);
    expect(offered).toEqual([['procyon.v1', 'procyon.token.abc']]);
  });

  it('asks the host when a socket never opens, and stops for good when the token is refused', async () => {
    const { client, timers, current, checks } = withAuth(['refused']);
    const states: string[] = [];
    client.connection.subscribe((s) => states.push(s));
    current().drop();
    await settle();
    expect(checks()).toBe(1);
    expect(client.connection.get()).toBe('refused');
    expect(timers.queue).toHaveLength(0);
    expect(states).toEqual(['closed', 'refused']);
    await expect(client.getInfo()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('refused') });
    client.dispose();
    expect(client.connection.get()).toBe('refused');
  });

  it('keeps retrying while the host is unreachable or accepts the token', async () => {
    const { client, timers, current, checks } = withAuth(['unknown', 'accepted']);
    current().drop();
    await settle();
    expect(client.connection.get()).toBe('closed');
    expect(timers.runNext()).toBe(1000);
    current().drop();
    await settle();
    expect(timers.runNext()).toBe(2000);
    expect(checks()).toBe(2);
  });

  it('does not ask when an open socket is lost (a restart): it reconnects, and asks if that fails', async () => {
    const { client, timers, current, checks } = withAuth(['refused']);
    current().open();
    current().drop();
    await settle();
    expect(checks()).toBe(0);
    timers.runNext();
    current().drop();
    await settle();
    expect(client.connection.get()).toBe('refused');
  });
});
