import { test } from '@playwright/test';
import { DOWNLOAD_LIMIT_MS, downloadElectron, findElectron } from '../../scripts/start-electron.mjs';
import { ELECTRON_PACKAGE, electronBinary } from '../support/electron-binary';

// Since Electron 42 nothing downloads the binary at install: the Electron
// suite installs it first, as `npx install-electron --no` would, where the
// network allows; where it does not, the suite is skipped and says so here, once.

test('the Electron binary is installed', async () => {
  test.setTimeout(DOWNLOAD_LIMIT_MS + 30_000);
  const skipped = (why: string) => console.log(`[electron suite] skipped: ${why}. The browser suite covers the renderer against the real backend.`);
  if ('path' in findElectron(ELECTRON_PACKAGE)) {
    const usable = electronBinary();
    if ('missing' in usable) skipped(usable.missing);
    return;
  }
  const r = await downloadElectron(ELECTRON_PACKAGE, { echo: null });
  const after = electronBinary();
  if ('missing' in after) skipped(r.ok ? after.missing : `Electron's binary could not be downloaded: ${r.why}`);
});
