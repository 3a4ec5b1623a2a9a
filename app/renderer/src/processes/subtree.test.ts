// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { descendantsOf } from './subtree';

const p = (pid: number, ppid: number) => ({ pid, ppid }) as ProcessRow;

describe('descendantsOf', () => {
  it('counts every level under the roots once, never the roots', () => {
    const rows = [p(1, 0), p(10, 1), p(11, 10), p(12, 10), p(13, 11), p(20, 1)];
    expect(descendantsOf(rows, [10]).map((r) => r.pid).sort()).toEqual([11, 12, 13]);
    expect(descendantsOf(rows, [10, 11]).map((r) => r.pid).sort()).toEqual([12, 13]);
    expect(descendantsOf(rows, [13])).toEqual([]);
  });
});
