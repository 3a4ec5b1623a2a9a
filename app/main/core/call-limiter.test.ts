import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_CALLS_IN_FLIGHT, CLIENT_CALLS_QUEUED } from '../../shared';
import { ClientCalls, clientPoolShare, PoolShare } from './call-limiter';

/** A call that runs until the test settles it. */
function gate() {
  const started: number[] = [];
  const pending = new Map<number, () => void>();
  const call = (id: number) => () =>
    new Promise<number>((resolve) => {
      started.push(id);
      pending.set(id, () => resolve(id));
    });
  const finish = async (id: number) => {
    pending.get(id)!();
    pending.delete(id);
    // Let the limiter's continuations run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, call, finish };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ApiError ? e.code : String(e)));

describe('ClientCalls', () => {
  it('runs CLIENT_CALLS_IN_FLIGHT at once, queues CLIENT_CALLS_QUEUED, refuses the rest BUSY', async () => {
    const g = gate();
    const calls = new ClientCalls(new PoolShare(100));
    const total = CLIENT_CALLS_IN_FLIGHT + CLIENT_CALLS_QUEUED;
    const accepted = Array.from({ length: total }, (_, i) => calls.run(g.call(i)));
    const refused = await codeOf(calls.run(g.call(99)));
    expect(refused).toBe('BUSY');
    expect(g.started).toEqual([0, 1]);
    await g.finish(0);
    expect(g.started).toEqual([0, 1, 2]);
    for (let i = 1; i < total; i++) await g.finish(i);
    expect(await Promise.all(accepted)).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('drops what never started when the client goes; what runs finishes', async () => {
    const g = gate();
    const calls = new ClientCalls(new PoolShare(100));
    const running = [calls.run(g.call(0)), calls.run(g.call(1))];
    const queued = [calls.run(g.call(2)), calls.run(g.call(3))];
    calls.dispose();
    expect(await Promise.all(queued.map(codeOf))).toEqual(['UNAVAILABLE', 'UNAVAILABLE']);
    await g.finish(0);
    await g.finish(1);
    expect(await Promise.all(running)).toEqual([0, 1]);
    // 2 and 3 never started, not even when 0 and 1 made room.
    expect(g.started).toEqual([0, 1]);
    expect(await codeOf(calls.run(g.call(4)))).toBe('UNAVAILABLE');
  });

  it('shares the pool: all clients together hold at most its slots, taking turns', async () => {
    const g = gate();
    const share = new PoolShare(3);
    const a = new ClientCalls(share);
    const b = new ClientCalls(share);
    for (let i = 0; i < 4; i++) void a.run(g.call(i));
    void b.run(g.call(10));
    void b.run(g.call(11));
    // a runs two (its own limit), b one (the share's last slot).
    expect(g.started).toEqual([0, 1, 10]);
    expect(share.inFlight).toBe(3);
    // a frees a slot: b waited longest for the share, so b's next call takes it.
    await g.finish(0);
    expect(g.started).toEqual([0, 1, 10, 11]);
    await g.finish(10);
    expect(g.started).toEqual([0, 1, 10, 11, 2]);
  });

  it('leaves the sampler a worker thread', () => {
    expect(clientPoolShare(4)).toBe(3);
    expect(clientPoolShare(1)).toBe(1);
    expect(clientPoolShare(64)).toBe(63);
  });
});
