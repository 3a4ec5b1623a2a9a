import { describe, expect, it } from 'vitest';
import { createMonitorApi } from './api';
import { Collector } from './collector';
import { dispatch } from './dispatch';
import { FIXTURE_PROC, FIXTURE_SYS } from './fixture-root.test-util';
import { Sampler } from './sampler';
import { TopicRegistry } from './topics';

// serviceAction through dispatch, as every transport calls it: the request
// validated by its schema first (a name no service can have never reaches the
// collector), read-only enforced, then the collector's answer (UNSUPPORTED on
// Linux; under Wine the collector's own suite starts and stops a real one).

function makeApi() {
  const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
  const sampler = new Sampler(new Collector(roots));
  const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
  return createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'websocket', facts, roots, topics: new TopicRegistry() });
}

describe('serviceAction', () => {
  it.each([
    [undefined],
    [{}],
    [{ name: 'Spooler' }],
    [{ name: 'Spooler', action: 'restart' }],
    [{ name: '', action: 'start' }],
    [{ name: 'x'.repeat(257), action: 'start' }],
    [{ name: 'a\\b', action: 'stop' }],
    [{ name: 'a/b', action: 'stop' }],
    [{ name: 'a\u0000b', action: 'stop' }],
    [{ name: 'a\nb', action: 'stop' }],
    [{ name: 42, action: 'start' }],
    [{ name: 'Spooler', action: 'start', extra: 1 }],
  ])('refuses %j as INVALID_ARGUMENT', async (arg) => {
    const r = await dispatch(makeApi(), { readOnly: false }, 'serviceAction', arg);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('is refused on a read-only host, and answers the collector’s UNSUPPORTED where it has no services', async () => {
    const api = makeApi();
    expect(await dispatch(api, { readOnly: true }, 'serviceAction', { name: 'Spooler', action: 'stop' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await dispatch(api, { readOnly: false }, 'serviceAction', { name: 'Spooler', action: 'start' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});
