import { describe as describeCollector, type PlatformConstants } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { actionIssues, connectionIssues, GetConnectionsRequest, ProcessActionRequest, type ProcessActionRequestAction } from '../../shared';
import { hostConstantsOf } from './host-constants';

// The host checks a process action's values against its own collector's
// constants (dispatch: schema, then these). Linux's come from this machine's
// collector and keep their checks; Windows' are what the Windows collector's
// describe() reports (node.exe under Wine, native/src/windows/windows_backend.cc),
// turned into HostConstants by the same function the host uses.
const WINDOWS: PlatformConstants = {
  signals: { SIGKILL: 9, SIGTERM: 15 },
  rlimits: {},
  rlimInfinity: -1,
  ioprioClasses: {},
  ioPriorities: { IOPRIO_VERYLOW: 0, IOPRIO_LOW: 1, IOPRIO_NORMAL: 2, IOPRIO_HIGH: 3 },
  priorityClasses: {
    IDLE_PRIORITY_CLASS: 64,
    BELOW_NORMAL_PRIORITY_CLASS: 16384,
    NORMAL_PRIORITY_CLASS: 32,
    ABOVE_NORMAL_PRIORITY_CLASS: 32768,
    HIGH_PRIORITY_CLASS: 128,
    REALTIME_PRIORITY_CLASS: 256,
  },
  nice: { min: 0, max: 0 },
  addressFamilies: { AF_INET: 2, AF_INET6: 23, AF_LINK: -1 },
  socketTypes: {},
  connectionKinds: ['all', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'inet', 'inet4', 'inet6'],
  connectionStatuses: [],
  processStatuses: ['running', 'stopped'],
  virtualMemoryFields: ['total', 'available', 'percent', 'used', 'free'],
};

const linux = hostConstantsOf(describeCollector().constants);
const windows = hostConstantsOf(WINDOWS);

/** The issues the host finds in an action that passed the request schema (the schema is checked too, as dispatch does). */
function issues(action: ProcessActionRequestAction, host = linux): string[] {
  const parsed = ProcessActionRequest.parse({ pid: 4242, createTime: 1, action });
  return actionIssues(parsed.action, host).map((i) => i.message);
}

describe('the host checks process actions against its constants', () => {
  it('Linux: nice values from -20 to 19, no priority classes', () => {
    expect(linux.priorityClasses).toEqual({});
    expect(linux.ioPriorities).toEqual({});
    expect(linux.nice).toEqual({ min: -20, max: 19 });
    for (const value of [-20, 0, 19]) expect(issues({ kind: 'renice', value })).toEqual([]);
    expect(issues({ kind: 'renice', value: 20 })).toEqual(['Nice values on this host go from -20 to 19 (got 20).']);
    expect(issues({ kind: 'renice', value: -21 })).toHaveLength(1);
    // A Windows class number is no nice value here.
    expect(issues({ kind: 'renice', value: 32 })).toHaveLength(1);
    expect(issues({ kind: 'signal', signal: 'SIGSTOP' })).toEqual([]);
    expect(issues({ kind: 'ionice', ioclass: 2, value: 4 })).toEqual([]);
    expect(issues({ kind: 'setRlimit', resource: 7, soft: 1024, hard: 1024 })).toEqual([]);
  });

  it('Windows: only its priority classes, only the signals it lists, I/O priority levels without a value, no rlimit', () => {
    for (const value of Object.values(WINDOWS.priorityClasses)) expect(issues({ kind: 'renice', value }, windows)).toEqual([]);
    for (const value of [-5, 0, 19, 33, 0xffff]) expect(issues({ kind: 'renice', value }, windows)).toEqual([`This host has no priority class ${value}.`]);
    expect(issues({ kind: 'signal', signal: 'SIGTERM' }, windows)).toEqual([]);
    expect(issues({ kind: 'signal', signal: 'SIGSTOP' }, windows)).toEqual(['This host has no signal SIGSTOP.']);
    // ionice takes one of its levels and no value (psutil: "value argument not accepted on Windows").
    for (const ioclass of Object.values(WINDOWS.ioPriorities)) expect(issues({ kind: 'ionice', ioclass }, windows)).toEqual([]);
    expect(issues({ kind: 'ionice', ioclass: 1, value: 0 }, windows)).toEqual([]);
    expect(issues({ kind: 'ionice', ioclass: 2, value: 4 }, windows)).toEqual(['I/O priority levels on this host take no value.']);
    expect(issues({ kind: 'ionice', ioclass: 4 }, windows)).toEqual(['This host has no I/O priority level 4.']);
    expect(issues({ kind: 'setRlimit', resource: 7, soft: 1024, hard: 1024 }, windows)).toHaveLength(1);
    // Suspend and resume are actions of their own, not signals: nothing to check against the table.
    expect(issues({ kind: 'suspend' }, windows)).toEqual([]);
    expect(issues({ kind: 'resume' }, windows)).toEqual([]);
  });

  it('connections: the kinds its collector lists (Windows has no unix), the same check the host makes', () => {
    const kindIssues = (kind: string, host = linux) => connectionIssues(GetConnectionsRequest.parse({ kind }).kind, host).map((i) => i.message);
    expect(linux.connectionKinds).toContain('unix');
    expect(kindIssues('unix')).toEqual([]);
    expect(windows.connectionKinds).not.toContain('unix');
    expect(kindIssues('unix', windows)).toEqual(['This host has no unix connections to list.']);
    for (const kind of windows.connectionKinds) expect(kindIssues(kind, windows)).toEqual([]);
  });

  it('bounds the shape of a priority before the host looks at it', () => {
    expect(ProcessActionRequest.safeParse({ pid: 1, createTime: 1, action: { kind: 'renice', value: 0x10000 } }).success).toBe(false);
    expect(ProcessActionRequest.safeParse({ pid: 1, createTime: 1, action: { kind: 'renice', value: 0.5 } }).success).toBe(false);
  });
});
