import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { reniceValue } from './renice-value';

// `procyon renice`'s VALUE read against the host's own constants: the numbers
// here are what the Linux and Windows collectors' describe() report.
const LINUX = { nice: { min: -20, max: 19 }, priorityClasses: {} };
const WINDOWS = {
  nice: { min: 0, max: 0 },
  priorityClasses: {
    IDLE_PRIORITY_CLASS: 0x40,
    BELOW_NORMAL_PRIORITY_CLASS: 0x4000,
    NORMAL_PRIORITY_CLASS: 0x20,
    ABOVE_NORMAL_PRIORITY_CLASS: 0x8000,
    HIGH_PRIORITY_CLASS: 0x80,
    REALTIME_PRIORITY_CLASS: 0x100,
  },
};

describe('procyon renice VALUE', () => {
  it('on Linux: a nice value in the host range', () => {
    expect(reniceValue('-5', LINUX)).toEqual({ value: -5, text: '-5' });
    expect(reniceValue('19', LINUX).value).toBe(19);
    for (const bad of ['20', '-21', 'high', '1.5', '']) expect(() => reniceValue(bad, LINUX), bad).toThrow(/nice value from -20 to 19/);
  });

  it('on Windows: a priority class by name, as psutil or as Task Manager writes it', () => {
    for (const name of ['below_normal', 'BELOW_NORMAL_PRIORITY_CLASS', 'Below normal', 'below-normal']) {
      expect(reniceValue(name, WINDOWS), name).toEqual({ value: 0x4000, text: 'BELOW_NORMAL_PRIORITY_CLASS' });
    }
    expect(reniceValue('high', WINDOWS).value).toBe(0x80);
    expect(reniceValue('idle', WINDOWS).value).toBe(0x40);
  });

  it('on Windows: a nice value or an unknown class is refused, naming the classes', () => {
    for (const bad of ['-5', '10', 'lowest', '']) {
      expect(() => reniceValue(bad, WINDOWS), bad).toThrow(UsageError);
      expect(() => reniceValue(bad, WINDOWS), bad).toThrow(/priority class \(idle, below_normal, normal, above_normal, high, realtime/);
    }
  });
});
