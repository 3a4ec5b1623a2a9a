import { describe, expect, it } from 'vitest';
import { DeltaParts, type ProcessRow, type ServerMessage, type Snapshot } from '../../shared';
import { replyMessage, splitSnapshot } from './ws-binding';

// A new client's whole table is the biggest message the host sends. Past the
// budget it goes in parts, each under the budget, which the receiver joins
// back into the same table (the renderer's store: store/monitor-parts.test.ts).

function row(pid: number, cmd: string): ProcessRow {
  return {
    pid, createTime: 1000 + pid, ppid: 1, name: 'p', username: 'nobody', status: 'sleeping', cpuPercent: 0, cpuTimes: 0, rss: 0, vms: 0,
    memoryPercent: 0, numThreads: 1, nice: 0, cmdline: ['p', cmd], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0,
  };
}

const rows = Array.from({ length: 300 }, (_, i) => row(i + 1, '\x01'.repeat(600)));
const whole = { seq: 7, time: 7000, processDelta: { base: null, rows, gone: [], count: rows.length } } as unknown as Snapshot;
const wire = (s: string) => Buffer.byteLength(s, 'utf8');

describe('splitSnapshot', () => {
  it('sends a tick under the budget as one message', () => {
    const small = { ...whole, processDelta: { ...whole.processDelta!, rows: rows.slice(0, 2), count: 2 } };
    expect(splitSnapshot(small, 64 * 1024)).toHaveLength(1);
  });

  it('cuts a table over the budget into parts under it, which join back into the table', () => {
    const budget = 64 * 1024;
    const messages = splitSnapshot(whole, budget);
    expect(messages.length).toBeGreaterThan(10);
    const parts = new DeltaParts();
    let joined: unknown = null;
    for (const m of messages) {
      expect(m.bytes).toBe(wire(m.text));
      expect(m.bytes).toBeLessThanOrEqual(budget);
      const s = (JSON.parse(m.text) as Extract<ServerMessage, { type: 'snapshot' }>).snapshot;
      joined = parts.accept(s.seq, s.processDelta!);
    }
    expect(joined).toEqual({ base: null, rows, gone: [], count: rows.length });
  });

  it('sends nothing rather than a message over the budget', () => {
    expect(splitSnapshot(whole, 1024)).toEqual([]);
  });
});

describe('replyMessage', () => {
  it('answers TOO_LARGE, for the same call, instead of a reply over the budget', () => {
    expect(JSON.parse(replyMessage({ type: 'reply', id: 3, ok: true, value: 'small' }, 1024).text)).toMatchObject({ id: 3, ok: true });
    const big = replyMessage({ type: 'reply', id: 4, ok: true, value: '\x01'.repeat(1000) }, 1024);
    expect(big.bytes).toBeLessThanOrEqual(1024);
    expect(JSON.parse(big.text)).toMatchObject({ type: 'reply', id: 4, ok: false, error: { code: 'TOO_LARGE' } });
  });
});
