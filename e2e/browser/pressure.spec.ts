import { expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openPage, points, SCREENSHOTS } from '../support/dashboard';
import { serveCapturedTree, type CapturedHost } from '../support/captured-tree';
import { startServe, type Served } from '../support/serve';

// Pressure-stall information on the pages of its resources: this machine's
// (serve mode on the real /proc, which has /proc/pressure here), and a
// captured tree without /proc/pressure, where each page says why there is none.

const PAGES = [
  { hash: '#/cpu', resource: 'cpu', title: 'CPU pressure', legend: [] as string[] },
  { hash: '#/memory', resource: 'memory', title: 'Memory pressure', legend: ['Some', 'Full'] },
  { hash: '#/disks', resource: 'io', title: 'I/O pressure', legend: ['Some', 'Full'] },
] as const;

test.describe('this machine', () => {
  let live: Served;
  test.beforeAll(async () => {
    test.skip(!existsSync('/proc/pressure/cpu'), 'this kernel has no PSI');
    live = await startServe(['--interval', '500']);
  });
  test.afterAll(async () => {
    await live?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the CPU, Memory and Disks pages chart their resource's pressure (${scheme})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });
      await context.addInitScript(() => localStorage.setItem('procyon.settings', JSON.stringify({ range: '1m' })));
      const page = await context.newPage();
      try {
        for (const p of PAGES) {
          await openPage(page, live, p.hash);
          const chart = page.getByTestId(`pressure-${p.resource}-chart`);
          // A share needs two readings; a few points show the line.
          await expect.poll(() => points(page, `pressure-${p.resource}-chart`), { timeout: 30_000, message: p.title }).toBeGreaterThan(3);
          const card = page.locator('figure.chart-card', { has: chart });
          await expect(card.getByRole('heading', { name: p.title })).toBeVisible();
          await expect(card.locator('.chart-card-note')).toContainText('Share of time');
          await expect(card.locator('.chart-card-summary')).toHaveText(p.resource === 'cpu' ? /^some \d+\.\d%$/ : /^some \d+\.\d% · full \d+\.\d%$/);
          for (const name of p.legend) await expect(card.getByText(name, { exact: true })).toBeVisible();
          await expect(page.getByTestId(`pressure-${p.resource}-absent`)).toHaveCount(0);
          // The page's other topics too (pressure was already sampled for the previous page), then the whole page: the card is below the fold at 900 px on some.
          await expect(page.getByText('Waiting for the first reading…')).toHaveCount(0, { timeout: 15_000 });
          await page.mouse.move(0, 0);
          await page.screenshot({ path: path.join(SCREENSHOTS, `pressure-${p.resource}-1440x900-${scheme}.png`), fullPage: true });
        }
      } finally {
        await context.close();
      }
    });
  }
});

test.describe('a captured tree without /proc/pressure', () => {
  let host: CapturedHost;
  let served: Served;
  test.beforeAll(async () => {
    host = await serveCapturedTree('no-psi', ({ procfs }) => rmSync(path.join(procfs, 'pressure'), { recursive: true, force: true }));
    served = host.served;
  });
  test.afterAll(async () => {
    await host?.stop();
  });

  test('each page explains that the kernel reports no pressure stall, with no chart and no error', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    test.setTimeout(90_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const p of PAGES) {
      await openPage(page, served, p.hash);
      await expect(page.getByTestId(`pressure-${p.resource}-absent`)).toContainText('the captured tree has no /proc/pressure', { timeout: 15_000 });
      await expect(page.getByTestId(`pressure-${p.resource}-chart`)).toHaveCount(0);
      // (The capture lacks the files disk_partitions reads: the Disks page has that banner, and none about pressure.)
      await expect(page.getByRole('alert').filter({ hasText: 'pressure' }), p.hash).toHaveCount(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `pressure-${p.resource}-absent.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});
