import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_MS } from '../../shared';
import { Collector } from './collector';
import { FIXTURE_PROC, FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { Sampler } from './sampler';

// A FIFO where /proc/stat, meminfo or a process's stat belongs used to hang
// the tick forever, and with it every later one. Now each is INVALID_FILE and
// the sampler goes on.

function mkfifo(file: string): void {
  rmSync(file, { force: true });
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${file}: ${r.stderr}`);
}

describe('Sampler over a tree holding FIFOs', () => {
  it('a FIFO /proc/stat or meminfo fails the tick with INVALID_FILE, and the ticks go on', async () => {
    const root = writableProcRoot();
    const stat = readFileSync(path.join(root.dir, 'stat'));
    mkfifo(path.join(root.dir, 'stat'));
    mkfifo(path.join(root.dir, 'meminfo'));
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { intervalMs: MIN_INTERVAL_MS });
    const errors: { code?: string; message?: string }[] = [];
    sampler.on('error', (e) => errors.push(e as { code?: string }));
    sampler.start();
    try {
      const deadline = Date.now() + 20_000;
      while (errors.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(errors.length).toBeGreaterThanOrEqual(3);
      expect(errors[0]).toMatchObject({ code: 'INVALID_FILE' });
    } finally {
      sampler.stop();
    }
    // Put the files back: the next tick reads them.
    rmSync(path.join(root.dir, 'stat'));
    writeFileSync(path.join(root.dir, 'stat'), stat);
    cpSync(path.join(FIXTURE_PROC, 'meminfo'), path.join(root.dir, 'meminfo'));
    expect((await sampler.tick())?.memory.total).toBeGreaterThan(0);
    rmSync(root.dir, { recursive: true, force: true });
  });

  it("a process whose stat is a FIFO is left out of the table; the tick completes", async () => {
    const root = writableProcRoot();
    for (const pid of ['26231', '584']) cpSync(path.join(FIXTURE_PROC, pid), path.join(root.dir, pid), { recursive: true, verbatimSymlinks: true });
    mkfifo(path.join(root.dir, '584', 'stat'));
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { topics: () => new Set(['processes']) });
    const snap = await sampler.tick();
    expect(snap?.processes?.map((r) => r.pid)).toEqual([26231]);
    rmSync(root.dir, { recursive: true, force: true });
  });
});
