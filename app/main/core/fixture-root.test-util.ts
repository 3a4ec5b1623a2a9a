import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

import { fixtureRoot } from '../../../test/support/fixture.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The captured procfs tree, unpacked for this run from test/fixtures/prometheus-procfs. */
export const FIXTURE = fixtureRoot();
export const FIXTURE_PROC = path.join(FIXTURE, 'proc');
export const FIXTURE_SYS = path.join(FIXTURE, 'sys');

/** A writable copy of the fixture's system files, so a test can move the counters between ticks; removed when the test ends (call it inside a test). */
export function writableProcRoot(extra: string[] = []): {
  dir: string;
  setStat(fn: (s: string) => string): void;
  edit(file: string, fn: (s: string) => string): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-proc-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['stat', 'meminfo', 'vmstat', 'cpuinfo', ...extra]) {
    try {
      cpSync(path.join(FIXTURE_PROC, f), path.join(dir, f));
    } catch {
      // vmstat is not in every capture; the collector treats it as absent (sin/sout 0).
    }
  }
  return {
    dir,
    setStat(fn) {
      this.edit('stat', fn);
    },
    edit(file, fn) {
      const p = path.join(dir, file);
      writeFileSync(p, fn(readFileSync(p, 'utf8')));
    },
  };
}
