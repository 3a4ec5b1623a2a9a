// Windows services: psutil's win_service_iter() / win_service_get() and every
// WindowsService method's answer as one record (psutil's as_dict()), plus
// start and stop (beyond psutil). The whole TS side of the area: the types,
// the list as a metric (its export, snapshot topic and capability), and the
// functions that take a name. Elsewhere capabilities() reports them false
// (reason "platform") and each call rejects with Unsupported.

import { binding, callAsync } from './native';
import { metric } from './metric';
import { InvalidArgument } from './errors';

/** WindowsService.start_type(): psutil's strings; "unknown" for the boot/system start types of drivers. */
export type WinServiceStartType = 'automatic' | 'manual' | 'disabled' | 'unknown';

/** WindowsService.status(): psutil's strings. */
export type WinServiceStatus = 'running' | 'paused' | 'start_pending' | 'pause_pending' | 'continue_pending' | 'stop_pending' | 'stopped';

/** psutil's WindowsService.as_dict(). */
export interface WinService {
  /** How the service is referenced (winServiceGet's argument). */
  name: string;
  displayName: string;
  /** The binary's full path with its arguments. Null (with username, startType, description) only in winServiceIter, for a service whose configuration the service manager refused to show. */
  binpath: string | null;
  /** The account it runs as (LocalSystem, NT AUTHORITY\LocalService, ...). */
  username: string | null;
  startType: WinServiceStartType | null;
  /** Its process, null when it has none (psutil: None). */
  pid: number | null;
  status: WinServiceStatus;
  description: string | null;
}

/** winServiceIter's record as the addon gives it (the snapshot topic's value). */
export interface WinServiceList {
  services: WinService[];
}

declare module './metric' {
  interface Metrics {
    /** The native list behind winServiceIter(); as a snapshot topic, {error: UNSUPPORTED} off Windows. */
    winServiceIter: WinServiceList;
  }
}

declare module './types' {
  interface CollectorFunctions {
    winServiceGet: true;
    winServiceStart: true;
    winServiceStop: true;
  }
}

declare module './native' {
  interface NativeBinding {
    winServiceGet(options: { name: string }): Promise<WinService>;
    winServiceStart(options: { name: string }): Promise<void>;
    winServiceStop(options: { name: string }): Promise<void>;
  }
}

const serviceList = metric('winServiceIter');

/** psutil.win_service_iter(): every Win32 service, each with all of its WindowsService data. */
export async function winServiceIter(): Promise<WinService[]> {
  return (await serviceList()).services;
}

function serviceName(name: unknown): string {
  if (typeof name !== 'string') throw new InvalidArgument('a service name must be a string');
  return name;
}

/**
 * psutil.win_service_get(name). Rejects with NoSuchProcess (its processName the
 * name) when no such service exists, AccessDenied when the service manager refuses,
 * InvalidArgument for a name no service can have (empty, over 256 characters, '/',
 * '\\' or control characters).
 */
export async function winServiceGet(name: string): Promise<WinService> {
  const checked = serviceName(name);
  return callAsync(() => binding.winServiceGet({ name: checked }));
}

/** Asks the service manager to start the service (StartService); resolves once asked, not once running. */
export async function winServiceStart(name: string): Promise<void> {
  const checked = serviceName(name);
  return callAsync(() => binding.winServiceStart({ name: checked }));
}

/** Asks the service to stop (ControlService STOP); resolves once asked, not once stopped. */
export async function winServiceStop(name: string): Promise<void> {
  const checked = serviceName(name);
  return callAsync(() => binding.winServiceStop({ name: checked }));
}
