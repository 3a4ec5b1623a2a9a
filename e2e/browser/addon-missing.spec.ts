import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SCREENSHOTS } from '../support/dashboard';
import { startServe, type Served } from '../support/serve';

// The native addon cannot load (PROCYON_ADDON_PATH names a missing file): serve
// starts anyway, and the page says what is wrong instead of staying blank.

const MISSING = '/nonexistent/procyon_collector.node';
let served: Served;

test.beforeAll(async () => {
  // startServe spawns with this process's environment, read at spawn time.
  process.env.PROCYON_ADDON_PATH = MISSING;
  try {
    served = await startServe();
  } finally {
    delete process.env.PROCYON_ADDON_PATH;
  }
});
test.afterAll(async () => {
  await served?.stop();
});

test('the page explains that the collector could not load, with the loader’s reason', async ({ page }) => {
  await page.goto(served.url);
  const notice = page.getByTestId('collector-unavailable');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice.getByRole('heading')).toHaveText('Procyon’s collector could not start');
  await expect(notice).toContainText(`there is no native addon at ${MISSING} (named by PROCYON_ADDON_PATH)`);
  await expect(notice).toContainText('npm run build:native');
  // Nothing of the empty dashboard around it: no navigation to pages that cannot fill.
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'addon-missing.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'addon-missing-dark.png') });
});
