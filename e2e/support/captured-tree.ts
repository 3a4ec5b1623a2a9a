import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type Served } from './serve';

/** `procyon serve` over a copy of the vendored captured tree, changed by `edit` first. */
export interface CapturedHost {
  served: Served;
  stop(): Promise<void>;
}

/**
 * Copies the Prometheus procfs capture (its proc/ and sys/, symlinks kept) to a
 * scratch folder, lets `edit` add or remove what the spec needs, serves it, and
 * removes it all on stop().
 */
export async function serveCapturedTree(name: string, edit: (tree: { procfs: string; sysfs: string }) => void): Promise<CapturedHost> {
  // Imported at run time: Playwright's transform turns a static import of an .mjs into CommonJS it cannot run.
  const { unpackFixture } = await import('../../test/support/fixture.mjs');
  const fixture = unpackFixture();
  const scratch = mkdtempSync(path.join(os.tmpdir(), `procyon-e2e-${name}-`));
  const cleanup = () => {
    fixture.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const tree = { procfs: path.join(scratch, 'proc'), sysfs: path.join(scratch, 'sys') };
    cpSync(path.join(fixture.root, 'proc'), tree.procfs, { recursive: true, verbatimSymlinks: true });
    cpSync(path.join(fixture.root, 'sys'), tree.sysfs, { recursive: true, verbatimSymlinks: true });
    edit(tree);
    const served = await startServe(['--interval', '500', '--procfs', tree.procfs, '--sysfs', tree.sysfs]);
    return {
      served,
      async stop() {
        await served.stop();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}
