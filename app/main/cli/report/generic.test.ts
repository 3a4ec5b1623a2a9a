import { describe, expect, it } from 'vitest';
import { genericSection, topicTitle } from './generic';

describe('the generic topic printer', () => {
  it('names the section for the topic and its --json key', () => {
    expect(topicTitle('pressureStall')).toBe('Pressure stall (pressureStall)');
    expect(topicTitle('hwmonChips')).toBe('Hwmon chips (hwmonChips)');
    expect(topicTitle('loadavg')).toBe('Loadavg (loadavg)');
  });

  it('lays any shape out by key: records indented, lists by index, null as none, scalar lists on one line', () => {
    const value = {
      total: 0.000015,
      full: null,
      flag: false,
      empty: [],
      pairs: [['input', '55000'], ['label', 'Core 0']],
      nested: { inner: { deep: 'x' } },
      path: { error: { code: 'NOT_FOUND', message: '/x: gone' } },
    };
    expect(genericSection('someTopic', value)).toEqual([
      '\nSome topic (someTopic)\n----------------------',
      '  total: 0.000015',
      '  full: none',
      '  flag: false',
      '  empty: (empty)',
      '  pairs:',
      '    0: input, 55000',
      '    1: label, Core 0',
      '  nested:',
      '    inner:',
      '      deep: x',
      '  path: unavailable: NOT_FOUND: /x: gone',
    ]);
  });

  it('a whole topic: failed, absent under a captured tree, null, a scalar, empty', () => {
    const body = (value: unknown) => genericSection('t', value).slice(1);
    expect(body({ error: { code: 'NOT_FOUND', message: '/proc/pressure: No such file or directory' } })).toEqual([
      '  unavailable: NOT_FOUND: /proc/pressure: No such file or directory',
    ]);
    expect(body(undefined)).toEqual(['  (not read under another root)']);
    expect(body(null)).toEqual(['  none']);
    expect(body(42)).toEqual(['  42']);
    expect(body({})).toEqual(['  (empty)']);
    expect(body([1, 5, 15])).toEqual(['  1, 5, 15']);
  });
});
