import { describe, expect, it } from 'vitest';
import type { MemorySample } from '../../../shared/payloads';
import { hostMemorySeries, memoryFigureMeaning, memoryPageFigures } from './memory';

// The Memory page and the overview's card show the virtual_memory fields the
// host's collector reads (HostConstants.virtualMemoryFields): all of Linux's,
// Windows' five (psutil's svmem there has no buffers, cached or shared).
const WINDOWS = ['total', 'available', 'percent', 'used', 'free'];
const m = { total: 8, available: 5, percent: 37.5, used: 3, free: 5, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 } as MemorySample;
const COMPOSITION = [{ key: 'used' }, { key: 'buffers' }, { key: 'cached' }, { key: 'free' }, { key: 'shared' }, { key: 'available' }];

describe('memory figures on the host’s fields', () => {
  it('Windows: no buffers, cached or shared in the stack, the legend or the figures; used is total − available', () => {
    expect(hostMemorySeries(COMPOSITION, WINDOWS).map((s) => s.key)).toEqual(['used', 'free', 'available']);
    expect(memoryPageFigures(m, WINDOWS).map((f) => f.name)).toEqual(['used', 'available', 'free']);
    expect(memoryFigureMeaning('used', WINDOWS)).toBe('used = total − available (psutil’s virtual_memory().used here)');
    expect(memoryFigureMeaning('percent', WINDOWS)).toBe('percent = (total − available) / total');
  });

  it('Linux (every field, or a host that does not say): as before', () => {
    const linux = ['total', 'available', 'percent', 'used', 'free', 'active', 'inactive', 'buffers', 'cached', 'shared', 'slab'];
    for (const fields of [linux, undefined]) {
      expect(hostMemorySeries(COMPOSITION, fields)).toEqual(COMPOSITION);
      expect(memoryPageFigures(m, fields).map((f) => f.name)).toEqual(['used', 'available', 'free', 'shared']);
      expect(memoryFigureMeaning('used', fields)).toBe('used = total − free − buffers − cached (psutil’s virtual_memory().used)');
    }
  });
});
