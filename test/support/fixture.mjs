// The captured /proc and /sys trees of Prometheus procfs, vendored as the
// upstream ttar archive (test/fixtures/prometheus-procfs) and unpacked once per
// test run into a temporary folder, so no test reads anything outside the clone.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { unpackTtar } from './ttar.mjs';

export const FIXTURE_ARCHIVE = fileURLToPath(new URL('../fixtures/prometheus-procfs/fixtures.ttar', import.meta.url));
/** Set by the vitest globalSetup (fixture-setup.mjs) for every worker and child process of the run. */
export const FIXTURE_ENV = 'PROCYON_TEST_FIXTURE';

/** Unpacks the archive into a new temporary folder; `root` holds proc/ and sys/. */
export function unpackFixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-fixture-'));
  try {
    unpackTtar(FIXTURE_ARCHIVE, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { root: path.join(dir, 'fixtures'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The unpacked tree of this test run (proc/ and sys/ inside). */
export function fixtureRoot() {
  const root = process.env[FIXTURE_ENV];
  if (!root) throw new Error(`${FIXTURE_ENV} is not set: run the tests through vitest, whose globalSetup (test/support/fixture-setup.mjs) unpacks the fixture`);
  return root;
}
