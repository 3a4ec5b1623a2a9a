// pressureStall(): Linux's PSI files, over the captured fixture (exact
// values), this machine's /proc/pressure, and a tree whose kernel has none.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { collector, FIXTURE_ROOTS, makeTree } from './helpers';
import { until } from '../../test/support/until.mjs';

const line = (avg10: number, avg60: number, avg300: number, totalMicros: number) => ({ avg10, avg60, avg300, total: totalMicros / 1e6 });

describe('pressureStall()', () => {
  it('reads the fixture’s cpu, io and memory files exactly; irq, absent there, is null', async () => {
    // test/fixtures/prometheus-procfs: cpu has only `some`; io and memory both lines.
    const expected = {
      cpu: { some: line(0.1, 2, 3.85, 15), full: null },
      memory: { some: line(0.1, 2, 3.85, 15), full: line(0.2, 3, 4.95, 25) },
      io: { some: line(0.1, 2, 3.85, 15), full: line(0.2, 3, 4.95, 25) },
      irq: null,
    };
    expect(await collector.pressureStall(FIXTURE_ROOTS)).toEqual(expected);
    const snapshot = await collector.systemSnapshot({ ...FIXTURE_ROOTS, topics: ['pressureStall'] });
    expect(snapshot.pressureStall).toEqual(expected);
    expect(collector.capabilityReport(FIXTURE_ROOTS).find((c) => c.name === 'pressureStall')).toEqual({ name: 'pressureStall', available: true });
  });

  it.skipIf(!existsSync('/proc/pressure'))('matches /proc/pressure read directly on this machine', async () => {
    const parse = (text: string) => {
      const out: Record<string, ReturnType<typeof line>> = {};
      for (const l of text.trim().split('\n')) {
        const [kind, ...fields] = l.split(' ');
        const v = Object.fromEntries(fields.map((f) => f.split('='))) as Record<string, string>;
        out[kind!] = line(Number(v.avg10), Number(v.avg60), Number(v.avg300), Number(v.total));
      }
      return { some: out.some ?? null, full: out.full ?? null };
    };
    const direct = () =>
      Object.fromEntries(
        (['cpu', 'memory', 'io', 'irq'] as const).map((r) => {
          const file = `/proc/pressure/${r}`;
          return [r, existsSync(file) ? parse(readFileSync(file, 'utf8')) : null];
        }),
      );
    // The counters move while we read: retry until one collector read falls
    // between two direct reads that agree (totals of a busy machine grow by
    // the µs, so agreement means: same averages, totals bracketing ours).
    await until(async () => {
      const before = direct();
      const got = (await collector.pressureStall()) as unknown as Record<string, { some: ReturnType<typeof line> | null; full: ReturnType<typeof line> | null } | null>;
      const after = direct();
      for (const r of ['cpu', 'memory', 'io', 'irq']) {
        const [b, g, a] = [before[r], got[r], after[r]];
        if (b === null || a === null || g === null) {
          if (!(b === null && a === null && g === null)) return false;
          continue;
        }
        for (const kind of ['some', 'full'] as const) {
          const [bl, gl, al] = [b[kind], g[kind], a[kind]];
          if (bl === null || gl === null || al === null) {
            if (!(bl === null && gl === null && al === null)) return false;
            continue;
          }
          if (bl.avg10 !== al.avg10 || bl.avg60 !== al.avg60 || bl.avg300 !== al.avg300) return false;
          expect([gl.avg10, gl.avg60, gl.avg300]).toEqual([bl.avg10, bl.avg60, bl.avg300]);
          expect(gl.total).toBeGreaterThanOrEqual(bl.total);
          expect(gl.total).toBeLessThanOrEqual(al.total);
        }
      }
      return true;
    }, { timeout: 60_000 });
  });

  it('a kernel without PSI: capability false (missing file), the function and the topic NOT_FOUND, never a crash', async () => {
    const tree = makeTree({ 'proc/stat': 'cpu  1 2 3 4 5 6 7 8 9 10\nbtime 1700000000\n' });
    try {
      const roots = { procfs: path.join(tree.dir, 'proc'), sysfs: path.join(tree.dir, 'sys') };
      const dir = `${roots.procfs}/pressure`;
      expect(collector.capabilityReport(roots).find((c) => c.name === 'pressureStall')).toEqual({
        name: 'pressureStall',
        available: false,
        reason: 'missing-file',
        path: dir,
      });
      expect(collector.capabilities(roots).pressureStall).toBe(false);
      await expect(collector.pressureStall(roots)).rejects.toMatchObject({ name: 'NotFound', code: 'NOT_FOUND', path: dir });
      await expect(collector.pressureStall(roots)).rejects.toBeInstanceOf(collector.NotFound);
      const snapshot = await collector.systemSnapshot({ ...roots, topics: ['pressureStall', 'cpuTimes'] });
      expect(snapshot.pressureStall).toMatchObject({ error: { code: 'NOT_FOUND', path: dir } });
      expect(collector.isSnapshotError(snapshot.cpuTimes)).toBe(false);
    } finally {
      tree.cleanup();
    }
  });

  it('irq with only `full`, a line of a later kind skipped, a malformed line a ParseError naming its file', async () => {
    const tree = makeTree({
      'proc/pressure/irq': 'full avg10=1.50 avg60=0.25 avg300=0.00 total=2500000\n',
      'proc/pressure/cpu': 'some avg10=0.00 avg60=0.00 avg300=0.00 total=7 extra=1\nnewkind avg10=9\n',
      'proc/pressure/memory': '',
    });
    try {
      const roots = { procfs: path.join(tree.dir, 'proc'), sysfs: path.join(tree.dir, 'sys') };
      expect(await collector.pressureStall(roots)).toEqual({
        cpu: { some: line(0, 0, 0, 7), full: null },
        memory: { some: null, full: null },
        io: null,
        irq: { some: null, full: line(1.5, 0.25, 0, 2_500_000) },
      });
      for (const bad of ['some avg10=x avg60=0 avg300=0 total=0\n', 'some avg10=0 avg60=0 avg300=0\n', 'full avg10=-1 avg60=0 avg300=0 total=0\n', 'some avg10=0 avg60=0 avg300=0 total=-5\n']) {
        const broken = makeTree({ 'proc/pressure/io': bad });
        try {
          const procfs = path.join(broken.dir, 'proc');
          await expect(collector.pressureStall({ procfs, sysfs: path.join(broken.dir, 'sys') }), bad).rejects.toMatchObject({
            code: 'PARSE_ERROR',
            path: `${procfs}/pressure/io`,
          });
        } finally {
          broken.cleanup();
        }
      }
    } finally {
      tree.cleanup();
    }
  });
});
