import type { GetConnectionsRequest, ProcessActionRequest } from './schemas';

// Which signals, resource limits and I/O priority classes exist is the host
// platform's fact, told by its collector at run time. The request schemas check
// only the shape (a bounded name, a small whole number); the host checks the
// value against these (hostIssues), and HostInfo carries them so the UI offers
// only what the host has.

/** The host platform's process-control constants, by name (psutil's names). */
export interface HostConstants {
  /** Signals the host can send: SIGTERM → 15. */
  signals: Readonly<Record<string, number>>;
  /** Resource limits Process.rlimit() takes: RLIMIT_NOFILE → 7. Empty where the platform has none. */
  rlimits: Readonly<Record<string, number>>;
  /** I/O priority classes Process.ionice() takes: IOPRIO_CLASS_BE → 2. Empty where the platform has none. */
  ioprioClasses: Readonly<Record<string, number>>;
  /**
   * Where Process.ionice() takes one level instead of a class and a value (Windows):
   * the levels, IOPRIO_LOW → 1. Empty where it takes ioprioClasses.
   */
  ioPriorities: Readonly<Record<string, number>>;
  /** The nice values Process.nice() takes: -20 … 19 on Linux. Unused where the platform has priority classes. */
  nice: Readonly<{ min: number; max: number }>;
  /**
   * Where priority is a class, not a nice value (Windows): the classes Process.nice()
   * reads and takes, NORMAL_PRIORITY_CLASS → 32. Empty where priority is a nice value.
   */
  priorityClasses: Readonly<Record<string, number>>;
  /** The kinds net_connections(kind) takes here, in psutil's order (Windows has no `unix`). */
  connectionKinds: readonly string[];
  /** virtual_memory()'s fields psutil has here (Windows: total, available, percent, used, free); the others read 0. */
  virtualMemoryFields: readonly string[];
}

export interface HostIssue {
  path: string;
  message: string;
}

const has = (table: Readonly<Record<string, number>>, name: string) => Object.prototype.hasOwnProperty.call(table, name);
const valueIn = (table: Readonly<Record<string, number>>, value: number) => Object.values(table).includes(value);

/** A (schema-valid) connections kind this host has no such sockets for, in words; empty when it has. */
export function connectionIssues(kind: GetConnectionsRequest['kind'], host: HostConstants): HostIssue[] {
  return host.connectionKinds.includes(kind) ? [] : [{ path: 'kind', message: `This host has no ${kind} connections to list.` }];
}

/** What in a (schema-valid) process action this host cannot do, in words; empty when it can. */
export function actionIssues(action: ProcessActionRequest['action'], host: HostConstants): HostIssue[] {
  switch (action.kind) {
    case 'signal':
      return has(host.signals, action.signal) ? [] : [{ path: 'action.signal', message: `This host has no signal ${action.signal}.` }];
    case 'setRlimit':
      return valueIn(host.rlimits, action.resource) ? [] : [{ path: 'action.resource', message: `This host has no resource limit ${action.resource}.` }];
    case 'renice':
      if (Object.keys(host.priorityClasses).length > 0) {
        return valueIn(host.priorityClasses, action.value) ? [] : [{ path: 'action.value', message: `This host has no priority class ${action.value}.` }];
      }
      return action.value >= host.nice.min && action.value <= host.nice.max
        ? []
        : [{ path: 'action.value', message: `Nice values on this host go from ${host.nice.min} to ${host.nice.max} (got ${action.value}).` }];
    case 'ionice':
      if (Object.keys(host.ioPriorities).length > 0) {
        if (!valueIn(host.ioPriorities, action.ioclass)) return [{ path: 'action.ioclass', message: `This host has no I/O priority level ${action.ioclass}.` }];
        return action.value ? [{ path: 'action.value', message: 'I/O priority levels on this host take no value.' }] : [];
      }
      return valueIn(host.ioprioClasses, action.ioclass) ? [] : [{ path: 'action.ioclass', message: `This host has no I/O priority class ${action.ioclass}.` }];
    default:
      return [];
  }
}
