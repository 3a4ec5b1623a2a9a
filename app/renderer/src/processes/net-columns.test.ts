import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { topicsFor } from '../routes/pages';
import { cellText } from './cells';
import { COLUMN_BY_ID, columnTopics, DEFAULT_COLUMNS } from './columns';

// The process table's network columns: off by default, and only while one is
// shown does the page ask the host for the rows' network use (processNet).

const row = (net: ProcessRow['net']): ProcessRow => ({
  pid: 7, createTime: 1, ppid: 1, name: 'curl', username: 'u', status: 'running', cpuPercent: 0, cpuTimes: 0, rss: 1, vms: 1, memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0, net,
});

describe('network columns', () => {
  it('are off by default, and the host is asked for network use only while one is shown (once for all three)', () => {
    for (const id of ['netRx', 'netTx', 'netBytes'] as const) expect(DEFAULT_COLUMNS).not.toContain(id);
    expect(topicsFor('processes', false, columnTopics(DEFAULT_COLUMNS))).not.toContain('processNet');
    expect(columnTopics([...DEFAULT_COLUMNS, 'netRx', 'netTx', 'netBytes']).filter((t) => t === 'processNet')).toHaveLength(1);
    expect(topicsFor('processes', false, columnTopics(['pid', 'netTx']))).toContain('processNet');
  });

  it('sort by receive and send rate and by bytes since watched; a process without sockets sorts below every number and shows a dash', () => {
    const n = { receiveBytes: 3 * 1024 * 1024, transmitBytes: 1024 * 1024, receiveRate: 2048, transmitRate: 0, sockets: 2, uncounted: 1 };
    expect(COLUMN_BY_ID.get('netRx')!.value(row(n))).toBe(2048);
    expect(COLUMN_BY_ID.get('netTx')!.value(row(n))).toBe(0);
    expect(COLUMN_BY_ID.get('netBytes')!.value(row(n))).toBe(4 * 1024 * 1024);
    expect(COLUMN_BY_ID.get('netRx')!.value(row(null))).toBeNull();
    expect(cellText('netRx', row(n))).toBe('2.00 KiB/s');
    expect(cellText('netBytes', row(n))).toBe('4.00 MiB');
    expect(cellText('netTx', row(null))).toBe('—');
  });
});
