import { describe, expect, it } from 'vitest';
import { TOPICS, type MonitorApi, type Snapshot } from '../../shared';
import { createMonitorApi } from './api';
import { Collector } from './collector';
import { dispatch } from './dispatch';
import { FIXTURE_PROC, FIXTURE_SYS } from './fixture-root.test-util';
import { Sampler } from './sampler';
import { TopicRegistry } from './topics';

async function makeApi(readOnly = false): Promise<{ api: MonitorApi; sampler: Sampler }> {
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const sampler = new Sampler(collector);
  await sampler.tick();
  const api = createMonitorApi(sampler, {
    version: '9.9.9',
    readOnly,
    transport: 'websocket',
    facts: await collector.readStatic(),
    roots: { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS },
    topics: new TopicRegistry(),
  });
  return { api, sampler };
}

describe('dispatch', () => {
  it('answers a valid call with ok and the value', async () => {
    const { api } = await makeApi();
    const r = await dispatch(api, { readOnly: false }, 'getInfo', undefined);
    expect(r.ok).toBe(true);
    const info = (r as { value: { version: string; bootTime: number; readOnly: boolean } }).value;
    expect(info.version).toBe('9.9.9');
    expect(info.readOnly).toBe(false);
    expect(info.bootTime).toBeGreaterThan(1e9);
  });

  it.each([
    ['getHistory', undefined],
    ['getHistory', {}],
    ['getHistory', { seconds: '60' }],
    ['getHistory', { seconds: -1 }],
    ['getHistory', { seconds: 1.5 }],
    ['getHistory', { seconds: Number.NaN }],
    ['getHistory', { seconds: 60, extra: true }],
    ['getHistory', { seconds: 60, after: '1700000000000' }],
    ['getHistory', { seconds: 60, after: Number.POSITIVE_INFINITY }],
    ['getHistory', JSON.parse('{"seconds": 60, "__proto__": {"polluted": true}}')],
    ['setInterval', { ms: 1 }],
    ['setInterval', { ms: 1e12 }],
    ['getInfo', { unexpected: 1 }],
    ['setTopics', { topics: ['gpu'] }],
    ['setTopics', { topics: 'cpu' }],
    ['setTopics', { topics: Array.from({ length: TOPICS.length + 1 }, () => 'cpu') }],
    ['getConnections', { kind: 'bogus' }],
    ['getConnections', undefined],
    ['getSystemInfo', { x: 1 }],
  ])('%s(%j) → INVALID_ARGUMENT', async (op, arg) => {
    const { api } = await makeApi();
    const r = await dispatch(api, { readOnly: false }, op, arg);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['nope', 'constructor', '__proto__', 'toString', 42, null])('operation %j → UNKNOWN_OPERATION', async (op) => {
    const { api } = await makeApi();
    expect(await dispatch(api, { readOnly: false }, op, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('refuses mutating operations when read-only, and leaves the interval alone', async () => {
    const { api, sampler } = await makeApi(true);
    expect(await dispatch(api, { readOnly: true }, 'setInterval', { ms: 2000 })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(sampler.intervalMs).toBe(1000);
  });

  it('setTopics is allowed read-only (it only chooses what to look at) and returns the set', async () => {
    const { api } = await makeApi(true);
    expect(await dispatch(api, { readOnly: true }, 'setTopics', { topics: ['disks', 'disks', 'network'] })).toEqual({
      ok: true,
      value: { topics: ['disks', 'network'] },
    });
  });

  it('setInterval changes the tick length', async () => {
    const { api, sampler } = await makeApi();
    expect(await dispatch(api, { readOnly: false }, 'setInterval', { ms: 2500 })).toEqual({ ok: true, value: { intervalMs: 2500 } });
    expect(sampler.intervalMs).toBe(2500);
  });

  it('getHistory returns recent snapshots and onSnapshot delivers new ones', async () => {
    const { api, sampler } = await makeApi();
    const seen: Snapshot[] = [];
    const off = api.onSnapshot((s) => seen.push(s));
    await sampler.tick();
    // Delivered on the event loop's next turn, not inside the sampler's.
    expect(seen).toEqual([]);
    await new Promise((r) => setImmediate(r));
    off();
    await sampler.tick();
    await new Promise((r) => setImmediate(r));
    expect(seen.map((s) => s.seq)).toEqual([2]);
    const r = await dispatch(api, { readOnly: false }, 'getHistory', { seconds: 60 });
    const all = (r as { value: Snapshot[] }).value;
    expect(all.map((s) => s.seq)).toEqual([1, 2, 3]);
    // `after`: only what is newer than a time the client already holds.
    const since = await dispatch(api, { readOnly: false }, 'getHistory', { seconds: 60, after: all[0]!.time });
    expect((since as { value: Snapshot[] }).value.map((s) => s.seq)).toEqual(all.filter((s) => s.time > all[0]!.time).map((s) => s.seq));
  });
});
