import { describe, expect, it } from 'vitest';
import type { HostInfo, ProcessRow } from '../../../shared/payloads';
import { ACTION_ITEMS, hostHint } from '../components/ProcessActions';
import { supported } from '../components/ProcessDetails/values';
import { platformOffers } from '../data/host-can';
import { describeAction, hasPosixSignals, outcomeOf, type ActionWords } from './actions';
import { COLUMN_BY_ID, columnLabel } from './columns';
import { kernelRuleOf, matchesFilter, NO_FILTER } from './table';

// The process page in the host's words, from the constants its collector
// reports (HostInfo.constants): the Linux collector's signals, or the Windows
// one's (SIGTERM and SIGKILL only, psutil's names for TerminateProcess) with its
// priority classes. No platform name is consulted.

const WINDOWS: ActionWords = {
  signals: { SIGKILL: 9, SIGTERM: 15 },
  ioprioClasses: {},
  priorityClasses: { IDLE_PRIORITY_CLASS: 0x40, NORMAL_PRIORITY_CLASS: 0x20, HIGH_PRIORITY_CLASS: 0x80 },
};
const LINUX: ActionWords = { signals: { SIGTERM: 15, SIGKILL: 9, SIGSTOP: 19, SIGCONT: 18, SIGHUP: 1 }, ioprioClasses: { IOPRIO_CLASS_BE: 2 }, priorityClasses: {} };
const info = (constants: ActionWords) => ({ constants, capabilities: { live: true, functions: {}, why: {} }, readOnly: false }) as unknown as HostInfo;
const row = (over: Partial<ProcessRow>) => ({ pid: 100, ppid: 1, name: 'x', cmdline: ['x'], username: 'ann', ...over }) as ProcessRow;

describe('the process page in the host’s words', () => {
  it('tells the two models apart by the signals the host has', () => {
    expect(hasPosixSignals(LINUX)).toBe(true);
    expect(hasPosixSignals(WINDOWS)).toBe(false);
    // Before HostInfo arrives: the words as they always were.
    expect(hasPosixSignals(undefined)).toBe(true);
  });

  it('Windows: terminate, kill and kill tree name no signal, and say they end the process at once', () => {
    expect(describeAction({ kind: 'kill' }, WINDOWS)).toBe('Kill');
    expect(describeAction({ kind: 'killTree' }, WINDOWS)).toBe('Kill tree');
    const hint = (kind: string, host: ActionWords) => hostHint(ACTION_ITEMS.find((a) => a.kind === kind)!, host);
    expect(hint('terminate', WINDOWS)).toMatch(/^End it now .*no chance to clean up — Delete$/);
    expect(hint('kill', WINDOWS)).not.toMatch(/SIG/);
    // Linux keeps its signals.
    expect(describeAction({ kind: 'killTree' }, LINUX)).toBe('Kill tree (SIGTERM, then SIGKILL)');
    expect(hint('terminate', LINUX)).toBe('Ask to exit (SIGTERM) — Delete');
  });

  it('Send signal is offered only where there are signals beyond terminate and kill', () => {
    expect(platformOffers(info(WINDOWS), 'signal')).toBe(false);
    expect(platformOffers(info(LINUX), 'signal')).toBe(true);
    for (const kind of ['terminate', 'kill', 'suspend', 'resume', 'renice'] as const) expect(platformOffers(info(WINDOWS), kind), kind).toBe(true);
  });

  it('access denied says what would help on that host: root and capabilities, or an administrator', () => {
    const target = { pid: 4, createTime: 1, name: 'System', username: 'NT AUTHORITY\\SYSTEM' };
    const denied = { code: 'ACCESS_DENIED', message: 'denied' };
    const win = outcomeOf(target, denied, WINDOWS).message;
    expect(win).toMatch(/belongs to NT AUTHORITY\\SYSTEM; .*administrator/);
    expect(win).not.toMatch(/root|CAP_|nice/);
    expect(outcomeOf(target, denied, LINUX).message).toMatch(/needs root or the matching capability \(CAP_KILL, CAP_SYS_NICE\)$/);
  });

  it('the priority column is headed Priority where the host has classes, Nice where it has nice values', () => {
    const nice = COLUMN_BY_ID.get('nice')!;
    expect(columnLabel(nice, true)).toBe('Priority');
    expect(columnLabel(nice, false)).toBe('Nice');
    expect(columnLabel(COLUMN_BY_ID.get('pid')!, true)).toBe('PID');
  });

  it('the kernel filter: Linux hides kernel threads; Windows hides System and its image-less processes, not what only could not be opened', () => {
    const linux = kernelRuleOf(true);
    const windows = kernelRuleOf(false);
    expect([linux.label, windows.label]).toEqual(['Hide kernel threads', 'Hide kernel processes']);
    const hide = (rule: ReturnType<typeof kernelRuleOf>, r: ProcessRow) => !matchesFilter(r, { ...NO_FILTER, hideKernel: true, isKernel: rule.isKernel });
    expect(hide(linux, row({ pid: 2, ppid: 0, name: 'kthreadd', cmdline: [] }))).toBe(true);
    expect(hide(windows, row({ pid: 4, ppid: 0, name: 'System', cmdline: [] }))).toBe(true);
    expect(hide(windows, row({ pid: 0, ppid: 0, name: 'System Idle Process', cmdline: [] }))).toBe(true);
    expect(hide(windows, row({ pid: 120, ppid: 4, name: 'Registry', cmdline: [] }))).toBe(true);
    expect(hide(windows, row({ pid: 1500, ppid: 4, name: 'Memory Compression', cmdline: [] }))).toBe(true);
    // smss.exe runs under System but is a program; a service whose command line was denied is no kernel process.
    expect(hide(windows, row({ pid: 380, ppid: 4, name: 'smss.exe', cmdline: [] }))).toBe(false);
    expect(hide(windows, row({ pid: 900, ppid: 700, name: 'svchost.exe', cmdline: [] }))).toBe(false);
    // Without a rule (as before): Linux's.
    expect(matchesFilter(row({ pid: 3, ppid: 2, cmdline: [] }), { ...NO_FILTER, hideKernel: true })).toBe(false);
  });

  it('details leave out what the platform has no such thing as (the collector answers UNSUPPORTED: Windows’ uids, gids, terminal)', () => {
    expect(supported({ error: { code: 'UNSUPPORTED', message: 'x' } })).toBe(false);
    expect(supported({ error: { code: 'ACCESS_DENIED', message: 'x' } })).toBe(true);
    expect(supported(null)).toBe(true);
  });
});
