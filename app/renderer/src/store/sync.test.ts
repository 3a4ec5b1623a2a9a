// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { MonitorApi } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { HostInfo, Snapshot } from '../../../shared/payloads';
import type { ConnectionSource, ConnectionState } from '../api/connection';
import { createMonitorStore } from './monitor';
import { startSync } from './sync';

const snap = (seq: number) => ({ seq, time: seq * 1000 }) as Snapshot;
const info = { hostname: 'h', historyCapacity: 100 } as HostInfo;
const flush = () => new Promise((r) => setTimeout(r, 0));

function fakes(initial: ConnectionState) {
  let state = initial;
  const stateListeners = new Set<(s: ConnectionState) => void>();
  const snapshotListeners = new Set<(s: Snapshot) => void>();
  let failInfo = false;
  let historyCalls = 0;
  const api = {
    getInfo: () => (failInfo ? Promise.reject(new ApiError({ code: 'UNAVAILABLE', message: 'down' })) : Promise.resolve(info)),
    getHistory: () => {
      historyCalls += 1;
      return Promise.resolve([snap(1), snap(2)]);
    },
    onSnapshot: (l: (s: Snapshot) => void) => {
      snapshotListeners.add(l);
      return () => snapshotListeners.delete(l);
    },
  } as unknown as MonitorApi;
  const connection: ConnectionSource = {
    get: () => state,
    subscribe: (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
  };
  return {
    api,
    connection,
    push: (s: Snapshot) => snapshotListeners.forEach((l) => l(s)),
    setState: (s: ConnectionState) => {
      state = s;
      stateListeners.forEach((l) => l(s));
    },
    failInfo: (v: boolean) => (failInfo = v),
    historyCalls: () => historyCalls,
    listenerCount: () => snapshotListeners.size,
  };
}

describe('startSync', () => {
  it('loads info and history, then appends live ticks', async () => {
    const f = fakes('open');
    const store = createMonitorStore();
    startSync(f.api, f.connection, store);
    f.push(snap(3));
    await flush();
    expect(store.getState().info).toBe(info);
    expect(store.getState().history.map((s) => s.seq)).toEqual([1, 2, 3]);
    f.push(snap(3));
    f.push(snap(4));
    expect(store.getState().history.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    expect(store.getState().connection).toBe('open');
  });

  it('records a failed load and retries when the connection reopens', async () => {
    const f = fakes('connecting');
    f.failInfo(true);
    const store = createMonitorStore();
    startSync(f.api, f.connection, store);
    await flush();
    expect(store.getState().error).toEqual({ code: 'UNAVAILABLE', message: 'down' });
    f.setState('closed');
    expect(store.getState().connection).toBe('closed');
    f.failInfo(false);
    f.setState('open');
    await flush();
    expect(store.getState().error).toBeNull();
    expect(store.getState().info).toBe(info);
    expect(f.historyCalls()).toBe(1);
  });

  it('unsubscribes when stopped', () => {
    const f = fakes('open');
    const stop = startSync(f.api, f.connection, createMonitorStore());
    expect(f.listenerCount()).toBe(1);
    stop();
    expect(f.listenerCount()).toBe(0);
  });
});
