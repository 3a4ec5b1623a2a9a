// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { sortComparator } from './incremental';
import { searchRanker } from './search-rank';
import { filterRows, NO_FILTER, sortRows } from './table';

const proc = (pid: number, name: string, cpuPercent: number, cmdline: string[]): ProcessRow =>
  ({ pid, createTime: 1000 + pid, ppid: 1, name, username: 'alice', status: 'sleeping', cpuPercent, cmdline }) as unknown as ProcessRow;

// 4242's digits are in the busier processes' command lines; "sleep" is in another's.
const rows = [
  proc(4242, 'sleep', 0, ['sleep', '300']),
  proc(100, 'python3', 50, ['python3', 'serve.py', '--port', '4242']),
  proc(101, 'node', 30, ['node', 'x.js', '14242']),
  proc(102, 'bash', 40, ['bash', '-c', 'sleep 1']),
  proc(103, 'SLEEP', 1, ['SLEEP']),
];
const cpuDesc = { column: 'cpu', dir: 'desc' } as const;
const search = (q: string) => sortRows(filterRows(rows, { ...NO_FILTER, search: q }), cpuDesc, q).map((r) => r.pid);

describe('search ranking', () => {
  it('puts the exact pid first, whatever the sort says', () => {
    expect(search('4242')).toEqual([4242, 100, 101]);
  });
  it('puts exact name matches (any case) before command-line matches', () => {
    expect(search('sleep')).toEqual([103, 4242, 102]);
  });
  it('the incremental comparator agrees with the full sort', () => {
    const q = '4242';
    const cmp = sortComparator(cpuDesc, q);
    expect([...rows].sort(cmp).filter((r) => filterRows([r], { ...NO_FILTER, search: q }).length).map((r) => r.pid)).toEqual(search(q));
  });
  it('ranks nothing without a search', () => {
    expect(searchRanker('  ')).toBeNull();
    expect(sortRows(rows, cpuDesc, '').map((r) => r.pid)).toEqual([100, 102, 101, 103, 4242]);
  });
});
