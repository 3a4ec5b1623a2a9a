import { expect, test } from '@playwright/test';
import path from 'node:path';
import { electronBinary, launchProcyon, removeProfile, type Launched } from '../support/electron-binary';
import { REPO } from '../support/serve';

// Electron's main when the native addon cannot load: the window opens and
// shows what is wrong (the same page e2e/browser/addon-missing.spec.ts checks in serve mode).

const binary = electronBinary();
test.skip('missing' in binary, 'Electron binary not available on this machine (e2e/electron/binary.setup.ts says why)');

const MISSING = '/nonexistent/procyon_collector.node';
let launched: Launched | undefined;
test.beforeAll(async () => {
  launched = await launchProcyon({ PROCYON_ADDON_PATH: MISSING });
});
test.afterAll(async () => {
  await launched?.close();
  if (launched) removeProfile(launched.userData);
});

test('the window says the collector could not load, and why', async () => {
  const win = await launched!.app.firstWindow();
  const notice = win.getByTestId('collector-unavailable');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText(`there is no native addon at ${MISSING} (named by PROCYON_ADDON_PATH)`);
  await win.screenshot({ path: path.join(REPO, 'e2e', 'artifacts', 'electron-addon-missing.png') });
});
