import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, winEnv, wineNode } from '../support/wine';

// A process that has just started has its creation time. Wine's wineserver
// lists a process launched from Unix (`wine prog`) a moment before it stamps
// its start time, which until then holds the server's allocation filler: the
// year 21086 on the Processes page. The collector leaves such a process out of
// its lists, and waits for the stamp when asked for that one pid. Here a
// node.exe reads the table and every pid as a Process in a loop while this
// test launches a burst of Wine processes from Unix; every create time it saw
// lies between boot time and now.

const scratch = mkdtempSync(path.join(os.tmpdir(), 'procyon-wine-ctime-'));
const children: ChildProcess[] = [];
const winPath = (p: string) => `Z:${p.replaceAll('/', '\\')}`;

test.afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map(exited));
  rmSync(scratch, { recursive: true, force: true });
});

test('processes launched in a burst: every create time between boot time and now, in the table and as a Process', async () => {
  test.setTimeout(180_000);
  const out = path.join(scratch, 'seen.json');
  const stop = path.join(scratch, 'stop');
  const ready = path.join(scratch, 'ready');
  const reader = wineNode(['e2e/windows/create-times.reader.mjs', winPath(out), winPath(stop), winPath(ready)], path.join(scratch, 'reader.txt'));
  children.push(reader);
  await expect.poll(() => existsSync(ready), { message: 'the reader has read once', timeout: 90_000 }).toBe(true);
  const env = { ...process.env, ...winEnv() };
  for (let round = 0; round < 3; round++) {
    const burst = Array.from({ length: 6 }, (_, i) =>
      spawn('wine', i % 2 ? ['cmd', '/c', 'exit'] : [env.PROCYON_WIN_NODE_EXE!, '-e', 'setTimeout(() => {}, 500)'], { env, stdio: 'ignore' }),
    );
    children.push(...burst);
    await Promise.all(burst.map(exited));
  }
  writeFileSync(stop, '');
  await exited(reader);
  expect(existsSync(out), readFileSync(path.join(scratch, 'reader.txt'), 'utf8')).toBe(true);
  const seen = JSON.parse(readFileSync(out, 'utf8')) as { reads: number; bad: unknown[]; newcomers: string[] };
  expect(seen.reads).toBeGreaterThan(1);
  // The burst was watched: processes started after the reader did are in what it read.
  expect(seen.newcomers.filter((n) => /cmd\.exe|node\.exe/i.test(n)).length).toBeGreaterThan(0);
  expect(seen.bad).toEqual([]);
});
