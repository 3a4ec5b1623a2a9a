// Windows services on Linux: the functions exist, report unavailable for
// reason "platform" (describe() says so), and every call rejects with
// Unsupported whatever the name, without reaching any service manager. Their
// behaviour is tested under Wine (test-win/services.test.mjs).

import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

const SERVICE_FUNCTIONS = ['winServiceIter', 'winServiceGet', 'winServiceStart', 'winServiceStop'] as const;

describe('Windows services on Linux', () => {
  it('are capabilities reported false for reason "platform"', () => {
    const caps = collector.capabilities();
    const described = collector.describe().capabilities;
    for (const name of SERVICE_FUNCTIONS) {
      expect(caps[name], name).toBe(false);
      expect(described.find((c) => c.name === name), name).toEqual({ name, available: false, reason: 'platform' });
    }
  });

  it('reject with Unsupported, whatever the name', async () => {
    await expect(collector.winServiceIter()).rejects.toBeInstanceOf(collector.Unsupported);
    for (const call of [collector.winServiceGet, collector.winServiceStart, collector.winServiceStop]) {
      for (const name of ['RpcSs', '', 'a/b']) {
        await expect(call(name)).rejects.toMatchObject({ code: 'UNSUPPORTED' });
      }
      await expect(call(7 as unknown as string)).rejects.toBeInstanceOf(collector.InvalidArgument);
    }
  });

  it('the list is a snapshot topic that answers its own UNSUPPORTED error', async () => {
    expect(collector.SNAPSHOT_TOPICS).toContain('winServiceIter');
    const snap = await collector.systemSnapshot({ topics: ['winServiceIter', 'virtualMemory'] });
    expect(collector.isSnapshotError(snap.winServiceIter)).toBe(true);
    expect(snap.winServiceIter).toMatchObject({ error: { code: 'UNSUPPORTED' } });
    expect(snap.virtualMemory.total).toBeGreaterThan(0);
  });
});
