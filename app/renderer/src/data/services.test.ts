// @vitest-environment node
import type { WinService } from '../../../shared/metrics/services';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_SORT, nextServiceSort, serviceCan, serviceRows } from './services';

const svc = (name: string, s: Partial<WinService> = {}): WinService => ({
  name,
  displayName: name,
  binpath: null,
  username: 'LocalSystem',
  startType: 'manual',
  pid: null,
  status: 'stopped',
  description: '',
  ...s,
});

const list = [
  svc('Spooler', { displayName: 'Print Spooler', description: 'Loads files to memory for later printing' }),
  svc('RpcSs', { displayName: 'Remote Procedure Call (RPC)', status: 'running', pid: 236, startType: 'automatic' }),
  svc('PlugPlay', { displayName: 'Plug and Play Service', status: 'running', pid: 160 }),
  svc('wuauserv', { displayName: 'Windows Update', status: 'start_pending', pid: 12 }),
];
const names = (rows: WinService[]) => rows.map((s) => s.name);

describe('the Services table', () => {
  it('searches every word in name, display name, status, start type, pid and description', () => {
    expect(names(serviceRows(list, 'print', DEFAULT_SERVICE_SORT))).toEqual(['Spooler']);
    expect(names(serviceRows(list, 'RUNNING', DEFAULT_SERVICE_SORT))).toEqual(['PlugPlay', 'RpcSs']);
    expect(names(serviceRows(list, 'start pending', DEFAULT_SERVICE_SORT))).toEqual(['wuauserv']);
    expect(names(serviceRows(list, '236', DEFAULT_SERVICE_SORT))).toEqual(['RpcSs']);
    expect(names(serviceRows(list, 'memory printing', DEFAULT_SERVICE_SORT))).toEqual(['Spooler']);
    expect(names(serviceRows(list, 'automatic', DEFAULT_SERVICE_SORT))).toEqual(['RpcSs']);
    expect(serviceRows(list, '  ', DEFAULT_SERVICE_SORT)).toHaveLength(4);
  });

  it('sorts by any column either way; a missing pid sorts last both ways', () => {
    expect(names(serviceRows(list, '', DEFAULT_SERVICE_SORT))).toEqual(['PlugPlay', 'Spooler', 'RpcSs', 'wuauserv']);
    const byPid = nextServiceSort(DEFAULT_SERVICE_SORT, 'pid');
    expect(byPid).toEqual({ column: 'pid', descending: false });
    expect(names(serviceRows(list, '', byPid))).toEqual(['wuauserv', 'PlugPlay', 'RpcSs', 'Spooler']);
    const down = nextServiceSort(byPid, 'pid');
    expect(names(serviceRows(list, '', down))).toEqual(['RpcSs', 'PlugPlay', 'wuauserv', 'Spooler']);
    expect(names(serviceRows(list, '', { column: 'status', descending: false }))).toEqual(['PlugPlay', 'RpcSs', 'wuauserv', 'Spooler']);
  });

  it('offers start for a stopped service and stop for a running or paused one', () => {
    expect(serviceCan(list[0]!)).toEqual({ start: true, stop: false });
    expect(serviceCan(list[1]!)).toEqual({ start: false, stop: true });
    expect(serviceCan(svc('x', { status: 'paused' }))).toEqual({ start: false, stop: true });
    expect(serviceCan(list[3]!)).toEqual({ start: false, stop: false });
  });
});
