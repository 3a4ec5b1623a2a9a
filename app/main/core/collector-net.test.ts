import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Collector } from './collector';

// The collector side of the network columns: the live table carries each
// row's TCP traffic only while the processNet topic is asked for, and this
// process's own loopback connection shows under its pid.

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

describe('collector: network use in the process table', () => {
  it('rows have `net` only with the processNet topic; a connection of this process counts under its pid', async () => {
    const server = net.createServer((s) => s.on('data', () => undefined)).listen(0, '127.0.0.1');
    open.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    open.push({ close: () => client.destroy() });
    await new Promise((resolve) => client.once('connect', resolve));

    const c = new Collector();
    const rows = (t: Awaited<ReturnType<Collector['readTick']>>) => (t.processes && 'rows' in t.processes ? t.processes.rows : []);
    const plain = await c.readTick(new Set(['processes']));
    expect(rows(plain).length).toBeGreaterThan(0);
    expect(rows(plain).some((r) => 'net' in r)).toBe(false);
    await c.readTick(new Set(['processes', 'processNet'])); // the baseline
    await new Promise<void>((resolve) => client.write(Buffer.alloc(300_000), () => resolve()));
    const deadline = Date.now() + 30_000;
    let mine;
    while (Date.now() < deadline) {
      const tick = await c.readTick(new Set(['processes', 'processNet']));
      expect(rows(tick).every((r) => 'net' in r)).toBe(true);
      mine = rows(tick).find((r) => r.pid === process.pid)?.net;
      if (mine && mine.transmitBytes >= 300_000 && mine.receiveBytes >= 300_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Both ends are this process: what one end sent the other received (the kernel counts a SYN as one byte acked).
    expect(mine!.transmitBytes).toBeGreaterThanOrEqual(300_000);
    expect(mine!.transmitBytes).toBeLessThanOrEqual(300_002);
    expect(mine!.receiveBytes).toBeGreaterThanOrEqual(300_000);
    expect(mine!.receiveBytes).toBeLessThanOrEqual(300_002);
    expect(mine!.sockets).toBeGreaterThanOrEqual(3); // listener, client, accepted
  });
});
