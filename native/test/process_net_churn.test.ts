// Churn, at the size issue 22 names: 500 short TCP connections a second for
// 20 s on loopback while a tracker reads every tick. No read throws, the
// reader's descriptors come back to what they were, and the addon's inode map
// stays bounded by what exists at each read (its pids and the sockets of that
// dump), however many sockets came and went. The peer counts what it
// completed, and the test fails if it made fewer than 90 % of the connections
// asked for: a machine too slow to churn would otherwise pass without churn.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';

import { until } from '../../test/support/until.mjs';
import { collector, PACKAGE_DIR } from './helpers';
import type { NetUsage } from '../lib/process_net';

const CHURN = path.join(PACKAGE_DIR, 'test', 'net_churn.child.mjs');
const RATE = 500;
const SECONDS = 20;
/** The sampler's default tick: how often a tracker reads in the host. */
const TICK_MS = 1000;
/**
 * Slack on the map bound: pids and sockets that came or went between the dump
 * and this test's count of them. Other work on a loaded machine (a bench with
 * 10,000 sockets beside it) moves more than a fixed number, so 5 % of what
 * exists on top of 64; a map that kept what the churn closed would be over by
 * tens of thousands (20,000 sockets open and close in the run).
 */
const slack = (exists: number): number => 64 + Math.ceil(0.05 * exists);

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const fds = (): number => readdirSync('/proc/self/fd').length;
const pidsNow = (): number => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;

/** The sockets a dump held (each inode once): every process's counted and uncounted ones, and other users'. */
function socketsOf(usage: NetUsage): number {
  let n = usage.otherUsers.sockets + usage.otherUsers.uncounted;
  for (const net of usage.processes.values()) n += net.sockets + net.uncounted;
  return n;
}

it(`${RATE} short TCP connections a second for ${SECONDS} s: no exception, no fd leak, the inode map bounded by what exists`, async () => {
  const tracker = new collector.NetUsageTracker(collector.resolveRoots());
  await tracker.all();
  const before = fds();

  const churn = spawn(process.execPath, [CHURN, String(RATE), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(churn);
  const lines = createInterface({ input: churn.stdout! })[Symbol.asyncIterator]();
  const first = (await lines.next()).value as string | undefined;
  expect(first).toMatch(/^port \d+$/);
  const result = lines.next().then(({ value }) => JSON.parse(String(value)) as { completed: number; failed: number; seconds: number });
  let done = false;
  void result.finally(() => (done = true)).catch(() => undefined);

  let reads = 0;
  let sawChurn = false;
  const overBound: string[] = [];
  while (!done) {
    const tick = new Promise((resolve) => setTimeout(resolve, TICK_MS));
    const usage = await tracker.all();
    reads++;
    sawChurn ||= usage.processes.has(churn.pid!);
    // The map holds each live pid once and each socket of this dump once; counted after the dump, so give slack for what came and went.
    const exists = pidsNow() + socketsOf(usage);
    const bound = exists + slack(exists);
    if (usage.mapEntries > bound) overBound.push(`read ${reads}: ${usage.mapEntries} entries > ${bound}`);
    await tick;
  }
  const { completed, failed, seconds } = await result;
  const achieved = completed / seconds;
  console.log(`churn: ${completed} connections completed (${failed} failed) in ${seconds.toFixed(1)} s: ${achieved.toFixed(0)}/s, ${reads} reads`);
  expect(completed, `achieved ${achieved.toFixed(0)} connections/s, asked for ${RATE}/s`).toBeGreaterThanOrEqual(0.9 * RATE * SECONDS);
  expect(reads).toBeGreaterThanOrEqual(SECONDS / 2);
  expect(sawChurn).toBe(true);
  expect(overBound).toEqual([]);

  // The peer has exited: its sockets leave the map, and this reader's descriptors are back to where they were.
  await until(() => churn.exitCode !== null, { timeout: 30_000, what: 'the churn peer to exit' });
  const after = await until(
    async () => {
      const usage = await tracker.all();
      return !usage.processes.has(churn.pid!) && usage;
    },
    { timeout: 30_000, what: "the churn peer's sockets to leave the dump" },
  );
  const existsAfter = pidsNow() + socketsOf(after);
  expect(after.mapEntries).toBeLessThanOrEqual(existsAfter + slack(existsAfter));
  await until(() => fds() <= before, { timeout: 30_000, what: () => `fds back to ${before} (now ${fds()})` });
}, 180_000);
