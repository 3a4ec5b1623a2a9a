import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { ACTION_ITEMS, hostHint } from '../components/ProcessActions';
import { describeAction } from './actions';
import { cellText } from './cells';
import { priorityClasses, prioritySortKey, priorityText } from './priority';

// The priority a person reads comes from the host: nice numbers where the host
// has no classes (Linux, unchanged), Task Manager's class names where its
// collector lists *_PRIORITY_CLASS constants (Windows: psutil's values, in the
// order the Windows collector's describe() lists them).
const windows = {
  IDLE_PRIORITY_CLASS: 0x40,
  BELOW_NORMAL_PRIORITY_CLASS: 0x4000,
  NORMAL_PRIORITY_CLASS: 0x20,
  ABOVE_NORMAL_PRIORITY_CLASS: 0x8000,
  HIGH_PRIORITY_CLASS: 0x80,
  REALTIME_PRIORITY_CLASS: 0x100,
};
const linux = {};

describe('priority as the host has it', () => {
  it('shows a nice value as the number it is where the host has no classes', () => {
    for (const table of [linux, undefined]) {
      expect(priorityText(table, -20)).toBe('-20');
      expect(priorityText(table, 0)).toBe('0');
      expect(priorityText(table, 19)).toBe('19');
      expect(prioritySortKey(table, 5)).toBe(5);
    }
    expect(priorityClasses(linux)).toEqual([]);
  });

  it('names each Windows class as Task Manager does, from the host numbers', () => {
    expect(priorityText(windows, 32)).toBe('Normal');
    expect(priorityText(windows, 0x4000)).toBe('Below normal');
    expect(priorityText(windows, 0x8000)).toBe('Above normal');
    expect(priorityClasses(windows).map((c) => c.word)).toEqual(['Idle', 'Below normal', 'Normal', 'Above normal', 'High', 'Realtime']);
    // A number no class names is unknown (0: the collector could not open the process), never a wrong name.
    expect(priorityText(windows, 0)).toBe('—');
    expect(priorityText(windows, 7)).toBe('—');
    // A class the words do not know is named from its constant.
    expect(priorityText({ ...windows, TURBO_PRIORITY_CLASS: 0x1000 }, 0x1000)).toBe('Turbo');
  });

  it('sorts classes by priority, not by their numbers, in nice direction (most favoured first ascending)', () => {
    const order = Object.values(windows).sort((a, b) => prioritySortKey(windows, a) - prioritySortKey(windows, b));
    expect(order.map((v) => priorityText(windows, v))).toEqual(['Realtime', 'High', 'Above normal', 'Normal', 'Below normal', 'Idle']);
  });

  it('shows the class in the Nice cell on Windows and the nice value on Linux', () => {
    const row = { nice: 0x4000 } as ProcessRow;
    expect(cellText('nice', row, undefined, windows)).toBe('Below normal');
    expect(cellText('nice', { nice: -5 } as ProcessRow, undefined, linux)).toBe('-5');
    expect(cellText('nice', { nice: -5 } as ProcessRow)).toBe('-5');
  });

  it('names actions in the host terms: a class to set, and no signal the host lacks', () => {
    const win = { signals: { SIGKILL: 9, SIGTERM: 15 }, ioprioClasses: {}, priorityClasses: windows };
    expect(describeAction({ kind: 'renice', value: 0x4000 }, win)).toBe('Set priority to Below normal');
    expect(describeAction({ kind: 'suspend' }, win)).toBe('Suspend');
    expect(describeAction({ kind: 'resume' }, win)).toBe('Resume');
    // Windows' SIGTERM is psutil's name for TerminateProcess, no signal a process sees: not named as one.
    expect(describeAction({ kind: 'terminate' }, win)).toBe('Terminate');
    const lin = { signals: { SIGTERM: 15, SIGKILL: 9, SIGSTOP: 19, SIGCONT: 18 }, ioprioClasses: { IOPRIO_CLASS_BE: 2 }, priorityClasses: linux };
    expect(describeAction({ kind: 'renice', value: 5 }, lin)).toBe('Set nice to 5');
    expect(describeAction({ kind: 'suspend' }, lin)).toBe('Suspend (SIGSTOP)');
    expect(describeAction({ kind: 'suspend' })).toBe('Suspend (SIGSTOP)');
    const hint = (kind: string, host: Parameters<typeof hostHint>[1]) => hostHint(ACTION_ITEMS.find((a) => a.kind === kind)!, host);
    expect(hint('suspend', win)).toBe('Stop running');
    expect(hint('renice', win)).toBe('Priority class');
    expect(hint('suspend', lin)).toBe('Stop running (SIGSTOP)');
    expect(hint('renice', { ...lin, nice: { min: -20, max: 19 } })).toBe('Nice value -20…19');
  });
});
