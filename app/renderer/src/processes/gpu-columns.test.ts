import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { topicsFor } from '../routes/pages';
import { cellText } from './cells';
import { COLUMN_BY_ID, columnTopics, DEFAULT_COLUMNS } from './columns';

// The process table's GPU columns: off by default, and only while one is shown
// does the page ask the host for the rows' GPU shares (the processGpu topic).

const row = (gpu: ProcessRow['gpu']): ProcessRow => ({
  pid: 7, createTime: 1, ppid: 1, name: 'game', username: 'u', status: 'running', cpuPercent: 0, cpuTimes: 0, rss: 1, vms: 1, memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0, gpu,
});

describe('GPU columns', () => {
  it('are off by default, and the host is asked for GPU shares only while one is shown (once for both)', () => {
    expect(DEFAULT_COLUMNS).not.toContain('gpu');
    expect(DEFAULT_COLUMNS).not.toContain('gpuMem');
    expect(topicsFor('processes', false, columnTopics(DEFAULT_COLUMNS))).not.toContain('processGpu');
    expect(columnTopics([...DEFAULT_COLUMNS, 'gpu', 'gpuMem']).filter((t) => t === 'processGpu')).toHaveLength(1);
    expect(topicsFor('processes', false, columnTopics(['pid', 'gpuMem']))).toContain('processGpu');
    // Another page never reads them, whatever the table's columns.
    expect(topicsFor('cpu', false, columnTopics(['gpu']))).not.toContain('processGpu');
  });

  it('sort by the busiest engine and by GPU memory; a process without a GPU sorts below every number and shows a dash', () => {
    const g = { busyPercent: 41.25, engines: { gfx: 41.25, video: 3 }, memoryBytes: 256 * 1024 * 1024, devices: ['0000:09:00.0'] };
    expect(COLUMN_BY_ID.get('gpu')!.value(row(g))).toBe(41.25);
    expect(COLUMN_BY_ID.get('gpuMem')!.value(row(g))).toBe(256 * 1024 * 1024);
    expect(COLUMN_BY_ID.get('gpu')!.value(row(null))).toBeNull();
    expect(COLUMN_BY_ID.get('gpuMem')!.value(row(undefined))).toBeNull();
    expect(cellText('gpu', row(g))).toBe('41.3');
    expect(cellText('gpuMem', row(g))).toBe('256 MiB');
    expect(cellText('gpu', row(null))).toBe('—');
  });
});
