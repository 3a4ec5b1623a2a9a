import { describe, expect, it } from 'vitest';
import { ACTION_ITEMS, hostHint } from '../components/ProcessActions';
import { describeAction } from './actions';
import { ioClasses, ioClassText, ioDialogChoices, ioTableOf } from './io-classes';

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

// Windows' collector lists I/O priority levels (describe().constants.ioPriorities) and no Linux
// classes: the dialog, the action's words and the menu hint offer those levels, from the constants alone.
describe('I/O priority levels where the host has them (Windows)', () => {
  const windows = { ioprioClasses: {}, ioPriorities: { IOPRIO_VERYLOW: 0, IOPRIO_LOW: 1, IOPRIO_NORMAL: 2, IOPRIO_HIGH: 3 } };
  const linux = { ioprioClasses: { IOPRIO_CLASS_NONE: 0, IOPRIO_CLASS_RT: 1, IOPRIO_CLASS_BE: 2, IOPRIO_CLASS_IDLE: 3 }, ioPriorities: {} };

  it('takes the levels where the host lists them, else the classes', () => {
    expect(ioTableOf(windows)).toBe(windows.ioPriorities);
    expect(ioTableOf(linux)).toBe(linux.ioprioClasses);
    expect(ioTableOf({ ioprioClasses: linux.ioprioClasses })).toBe(linux.ioprioClasses);
    expect(ioTableOf(undefined)).toBeUndefined();
  });

  it('the dialog offers very low … high with no level slider, the process\'s own level chosen', () => {
    const choices = ioDialogChoices(ioTableOf(windows), 1);
    expect(choices.options.map((c) => c.word)).toEqual(['very low', 'low', 'normal', 'high']);
    expect(choices.leveled).toBe(false);
    expect(choices.selected).toBe(1);
    // A number the host does not have (the dialog's Linux default, 2 with level 4, is one it has).
    expect(ioDialogChoices(ioTableOf(windows), 9).selected).toBe(0);
    const onLinux = ioDialogChoices(ioTableOf(linux), 2);
    expect(onLinux.options.map((c) => c.word)).toEqual(['none', 'realtime', 'best-effort', 'idle']);
    expect(onLinux.leveled).toBe(true);
  });

  it('names the action and the menu item in the host terms', () => {
    const win = { signals: { SIGKILL: 9, SIGTERM: 15 }, priorityClasses: {}, ...windows };
    expect(describeAction({ kind: 'ionice', ioclass: 1 }, win)).toBe('Set I/O priority to low');
    expect(describeAction({ kind: 'ionice', ioclass: 2, value: 4 }, { ...win, ...linux })).toBe('Set I/O priority to best-effort, level 4');
    const item = ACTION_ITEMS.find((a) => a.kind === 'ionice')!;
    expect(hostHint(item, win)).toBe('I/O priority level');
    expect(hostHint(item, { ...win, ...linux })).toBe(item.hint);
  });
});
