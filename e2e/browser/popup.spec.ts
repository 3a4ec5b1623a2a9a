import { expect, test } from '@playwright/test';
import path from 'node:path';
import { openPage, recordTopics, SCREENSHOTS } from '../support/dashboard';
import { startServe, type Served } from '../support/serve';

// The tray popup's page (popup.html) against a real `procyon serve`, at the
// popup's size: the Overview tiles alone. In Electron it runs behind its own
// narrow preload (e2e/electron/tray.spec.ts); here it uses the WebSocket.

let served: Served;
test.beforeAll(async () => {
  served = await startServe();
});
test.afterAll(async () => {
  await served?.stop();
});

test('the popup shows the overview tiles, live, and nothing else of the app', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 560 });
  await openPage(page, served); // the tab keeps the token for popup.html
  const topics = recordTopics(page);
  await page.goto(`${served.origin}/popup.html`);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 15_000 });
  for (const title of ['CPU', 'Memory', 'Swap', 'Temperatures', 'Battery']) await expect(page.getByRole('region', { name: title, exact: true })).toBeVisible();
  await expect(page.getByTestId('cpu-chart')).not.toHaveAttribute('data-points', '0', { timeout: 15_000 });
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  // It asks for the overview's topics, not the process table.
  await expect.poll(() => topics.at(-1) ?? []).toContain('cpu');
  expect(topics.flat()).not.toContain('processes');
  // A tile click stays in the popup (there is no page to open here).
  await page.getByRole('link', { name: 'Memory details' }).click();
  expect(new URL(page.url()).hash).toBe('');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'tray-popup-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'tray-popup-dark.png') });
});
