import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { openPage, points, SCREENSHOTS } from '../support/dashboard';
import { visibleColumn } from '../support/processes';
import { REPO, startServe, type Served } from '../support/serve';

// Every page at the three window sizes a first week used (1440×900, 1024×700,
// 800×600), in both themes: `npm run screenshots` refreshes docs/screenshots/
// with them. Sensors and battery come from the laptop-shaped /sys fixture
// (this machine has neither); every other page is this machine, live.

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
] as const;
const FIXTURE_PAGES = new Set(['sensors', 'battery']);

let live: Served;
let laptop: Served;
let keepers: BrowserContext[] = [];
test.beforeAll(async ({ browser }) => {
  live = await startServe(['--interval', '500']);
  laptop = await startServe(['--interval', '500', '--sysfs', path.join(REPO, 'e2e', 'fixtures', 'laptop', 'sys')]);
  // A client on each overview keeps every topic sampled, so each page's history is full when its picture is taken.
  for (const s of [live, laptop]) {
    const context = await browser.newContext();
    keepers.push(context);
    await openPage(await context.newPage(), s);
  }
});
test.afterAll(async () => {
  for (const k of keepers) await k.close();
  keepers = [];
  await live?.stop();
  await laptop?.stop();
});

async function shoot(page: Page, name: string) {
  // No hover tooltip in the picture, and the charts drawn at their final size.
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every page at 1440×900, 1024×700 and 800×600 (${scheme})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ colorScheme: scheme, viewport: SIZES[0] });
    // The last minute: these servers are seconds old, and a 5-minute axis would be mostly empty.
    await context.addInitScript(() => localStorage.setItem('procyon.settings', JSON.stringify({ range: '1m' })));
    const page = await context.newPage();
    try {
      await openPage(page, live);
      await expect.poll(() => points(page, 'cpu-chart'), { timeout: 60_000 }).toBeGreaterThan(60);
      const ids = await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace(/^#\/?/, '') || 'overview'));
      expect(ids.length).toBeGreaterThanOrEqual(11);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const id of ids) {
          const served = FIXTURE_PAGES.has(id) ? laptop : live;
          await openPage(page, served, `#/${id === 'overview' ? '' : id}`);
          await expect(page.locator('.page')).toHaveAttribute('data-page', id);
          // CPU % needs two readings of a process: wait for them, or every row reads "—".
          // (And rows at all: an empty list's first cell is no "—" either.)
          if (id === 'processes') await expect.poll(async () => (await visibleColumn(page, 'CPU %'))[0] ?? '', { timeout: 15_000 }).toMatch(/\d/);
          if (FIXTURE_PAGES.has(id)) await expect.poll(() => points(page, `${id === 'sensors' ? 'temperature' : 'battery'}-chart`), { timeout: 30_000 }).toBeGreaterThan(20);
          await shoot(page, `${id}-${size.width}x${size.height}-${scheme}`);
        }
      }
    } finally {
      await context.close();
    }
  });
}
