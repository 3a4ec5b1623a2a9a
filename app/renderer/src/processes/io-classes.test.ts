import { describe, expect, it } from 'vitest';
import { ioClasses, ioClassText } from './io-classes';

// The classes come from the host: a platform with other numbers, or fewer
// classes, is shown as it is, never as Linux's list.
describe('I/O classes from the host', () => {
  const linux = { IOPRIO_CLASS_IDLE: 3, IOPRIO_CLASS_NONE: 0, IOPRIO_CLASS_BE: 2, IOPRIO_CLASS_RT: 1 };

  it('lists the host classes in number order, with words and which take a level', () => {
    expect(ioClasses(linux).map((c) => [c.value, c.word, c.leveled])).toEqual([
      [0, 'none', false],
      [1, 'realtime', true],
      [2, 'best-effort', true],
      [3, 'idle', false],
    ]);
  });

  it('offers nothing on a host without I/O classes, and only what a host has', () => {
    expect(ioClasses({})).toEqual([]);
    expect(ioClasses(undefined)).toEqual([]);
    expect(ioClasses({ IOPRIO_CLASS_BE: 7, IOPRIO_CLASS_IDLE: 9 }).map((c) => [c.value, c.word])).toEqual([
      [7, 'best-effort'],
      [9, 'idle'],
    ]);
  });

  it('names a class by the host numbers, with its level only where it has one', () => {
    expect(ioClassText(linux, 2, 4)).toBe('best-effort, level 4');
    expect(ioClassText(linux, 3, 0)).toBe('idle');
    expect(ioClassText({ IOPRIO_CLASS_IDLE: 9 }, 9, 0)).toBe('idle');
    expect(ioClassText({ IOPRIO_CLASS_IDLE: 9 }, 3, 0)).toBe('3');
  });
});
