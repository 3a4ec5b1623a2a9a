import { describe, expect, it } from 'vitest';
import type { ConnectionSample, ProcessRow } from '../../../shared/payloads';
import { matchesFields, parseQuery, pidsOnPorts, queryPorts } from './query';

const row = (p: Partial<ProcessRow>) => ({ pid: 1, name: 'sshd', username: 'root', cmdline: ['/usr/sbin/sshd', '-D'], ...p }) as ProcessRow;
const conn = (pid: number | null, laddr: string, raddr = '') => ({ pid, laddr, raddr }) as ConnectionSample;

describe('field filters', () => {
  it('splits fields from the plain words, quoted values included', () => {
    expect(parseQuery('user:root  ssh pid:12 cmd:"a b" http://x')).toEqual({ fields: { user: ['root'], pid: ['12'], cmd: ['a b'] }, text: 'ssh http://x' });
    expect(parseQuery('User:Root').fields).toEqual({ user: ['root'] });
    expect(parseQuery('name:').fields).toEqual({});
  });

  it('combines fields (all must match), a repeated field matches either value', () => {
    const q = parseQuery('user:root name:ssh');
    expect(matchesFields(row({}), q, null)).toBe(true);
    expect(matchesFields(row({ username: 'alice' }), q, null)).toBe(false);
    expect(matchesFields(row({ name: 'bash' }), q, null)).toBe(false);
    expect(matchesFields(row({ pid: 7 }), parseQuery('pid:5 pid:7'), null)).toBe(true);
    expect(matchesFields(row({ pid: 71 }), parseQuery('pid:7'), null)).toBe(false);
    expect(matchesFields(row({}), parseQuery('cmd:-d'), null)).toBe(true);
  });

  it('port: matches the processes with a socket on that port, none while unknown', () => {
    const q = parseQuery('port:443');
    expect(queryPorts(q)).toEqual([443]);
    expect(queryPorts(parseQuery('port:99999 port:x'))).toEqual([]);
    const pids = pidsOnPorts([conn(5, '0.0.0.0:443'), conn(6, '[::1]:5000', '[2001:db8::1]:443'), conn(7, '127.0.0.1:4430'), conn(null, ':443')], [443]);
    expect([...pids].sort()).toEqual([5, 6]);
    expect(matchesFields(row({ pid: 5 }), q, pids)).toBe(true);
    expect(matchesFields(row({ pid: 7 }), q, pids)).toBe(false);
    expect(matchesFields(row({ pid: 5 }), q, null)).toBe(false);
  });
});
