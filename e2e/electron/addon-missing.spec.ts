import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import { electronBinary } from '../support/electron-binary';
import { REPO } from '../support/serve';

// Electron's main when the native addon cannot load: the window opens and
// shows what is wrong (the same page e2e/browser/addon-missing.spec.ts checks in serve mode).

const binary = electronBinary();
test.skip('missing' in binary, 'Electron binary not available on this machine');

const MISSING = '/nonexistent/procyon_collector.node';
let app: ElectronApplication;
test.beforeAll(async () => {
  if ('missing' in binary) return;
  app = await electron.launch({
    executablePath: binary.path,
    args: [path.join(REPO, 'dist', 'main', 'electron.js')],
    cwd: REPO,
    env: { ...process.env, PROCYON_ADDON_PATH: MISSING } as Record<string, string>,
  });
});
test.afterAll(async () => {
  await app?.close();
});

test('the window says the collector could not load, and why', async () => {
  const win = await app.firstWindow();
  const notice = win.getByTestId('collector-unavailable');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText(`there is no native addon at ${MISSING} (named by PROCYON_ADDON_PATH)`);
  await win.screenshot({ path: path.join(REPO, 'e2e', 'artifacts', 'electron-addon-missing.png') });
});
