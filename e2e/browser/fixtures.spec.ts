import { expect, test, type BrowserContext } from '@playwright/test';
import path from 'node:path';
import { REPO, startServe, type Served } from '../support/serve';
import { openPage, points } from '../support/dashboard';

// A laptop-shaped /sys (e2e/fixtures/laptop/sys): coretemp with a core over its
// high mark, an NVMe drive, ThinkPad fans, a discharging battery. CPU and
// memory still come from this machine's /proc.

const SYSFS = path.join(REPO, 'e2e', 'fixtures', 'laptop', 'sys');

let served: Served;
let keeper: BrowserContext;
test.beforeAll(async ({ browser }) => {
  served = await startServe(['--interval', '500', '--sysfs', SYSFS]);
  // A second client on the overview keeps every topic sampled for the whole
  // file, so the sensor and battery histories are full by screenshot time.
  keeper = await browser.newContext();
  await openPage(await keeper.newPage(), served);
});
test.afterAll(async () => {
  await keeper?.close();
  await served?.stop();
});

test('sensors: temperatures by chip with marks and heat, fans in RPM, °F on request', async ({ page }) => {
  await openPage(page, served, '#/sensors');
  const coretemp = page.getByRole('region', { name: 'Chip coretemp' });
  await expect(coretemp.getByRole('row')).toHaveCount(3);
  const core1 = coretemp.getByRole('row', { name: /Core 1/ });
  await expect(core1.getByTestId('temperature')).toHaveText('83 °C');
  await expect(core1).toHaveClass(/heat-hot/);
  await expect(core1).toContainText('high 80 °C');
  await expect(core1).toContainText('crit 100 °C');
  await expect(coretemp.getByRole('row', { name: /Core 0/ })).toHaveClass(/heat-ok/);
  await expect(page.getByRole('region', { name: 'Chip nvme' }).getByTestId('temperature')).toHaveText('39 °C');
  const fans = page.getByRole('region', { name: 'Fans thinkpad' });
  await expect(fans.getByRole('row').nth(0)).toHaveText(/^Fan\s*2,400 RPM$/);
  await expect(fans.getByRole('row').nth(1)).toHaveText(/^Fan 2\s*0 RPM$/);
  await expect.poll(() => points(page, 'temperature-chart')).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /Fahrenheit/ }).check();
  await page.keyboard.press('Escape');
  await expect(core1.getByTestId('temperature')).toHaveText('181 °F');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /Celsius/ }).check();
});

test('battery: percent, discharging, time left, and a charge history', async ({ page }) => {
  await openPage(page, served, '#/battery');
  await expect(page.getByTestId('battery-percent')).toHaveText('76%');
  await expect(page.getByTestId('battery-status')).toHaveText('Discharging');
  // energy_now / power_now = 38 Wh / 9.5 W.
  await expect(page.getByTestId('battery-time')).toHaveText('4 h 0 min');
  await expect.poll(() => points(page, 'battery-chart')).toBeGreaterThan(1);

  await page.goto(`${served.origin}/#/`);
  await expect(page.getByRole('region', { name: 'Temperatures' })).toContainText('83 °C');
  await expect(page.getByRole('region', { name: 'Battery' })).toContainText('76%');
  await expect(page.getByRole('region', { name: 'Battery' })).toContainText('On battery · 4 h 0 min');
});

// Sensors and battery pictures, from this fixture at three sizes and in both themes: screenshots.spec.ts.

