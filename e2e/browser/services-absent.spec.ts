import { expect, test } from '@playwright/test';
import { startServe, type Served } from '../support/serve';
import { nav, openPage, recordTopics } from '../support/dashboard';

// Windows services on a host whose collector has none (this Linux machine):
// the Services page is not offered at all, the sidebar and its shortcuts are
// what they were, and #/services typed by hand is the overview, reading the
// overview's topics. The page itself is tested under Wine (e2e/windows/services-wine.spec.ts).

let served: Served;
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await served?.stop();
});

test('no Services entry, no services topic, and #/services is the overview', async ({ page }) => {
  const topics = recordTopics(page);
  await openPage(page, served);
  await expect(nav(page, 'Processes')).toBeVisible();
  await expect(nav(page, 'Services')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link')).toHaveText([
    'Overview', 'CPU', 'Memory', 'Disks', 'Network', 'GPU', 'Sensors', 'Battery', 'Processes', 'Apps', 'System', 'Alerts', 'Settings',
  ]);
  // The shortcuts number the pages shown: Alt+9 is Processes, the ninth, with no Services entry taking a number.
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();

  await openPage(page, served, '#/services');
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Services' })).toHaveCount(0);
  expect(topics.flat()).not.toContain('services');
});
