// A captured tree can hold anything: a FIFO where /proc/stat, meminfo or a
// process's stat belongs used to block a pool thread forever (and with it the
// call, the sampler, and the host's exit). Every read opens non-blocking and
// refuses what is not a regular file with INVALID_FILE naming the path.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIXTURE_ROOTS, collector } from './helpers';

const { cpuTimes, virtualMemory, Process, processTable, InvalidFile } = collector;

const FIXTURE_PID = 26231;
let tree: string;
/** Fixture copies: in `system`, /proc/stat and meminfo are FIFOs; in `perProcess`, only <pid>/stat is. */
let system: string;
let perProcess: string;

function mkfifo(file: string): void {
  rmSync(file, { force: true });
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${file}: ${r.stderr}`);
}

function copyWithFifos(name: string, fifos: string[]): string {
  const procfs = path.join(tree, name);
  for (const entry of ['stat', 'meminfo', String(FIXTURE_PID), '26232']) {
    cpSync(path.join(FIXTURE_ROOTS.procfs, entry), path.join(procfs, entry), { recursive: true, verbatimSymlinks: true });
  }
  for (const fifo of fifos) mkfifo(path.join(procfs, fifo));
  return procfs;
}

beforeAll(() => {
  tree = mkdtempSync(path.join(tmpdir(), 'procyon-fifo-'));
  system = copyWithFifos('system', ['stat', 'meminfo']);
  perProcess = copyWithFifos('per-process', [`${FIXTURE_PID}/stat`]);
});

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('a FIFO where a regular /proc file belongs', () => {
  it('cpuTimes rejects with INVALID_FILE naming <procfs>/stat', async () => {
    const err = await cpuTimes({ procfs: system }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidFile);
    expect(err).toMatchObject({ code: 'INVALID_FILE', path: path.join(system, 'stat') });
  });

  it('virtualMemory rejects with INVALID_FILE naming meminfo', async () => {
    await expect(virtualMemory({ procfs: system })).rejects.toMatchObject({ code: 'INVALID_FILE', path: path.join(system, 'meminfo') });
  });

  it("a process whose stat is a FIFO rejects with INVALID_FILE; the table leaves that row out and keeps the others", async () => {
    const procfs = perProcess;
    await expect(Process.create(FIXTURE_PID, { procfs })).rejects.toMatchObject({ code: 'INVALID_FILE', path: path.join(procfs, String(FIXTURE_PID), 'stat') });
    await expect((await Process.create(26232, { procfs })).name()).resolves.toEqual(expect.any(String));
    const table = await processTable({ procfs, fields: ['ppid', 'name'] });
    expect(table.rows.map((r) => r.pid)).toEqual([26232]);
  });

  it('the same calls on the live /proc are unaffected (procfs files are regular, size 0)', async () => {
    await expect(cpuTimes()).resolves.toMatchObject({ user: expect.any(Number) });
    await expect(virtualMemory()).resolves.toMatchObject({ total: expect.any(Number) });
    await expect((await Process.create(process.pid)).name()).resolves.toMatch(/node|vitest/);
  });
});
