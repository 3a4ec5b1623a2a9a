import { expect, test } from '@playwright/test';
import path from 'node:path';
import { textContrast } from '../support/dashboard';
import { REPO, startServe, type Served } from '../support/serve';

let served: Served;
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await served?.stop();
});

const SHOTS = path.join(REPO, 'e2e', 'artifacts');

test('the dashboard shows a live CPU chart that receives new points', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(served.url);
  // The token went from the address bar into the tab's sessionStorage; no cookie holds it.
  await expect.poll(() => page.url()).toBe(served.origin + '/');
  expect(await page.context().cookies()).toEqual([]);

  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  const chart = page.getByTestId('cpu-chart');
  await expect(chart).toBeVisible();
  const pointsNow = async () => Number(await chart.getAttribute('data-points'));
  await expect.poll(pointsNow, { timeout: 10_000 }).toBeGreaterThan(1);
  const before = await pointsNow();
  await expect.poll(pointsNow, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 3);

  await expect(page.getByRole('region', { name: 'Memory' })).toContainText('GiB');
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-light.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('dark theme is readable too', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(served.url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  await expect.poll(async () => Number(await page.getByTestId('cpu-chart').getAttribute('data-points')), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(page.getByRole('region', { name: 'Memory' })).toContainText('GiB');
  // The dark palette is the one in use, and the page is dark.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bodyLuminance = await page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  expect(bodyLuminance).toBeLessThan(0.2);
  // Headings, sidebar, tiles and their muted labels, the status: text against what it is drawn on, WCAG AA (4.5:1).
  const { checked, failing } = await textContrast(page, 'body *');
  expect(checked).toBeGreaterThan(20);
  expect(failing).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-dark.png'), fullPage: true });
  await context.close();
});

test('a page without the token, with a wrong one or an old ?token= link says the token is refused and what to do, and stops retrying', async ({ browser }) => {
  for (const url of [served.origin + '/', `${served.origin}/#token=not-the-token-0123456789`, `${served.origin}/?token=${served.token}`]) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(url);
    await expect(page.getByTestId('token-refused')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('token-refused')).toContainText('procyon serve');
    await expect(page.getByTestId('connection-status')).toHaveText('Token refused');
    expect(new URL(page.url()).search).toBe('');
    if (url.includes('?token=')) {
      await expect(page.getByTestId('token-refused')).toContainText('?token=');
      await page.screenshot({ path: path.join(SHOTS, 'token-refused.png') });
    }
    // Refused means no more attempts (a reconnect would come within a second or two).
    const attempts = sockets.length;
    await page.waitForTimeout(2500);
    expect(sockets.length).toBe(attempts);
    await context.close();
  }
});

test('the WebSocket and /metrics work under connect-src \'self\' with the token from the fragment', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(served.url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  const res = await page.request.get(`${served.origin}/metrics`, { headers: { authorization: `Bearer ${served.token}` } });
  expect(res.status()).toBe(200);
  expect(violations).toEqual([]);
});
