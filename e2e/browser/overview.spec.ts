import { expect, test } from '@playwright/test';
import { collectorSnapshot, openPage, points } from '../support/dashboard';
import { startServe, type Served } from '../support/serve';

// Issue 24, point 7: the overview is the page people leave open: a live chart
// per resource (CPU per core, memory composition, each disk, each interface),
// large, filling the window at each size a first week used.

let served: Served;
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await served?.stop();
});

const truth = collectorSnapshot();

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
]) {
  test(`at ${viewport.width}×${viewport.height} the overview's charts are large and fill the window`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    try {
      await openPage(page, served);
      await expect.poll(() => points(page, 'cpu-chart'), { timeout: 10_000 }).toBeGreaterThan(1);
      // A chart per logical CPU.
      await expect(page.getByRole('list', { name: 'Per-core usage' }).getByRole('listitem')).toHaveCount(truth.cpuCount.logical);
      // Memory composition: the stacked parts psutil reports.
      const memory = page.getByRole('region', { name: 'Memory' });
      for (const part of ['used', 'buffers', 'cached', 'free']) await expect(memory).toContainText(part);
      await expect(page.getByTestId('memory-chart')).toBeVisible();

      // Every card's chart is a real chart, not a 48 px sparkline, and each card is a good share of the window.
      const charts = await page.locator('.page [data-points]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const h of charts) expect(h).toBeGreaterThanOrEqual(90);
      const cpu = (await page.getByTestId('cpu-chart').boundingBox())!;
      expect(cpu.height * cpu.width).toBeGreaterThanOrEqual(0.1 * viewport.width * viewport.height);

      // Filling: the cards reach the bottom of the window (or beyond it), and span the page's width.
      const extent = await page.evaluate(() => {
        const cards = [...document.querySelectorAll('.page section')].map((s) => s.getBoundingClientRect());
        const main = document.querySelector('main')!.getBoundingClientRect();
        return { bottom: Math.max(...cards.map((c) => c.bottom)), right: Math.max(...cards.map((c) => c.right)), mainRight: main.right };
      });
      expect(extent.bottom).toBeGreaterThanOrEqual(viewport.height - 40);
      expect(extent.right).toBeGreaterThanOrEqual(extent.mainRight - 40);
    } finally {
      await context.close();
    }
  });
}

test('a card per disk with I/O and per interface in use, each named in full', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPage(page, served);
  const nics = Object.entries(truth.netIoCounters as Record<string, { bytesSent: number; bytesRecv: number }>)
    .filter(([name, c]) => truth.netIfStats[name]?.isup || c.bytesSent + c.bytesRecv > 0)
    .map(([name]) => name);
  for (const nic of nics) {
    const card = page.getByRole('region', { name: `Network ${nic}` });
    await expect(card.getByRole('heading')).toContainText(nic);
    await expect(card.locator('[data-points]')).toBeVisible();
    await expect(card).toContainText('Receive');
    await expect(card).toContainText('Send');
  }
  const busyDisk = Object.entries(truth.diskIoCounters as Record<string, { readBytes: number }>).find(([name, d]) => d.readBytes > 0 && /^[a-z]+$/.test(name));
  if (busyDisk) {
    const card = page.getByRole('region', { name: `Disk ${busyDisk[0]}` });
    await expect(card.locator('[data-points]')).toBeVisible();
    await expect(card).toContainText('Read');
    await expect(card).toContainText('Write');
  }
});
