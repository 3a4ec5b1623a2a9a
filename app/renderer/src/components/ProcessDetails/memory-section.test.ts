import { describe, expect, it } from 'vitest';
import { memorySection } from './memory-section';

const info = { rss: 1, vms: 2 };
const denied = { error: { code: 'ACCESS_DENIED', message: 'access denied (pid=1)' } };
const ioError = { error: { code: 'IO_ERROR', message: 'QueryWorkingSet: The parameter is incorrect.' } };

describe('the details’ Memory section', () => {
  it('memory_full_info where it was read', () => {
    const full = { ...info, uss: 3, pss: 4, swap: 0 };
    expect(memorySection({ memoryInfo: info, memoryFullInfo: full })).toEqual({ heading: 'Memory (full info)', value: full });
  });

  it('Windows under Wine: uss fails (QueryWorkingSet), memory_info’s rss and vms are shown with uss marked unavailable', () => {
    expect(memorySection({ memoryInfo: info, memoryFullInfo: ioError })).toEqual({ heading: 'Memory', value: info, uss: ioError });
  });

  it('Linux, another user’s process: access denied for the whole section, as before', () => {
    expect(memorySection({ memoryInfo: info, memoryFullInfo: denied })).toEqual({ heading: 'Memory (full info)', value: denied });
  });

  it('a platform without full info: memory_info; both failing: the full info’s reason', () => {
    expect(memorySection({ memoryInfo: info, memoryFullInfo: { error: { code: 'UNSUPPORTED', message: 'x' } } })).toEqual({ heading: 'Memory', value: info });
    expect(memorySection({ memoryInfo: denied, memoryFullInfo: ioError })).toEqual({ heading: 'Memory (full info)', value: ioError });
  });
});
