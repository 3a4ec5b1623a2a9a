import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, OPERATION_NAMES, OPERATION_TABLE, OPERATIONS, POPUP_OPERATIONS, STREAM_CHANNELS, STREAMS, type MonitorApi, type OperationName } from '../app/shared';
import { createMonitorApi } from '../app/main/core/api';
import { Collector } from '../app/main/core/collector';
import { dispatch } from '../app/main/core/dispatch';
import { FIXTURE_PROC, FIXTURE_SYS } from '../app/main/core/fixture-root.test-util';
import { Sampler } from '../app/main/core/sampler';
import { TopicRegistry } from '../app/main/core/topics';
import { bindIpc, type IpcMainLike } from '../app/main/electron/ipc';
import { createWsClient, type SocketLike } from '../app/renderer/src/api/ws-client';
import { hostileInputs, VALID_REQUESTS } from './security/hostile-inputs';

// Every transport is made from the operations table (app/shared/operations.ts):
// this fails when one of them lacks an operation the table has, or offers one
// it does not. The preload runs against a stand-in for the electron module
// (the Electron binary cannot run here); everything else is the real code.

// vi.mock is hoisted above the imports: what it records must be made with it.
const { exposed, invoked, sent } = vi.hoisted(() => ({ exposed: new Map<string, Record<string, unknown>>(), invoked: [] as unknown[][], sent: [] as string[] }));

const sorted = (names: Iterable<string>) => [...names].sort();

async function hostApi() {
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const sampler = new Sampler(collector);
  await sampler.tick();
  const facts = await collector.readStatic();
  return createMonitorApi(sampler, { version: '1', readOnly: true, transport: 'websocket', facts, roots: { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }, topics: new TopicRegistry() });
}

describe('every operation in the table reaches every transport', () => {
  it('the host implements every entry', async () => {
    const api = await hostApi();
    for (const name of OPERATION_NAMES) expect(typeof api[name], name).toBe('function');
    api.dispose();
  });

  it('dispatch knows every call, and refuses exactly the mutating ones on a read-only host', async () => {
    const api = await hostApi();
    for (const op of OPERATIONS) {
      const r = await dispatch(api, { readOnly: true }, op, VALID_REQUESTS[op]);
      if (OPERATION_TABLE[op].mutates) expect(r, op).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      else expect(r.ok ? 'ok' : r.error.code, op).not.toMatch(/UNKNOWN_OPERATION|INVALID_ARGUMENT|READ_ONLY/);
    }
    // A stream is not a call.
    for (const name of STREAMS) expect(await dispatch(api, { readOnly: true }, name, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    api.dispose();
  });

  it('ipcMain handles every call’s channel and listens on every stream’s, each channel its own', () => {
    const handled: string[] = [];
    const listened: string[] = [];
    const ipc: IpcMainLike = { handle: (channel) => void handled.push(channel), on: (channel) => void listened.push(channel) };
    bindIpc(ipc, () => {
      throw new Error('not called');
    }, { readOnly: false }, () => true);
    expect(sorted(handled)).toEqual(sorted(OPERATIONS.map((op) => CHANNELS[op])));
    expect(sorted(listened)).toEqual(sorted(STREAMS.flatMap((s) => [STREAM_CHANNELS[s].subscribe, STREAM_CHANNELS[s].unsubscribe])));
    const all = [...Object.values(CHANNELS), ...STREAMS.flatMap((s) => Object.values(STREAM_CHANNELS[s]))];
    expect(new Set(all).size).toBe(all.length);
  });

  it('the WebSocket client has every entry, and each call sends its own operation name', () => {
    const sent: unknown[] = [];
    const socket: SocketLike = { send: (data) => void sent.push(JSON.parse(data)), close: () => {}, onopen: null, onclose: null, onerror: null, onmessage: null };
    const client = createWsClient({ url: 'ws://host/api/ws', createSocket: () => socket });
    socket.onopen?.({});
    for (const name of OPERATION_NAMES) expect(typeof client[name], name).toBe('function');
    for (const op of OPERATIONS) void (client[op] as (request?: unknown) => Promise<unknown>)(VALID_REQUESTS[op]).catch(() => undefined);
    expect(sent.map((m) => (m as { op: string }).op)).toEqual(OPERATIONS);
    client.dispose();
  });
});

describe('the preloads expose one named function per entry, bound to that entry’s channel', () => {
  vi.mock('electron', () => ({
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: args[0] });
      },
      send: (channel: string) => void sent.push(channel),
      on: () => undefined,
      off: () => undefined,
    },
  }));

  afterEach(() => {
    exposed.clear();
    invoked.length = 0;
    sent.length = 0;
    vi.resetModules();
  });

  async function exercise(names: readonly OperationName[]): Promise<void> {
    const api = exposed.get('procyon')!;
    expect(sorted(Object.keys(api))).toEqual(sorted(names));
    for (const name of names) {
      const member = api[name] as (arg?: unknown) => unknown;
      if (OPERATION_TABLE[name].kind === 'stream') {
        const off = member(() => {}) as () => void;
        off();
        expect(sent).toEqual([STREAM_CHANNELS[name as keyof typeof STREAM_CHANNELS].subscribe, STREAM_CHANNELS[name as keyof typeof STREAM_CHANNELS].unsubscribe]);
        sent.length = 0;
        continue;
      }
      const op = name as Exclude<OperationName, keyof typeof STREAM_CHANNELS>;
      const request = VALID_REQUESTS[op];
      // The preload answers with the host's value: here, the channel it invoked.
      expect(await member(request)).toBe(CHANNELS[op]);
      expect(invoked.pop()).toEqual(request === undefined ? [CHANNELS[op]] : [CHANNELS[op], request]);
    }
  }

  it('the main window’s: all of MonitorApi', async () => {
    await import('../app/preload/index');
    await exercise(OPERATION_NAMES);
  });

  it('the tray popup’s: only POPUP_OPERATIONS', async () => {
    await import('../app/preload/popup');
    await exercise(POPUP_OPERATIONS);
  });

  it('the renderer’s wrapper of the preload keeps every entry', async () => {
    await import('../app/preload/index');
    vi.stubGlobal('window', { procyon: exposed.get('procyon') as unknown as MonitorApi });
    try {
      const { getApi } = await import('../app/renderer/src/api/index');
      const api = getApi();
      expect(sorted(Object.keys(api))).toEqual(sorted(OPERATION_NAMES));
      expect(await api.getSettings()).toBe(CHANNELS.getSettings);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the hostile-input matrix is made from the table', () => {
  it('fuzzes every field of every member of every union, not only one example', () => {
    const inputs = hostileInputs('processAction', { stringLength: 16, arrayLength: 4, depth: 4 });
    const missing: string[] = [];
    for (const member of OPERATION_TABLE.processAction.request.shape.action.options) {
      const kind = member.shape.kind.value;
      for (const field of Object.keys(member.shape).filter((f) => f !== 'kind')) {
        const hit = inputs.some((i) => i.label.startsWith(`action.${field}:`) && (i.value as { action: { kind: unknown } }).action.kind === kind);
        if (!hit) missing.push(`${kind}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
