import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../shared';
import { collectorReaders } from './metrics-exporter';
import { linuxTick, processRow, scrapeLines as scrape } from './linux-tick.test-util';
import { rankedRows, topsOf } from './metrics-top';

// Network use per process in /metrics: the top 10 by network rate, each with
// its TCP bytes received and sent since watched, bounded like the other
// process series, rendered by prom-client as a scrape sees them.

const row = (pid: number, name: string, net: ProcessRow['net']): ProcessRow => processRow(pid, name, { net });

describe('network use per process in /metrics', () => {
  it('the top 10 by network rate, with their bytes since watched as counters; processes without a counted socket never listed', async () => {
    const rows = [
      ...Array.from({ length: 14 }, (_, i) => row(100 + i, `talker${i}`, { receiveBytes: 1000 * i, transmitBytes: 10 * i, receiveRate: i, transmitRate: 1, sockets: 1, uncounted: 0 })),
      row(5, 'udp-only', { receiveBytes: 0, transmitBytes: 0, receiveRate: null, transmitRate: null, sockets: 0, uncounted: 3 }),
      row(6, 'quiet', null),
      row(7, 'unread', undefined),
    ];
    const lines = await scrape(linuxTick({}, topsOf(rows)));
    const rx = lines.filter((l) => l.startsWith('procyon_process_network_receive_bytes_total{'));
    const tx = lines.filter((l) => l.startsWith('procyon_process_network_transmit_bytes_total{'));
    expect(rx).toHaveLength(10);
    expect(tx).toHaveLength(10);
    expect(rx[0]).toBe('procyon_process_network_receive_bytes_total{pid="113",name="talker13"} 13000');
    expect(tx[0]).toBe('procyon_process_network_transmit_bytes_total{pid="113",name="talker13"} 130');
    expect(lines).toContain('# TYPE procyon_process_network_receive_bytes_total counter');
    expect([...rx, ...tx].some((l) => /name="(udp-only|quiet|unread|talker[0-3])"/.test(l))).toBe(false);
  });

  it("the exporter's own table reads each row's network use on this live Linux machine", async () => {
    const readers = collectorReaders();
    const table = await readers.processes();
    expect(table.rows.every((r) => 'net' in r)).toBe(true);
    expect(rankedRows(null, table).every((r) => 'net' in r)).toBe(true);
  });
});
