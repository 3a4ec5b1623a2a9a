// Random and truncated /proc/[pid] files: every process call settles with a
// value or a ProcyonError, never a crash (the parsers will be fuzzed later;
// this is the cheap version).

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { collector, makeTree } from './helpers';

const { Process, ProcyonError } = collector;

const FILES = ['stat', 'status', 'statm', 'io', 'cmdline', 'environ', 'smaps', 'smaps_rollup', 'limits'];
const GOOD_STAT = '77 (x) S 1 77 77 0 -1 0 0 0 0 0 1 2 3 4 20 0 1 0 100 1000 10';

function mutate(text: string, seed: number): string | Uint8Array {
  switch (seed % 4) {
    case 0: return randomBytes(seed % 300);
    case 1: return text.slice(0, seed % (text.length + 1));
    case 2: return text.replace(/\d/g, () => String.fromCharCode(32 + (Math.random() * 90) | 0));
    default: return text + ')'.repeat(seed % 5) + '\0'.repeat(seed % 3);
  }
}

describe('garbage /proc/[pid] files', () => {
  it('100 random trees: every method settles with a value or a ProcyonError', async () => {
    for (let seed = 0; seed < 100; seed++) {
      const files: Record<string, string | Uint8Array> = { stat: 'cpu 1 2 3 4\nbtime 1000\n' };
      for (const f of FILES) files[`77/${f}`] = mutate(f === 'stat' ? GOOD_STAT : 'Name:\tx\nUid:\t1 2 3 4\nPss: 4 kB\nrchar: 1\n', seed + f.length);
      files['77/stat'] = seed % 2 ? GOOD_STAT : mutate(GOOD_STAT, seed);
      const tree = makeTree(files);
      try {
        let p: InstanceType<typeof Process> | undefined;
        try {
          p = await Process.create(77, { procfs: tree.dir });
        } catch (err) {
          expect(err).toBeInstanceOf(ProcyonError);
        }
        if (p) {
          const calls = [
            () => p!.asDict({ attrs: ['name', 'status', 'uids', 'memoryInfo', 'ioCounters', 'cmdline', 'environ', 'numCtxSwitches'] }),
            () => p!.memoryFullInfo(),
            () => p!.memoryMaps({ grouped: false }),
            () => p!.rlimit(7),
          ];
          for (const call of calls) {
            await call().catch((err: unknown) => expect(err).toBeInstanceOf(ProcyonError));
          }
        }
        const table = await collector.processTable({ procfs: tree.dir });
        expect(Array.isArray(table.rows)).toBe(true);
      } finally {
        tree.cleanup();
      }
    }
  });
});
