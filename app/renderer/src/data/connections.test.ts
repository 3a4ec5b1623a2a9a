// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ConnectionSample } from '../../../shared/payloads';
import { filterConnections, NO_FILTER, portOf, statesOf } from './connections';

const conn = (laddr: string, raddr: string, status: string, pid: number | null, processName: string | null) => ({ laddr, raddr, status, pid, processName }) as ConnectionSample;

const list = [
  conn('127.0.0.1:7317', '', 'LISTEN', 10, 'node'),
  conn('10.0.0.2:51000', '1.1.1.1:443', 'ESTABLISHED', 20, 'Firefox'),
  conn('[::1]:631', '', 'LISTEN', null, null),
  conn('/run/x.sock', '', 'NONE', 30, 'sshd'),
];

describe('connections', () => {
  it('take the port from IPv4, IPv6 and nothing from unix paths', () => {
    expect(portOf('127.0.0.1:7317')).toBe('7317');
    expect(portOf('[::1]:631')).toBe('631');
    expect(portOf('/run/x.sock')).toBeNull();
    expect(portOf('')).toBeNull();
  });
  it('filter by state, local or remote port, and process name or pid', () => {
    const laddrs = (f: Partial<typeof NO_FILTER>) => filterConnections(list, { ...NO_FILTER, ...f }).map((c) => c.laddr);
    expect(laddrs({})).toHaveLength(4);
    expect(laddrs({ state: 'LISTEN' })).toEqual(['127.0.0.1:7317', '[::1]:631']);
    expect(laddrs({ port: '443' })).toEqual(['10.0.0.2:51000']);
    expect(laddrs({ port: ' 631 ' })).toEqual(['[::1]:631']);
    expect(laddrs({ process: 'fire' })).toEqual(['10.0.0.2:51000']);
    expect(laddrs({ process: '30' })).toEqual(['/run/x.sock']);
    expect(laddrs({ state: 'LISTEN', process: 'node' })).toEqual(['127.0.0.1:7317']);
  });
  it('list the states present, sorted', () => {
    expect(statesOf(list)).toEqual(['ESTABLISHED', 'LISTEN', 'NONE']);
  });
});
