import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collectProc } from '../core/process-details';
import { arrangePs, collectPs, formatPs } from './ps';

// `procyon ps --sort net` and `procyon proc`'s `net`, live: this process
// moves bytes over a loopback connection while they sample.

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

async function loopback(): Promise<{ client: net.Socket; port: number }> {
  const server = net.createServer((s) => s.on('data', () => undefined)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  open.push(() => {
    client.destroy();
    server.close();
  });
  return { client, port };
}

describe('procyon ps --sort net / proc --json net', () => {
  it('ps --sort net reads network rates over the sample and ranks by them; without it nothing of the network is read', async () => {
    const { client } = await loopback();
    const pump = setInterval(() => client.write(Buffer.alloc(64 * 1024)), 5);
    open.push(() => clearInterval(pump));
    const plain = await collectPs({}, 50);
    expect(plain.some((r) => 'net' in r)).toBe(false);
    let mine;
    for (let i = 0; i < 20 && !(mine?.net && mine.net > 0); i++) mine = (await collectPs({}, 300, { net: true })).find((r) => r.pid === process.pid);
    expect(mine!.net).toBeGreaterThan(0);
    const rows = arrangePs(await collectPs({}, 300, { net: true }), { sort: 'net', tree: false });
    const nets = rows.map((r) => r.row.net!);
    expect(nets).toEqual([...nets].sort((a, b) => b - a));
    expect(formatPs(rows.slice(0, 3)).split('\n')[0]).toContain('NET/s');
  });

  it("proc's `net` lists the process's sockets: the connection with its bytes", async () => {
    const { client, port } = await loopback();
    await new Promise<void>((resolve) => client.write(Buffer.alloc(100_000), () => resolve()));
    let sockets: { protocol: string; raddr: { port: number } | null; bytesSent: number | null }[] = [];
    for (let i = 0; i < 50; i++) {
      sockets = (await collectProc(process.pid, {})).net as typeof sockets;
      if (sockets.some((s) => s.raddr?.port === port && s.bytesSent! >= 100_000)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const connection = sockets.filter((s) => s.raddr?.port === port);
    expect(connection).toMatchObject([{ protocol: 'tcp' }]);
    // tcpi_bytes_acked counts the connecting side's SYN as one byte acknowledged.
    expect(connection[0]!.bytesSent! - 100_000).toBeGreaterThanOrEqual(0);
    expect(connection[0]!.bytesSent! - 100_000).toBeLessThanOrEqual(2);
  });
});
