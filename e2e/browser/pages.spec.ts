import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { startServe, type Served } from '../support/serve';
import { binaryBytes, collectorSnapshot, nav, openPage, points, recordTopics, unnamedControls } from '../support/dashboard';

// The dashboard's pages against this machine's live /proc: every number that
// can be compared with the collector is, within a tick.

let served: Served;
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await served?.stop();
});

const truth = collectorSnapshot();

test('overview has a tile per resource, and a tile opens its page', async ({ page }) => {
  await openPage(page, served);
  const tiles = page.locator('.tile');
  await expect(page.getByRole('region', { name: 'CPU' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Memory' })).toContainText(binaryBytes(truth.virtualMemory.total));
  // psutil's names: `used` (never total − available, which is what `percent` measures) and `available`.
  await expect(page.getByRole('region', { name: 'Memory' })).toContainText(/used \d[\d.]* [KMGT]iB of /);
  await expect(page.getByRole('region', { name: 'Memory' }).locator('[title^="percent = (total − available) / total; available "]')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Swap' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Temperatures' })).toContainText('No sensors on this machine');
  await expect(page.getByRole('region', { name: 'Battery' })).toContainText('No battery on this machine');
  // A tile per interface that is up or has carried traffic (an unused ifb0 would only be noise).
  const nics = Object.entries(truth.netIoCounters as Record<string, { bytesSent: number; bytesRecv: number }>)
    .filter(([name, c]) => truth.netIfStats[name]?.isup || c.bytesSent + c.bytesRecv > 0)
    .map(([name]) => name);
  for (const nic of nics) await expect(page.getByRole('region', { name: `Network ${nic}` })).toBeVisible();
  await expect(page.locator('.tile').filter({ hasText: /^Network / })).toHaveCount(nics.length);
  const busyDisk = Object.entries(truth.diskIoCounters as Record<string, { readBytes: number }>).find(([name, d]) => d.readBytes > 0 && /^[a-z]+$/.test(name));
  if (busyDisk) await expect(page.getByRole('region', { name: `Disk ${busyDisk[0]}` })).toBeVisible();
  expect(await tiles.count()).toBeGreaterThanOrEqual(5 + nics.length);
  await expect.poll(() => points(page, 'cpu-chart'), { timeout: 10_000 }).toBeGreaterThan(1);

  await page.getByRole('link', { name: 'Memory details' }).click();
  await expect(page).toHaveURL(/#\/memory$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Memory' })).toBeVisible();
  await expect(nav(page, 'Memory')).toHaveAttribute('aria-current', 'page');
});

test('keyboard: Alt+digit jumps to a page, arrow keys walk the sidebar', async ({ page }) => {
  await openPage(page, served);
  await page.keyboard.press('Alt+2');
  await expect(page).toHaveURL(/#\/cpu$/);
  await nav(page, 'CPU').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/#\/memory$/);
  await expect(nav(page, 'Memory')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/#\/$/);
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  // Every button, link and form control has an accessible name: checked once
  // each page shows its live content, so its controls are there to be checked.
  const ready: Record<string, () => Promise<void>> = {
    '#/': () => expect(page.getByRole('region', { name: 'Memory' })).toContainText('GiB'),
    '#/cpu': () => expect.poll(() => points(page, 'cpu-chart')).toBeGreaterThan(0),
    '#/network': () => expect(page.getByRole('region', { name: /^(Interface |Unused interfaces)/ }).first()).toBeVisible(),
  };
  for (const [hash, shown] of Object.entries(ready)) {
    await page.goto(`${served.origin}/${hash}`);
    await expect(page.locator('.page')).toHaveAttribute('data-page', hash.slice(2) || 'overview');
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
    await shown();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await unnamedControls(page), hash).toEqual([]);
  }
});

test('CPU page: counts, model, load average and charts from this machine', async ({ page }) => {
  await openPage(page, served, '#/cpu');
  const { logical, physical } = truth.cpuCount;
  await expect(page.getByTestId('cpu-counts')).toHaveText(`${physical} physical · ${logical} logical cores`);
  await expect(page.getByTestId('cpu-model')).toHaveText(os.cpus()[0]!.model.trim());
  await expect(page.getByRole('list', { name: 'Per-core usage' }).getByRole('listitem')).toHaveCount(logical);
  const load = page.getByTestId('loadavg');
  await expect(load).toBeVisible();
  expect(Math.abs(Number(await load.getAttribute('data-value')) - os.loadavg()[0]!)).toBeLessThan(0.5);
  await expect.poll(() => points(page, 'load-chart')).toBeGreaterThan(0);
  await expect.poll(() => points(page, 'events-chart')).toBeGreaterThan(0);
  const before = await points(page, 'cpu-chart');
  await expect.poll(() => points(page, 'cpu-chart'), { timeout: 5000 }).toBeGreaterThanOrEqual(before + 2);
  // Frequency: a chart when the kernel reports per-core MHz, otherwise says so.
  await expect(page.getByTestId('freq-chart').or(page.getByTestId('freq-not-reported'))).toBeVisible();

  await page.getByRole('checkbox', { name: /Stack charts by mode/ }).check();
  await expect(page.getByRole('heading', { name: 'CPU by mode' })).toBeVisible();
  await expect(page.getByTestId('cpu-chart').locator('.chart-legend')).toContainText('I/O wait');
  await page.getByRole('checkbox', { name: /Stack charts by mode/ }).uncheck();
});

test('memory, disks and system pages show the collector’s values', async ({ page }) => {
  await openPage(page, served, '#/memory');
  await expect(page.getByTestId('memory-total')).toHaveText(binaryBytes(truth.virtualMemory.total));
  const memory = page.getByTestId('memory-panel');
  await expect(memory).toContainText('percent = (total − available) / total');
  for (const name of ['used', 'available', 'free', 'shared']) await expect(memory.locator('.stat-label', { hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
  await expect.poll(() => points(page, 'composition-chart')).toBeGreaterThan(1);

  await page.goto(`${served.origin}/#/disks`);
  const partitions = page.getByRole('region', { name: 'Partitions' });
  const first = truth.diskPartitions[0];
  const row = partitions.getByRole('row').filter({ hasText: first.mountpoint }).filter({ hasText: first.device }).first();
  await expect(row).toContainText(first.fstype);
  await expect(row).toContainText(binaryBytes(truth.diskUsage[first.mountpoint].total));
  const busy = Object.entries(truth.diskIoCounters as Record<string, { readBytes: number }>).find(([name, d]) => d.readBytes > 0 && /^[a-z]+$/.test(name));
  if (busy) await expect.poll(() => points(page, `disk-throughput-${busy[0]}`)).toBeGreaterThan(0);

  await page.goto(`${served.origin}/#/system`);
  await expect(page.getByTestId('system-hostname')).toHaveText(os.hostname());
  await expect(page.getByTestId('system-kernel')).toContainText(os.release());
  await expect(page.getByTestId('system-uptime')).toHaveText(/\d+[dhms]/);
});

test('network page: interfaces with addresses, and a filterable connections table', async ({ page }) => {
  await openPage(page, served, '#/network');
  // Interfaces that carried traffic get a card with charts; the never-used ones share one table.
  for (const [nic, c] of Object.entries(truth.netIoCounters as Record<string, { bytesSent: number; bytesRecv: number }>)) {
    if (c.bytesSent + c.bytesRecv > 0) await expect(page.getByRole('region', { name: `Interface ${nic}` })).toBeVisible();
    else await expect(page.getByRole('region', { name: 'Unused interfaces' }).getByRole('row').filter({ hasText: nic })).toHaveCount(1);
  }
  const [nic, addrs] = Object.entries(truth.netIfAddrs as Record<string, { family: number; address: string }[]>).find(([, a]) => a.some((x) => x.family === 2))!;
  const region = page.getByRole('region', { name: `Interface ${nic}` });
  await expect(region).toContainText(addrs.find((a) => a.family === 2)!.address);
  await expect(region).toContainText(`MTU${truth.netIfStats[nic].mtu}`);
  await expect.poll(() => points(page, `nic-throughput-${nic}`)).toBeGreaterThan(0);
  // The sockets card (a declared metric): charted, and its TCP count holds at least the serve process's own listener.
  await expect.poll(() => points(page, 'sockets-chart')).toBeGreaterThan(0);
  await expect(page.locator('figure').filter({ has: page.getByTestId('sockets-chart') })).toContainText(/TCP [1-9][\d,]* · TIME_WAIT [\d,]+ · UDP [\d,]+/);

  // The serve process's own listening socket is a connection we know.
  const port = new URL(served.origin).port;
  await page.getByRole('textbox', { name: 'Port' }).fill(port);
  const table = page.getByTestId('connections-table');
  const listen = table.getByRole('row').filter({ hasText: 'LISTEN' });
  await expect(listen).toHaveCount(1, { timeout: 10_000 });
  await expect(listen).toContainText(`127.0.0.1:${port}`);
  await expect(listen).toContainText(String(served.child.pid));
  await page.getByRole('combobox', { name: 'State' }).selectOption('LISTEN');
  await page.getByRole('searchbox', { name: 'Process' }).fill('no-such-process');
  await expect(page.getByText('No connections match.')).toBeVisible();
});

test('network page: top talkers, the serve process among them (it sends this page its ticks over TCP), and what cannot be seen said', async ({ page }) => {
  await openPage(page, served, '#/network');
  const region = page.getByRole('region', { name: 'Top talkers' });
  await expect(region).toContainText('UDP sockets (and so QUIC) carry no byte counters');
  const row = page.getByTestId('top-talkers').getByRole('row').filter({ hasText: String(served.child.pid) });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  // Bytes since watched: the ticks sent to this page so far, never zero.
  await expect(row.getByRole('cell').nth(4)).not.toHaveText(/^0 B$/);
});

test('sensors and battery say this machine has none', async ({ page }) => {
  await openPage(page, served, '#/sensors');
  await expect(page.getByTestId('sensors-empty')).toContainText('This machine exposes no sensors');
  await page.goto(`${served.origin}/#/battery`);
  await expect(page.getByTestId('battery-empty')).toContainText('No battery');
});

test('the range switch changes what a chart spans', async ({ page }) => {
  await openPage(page, served, '#/cpu');
  const chart = page.getByTestId('cpu-chart');
  await expect(chart).toHaveAttribute('data-span', '300000');
  await page.getByRole('button', { name: 'Last minute' }).click();
  await expect(chart).toHaveAttribute('data-span', '60000');
  await expect(chart.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: '-10s' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Last hour' }).click();
  await expect(chart).toHaveAttribute('data-span', '3600000');
  await expect(chart.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: '-1h' })).toHaveCount(1);
  await expect.poll(() => points(page, 'cpu-chart')).toBeGreaterThan(1);
  // The choice survives a reload (localStorage).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Last hour' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Last 5 minutes' }).click();
  await expect(chart).toHaveAttribute('data-span', '300000');
});

test('pause freezes the view; ticks received meanwhile appear on resume', async ({ page }) => {
  await openPage(page, served);
  await expect.poll(() => points(page, 'cpu-chart')).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Pause updates' }).click();
  const frozen = await points(page, 'cpu-chart');
  await page.waitForTimeout(1500);
  expect(await points(page, 'cpu-chart')).toBe(frozen);
  await page.getByRole('button', { name: 'Resume updates' }).click();
  // Three ticks at 500 ms were kept while paused.
  expect(await points(page, 'cpu-chart')).toBeGreaterThanOrEqual(frozen + 2);
});

test('export: the snapshot as JSON and a chart as CSV', async ({ page }) => {
  await openPage(page, served, '#/cpu');
  await expect.poll(() => points(page, 'cpu-chart')).toBeGreaterThan(2);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export snapshot as JSON' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^procyon-snapshot-.*\.json$/);
  const snapshot = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(snapshot.memory.total).toBe(truth.virtualMemory.total);
  expect(snapshot.cpu.perCpu).toHaveLength(truth.cpuCount.logical);
  expect(typeof snapshot.seq).toBe('number');

  await page.getByRole('button', { name: 'Pause updates' }).click();
  const shown = await points(page, 'cpu-chart');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Total CPU as CSV' }).click()]);
  await page.getByRole('button', { name: 'Resume updates' }).click();
  expect(csv.suggestedFilename()).toMatch(/^total-cpu-.*\.csv$/);
  const lines = (await readFile((await csv.path())!, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('time,CPU (%)');
  expect(lines).toHaveLength(shown + 1);
  expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d+(\.\d+)?$/);
});

test('settings: bits per second, °F and the interval persist', async ({ page }) => {
  await openPage(page, served, '#/network');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /Bits per second/ }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Interface lo' })).toContainText('bit/s');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Interface lo' })).toContainText('bit/s');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /Bytes per second/ }).check();
  await page.getByRole('combobox', { name: 'Update interval' }).selectOption('1000');
  await expect(page.getByRole('list', { name: 'Host' })).toContainText('Tick 1 s');
  await page.getByRole('combobox', { name: 'Update interval' }).selectOption('500');
  await expect(page.getByRole('list', { name: 'Host' })).toContainText('Tick 500 ms');
  // Units stay in this browser; the interval is the host's (alerts.spec checks it survives a restart).
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('procyon.settings')))!);
  expect(stored).toMatchObject({ rateUnit: 'bytes' });
  expect(stored).not.toHaveProperty('intervalMs');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Host' })).toContainText('Tick 500 ms');
});

test('each page asks the host for exactly its topics, and none while hidden', async ({ page }) => {
  const topics = recordTopics(page);
  await openPage(page, served);
  await expect.poll(() => topics.at(-1)).toEqual(['cpu', 'disks', 'partitions', 'network', 'sensors', 'battery', 'gpus']);
  const expected: [string, string[]][] = [
    ['CPU', ['cpu', 'pressure']],
    ['Memory', ['pressure']],
    ['Disks', ['disks', 'partitions', 'pressure']],
    ['Network', ['network', 'processes', 'processNet', 'sockets']],
    ['GPU', ['gpus']],
    ['Sensors', ['sensors']],
    ['Battery', ['battery']],
    ['System', []],
  ];
  for (const [name, want] of expected) {
    await nav(page, name).click();
    await expect.poll(() => topics.at(-1)).toEqual(want);
  }
  await nav(page, 'CPU').click();
  await expect.poll(() => topics.at(-1)).toEqual(['cpu', 'pressure']);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => topics.at(-1)).toEqual([]);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => topics.at(-1)).toEqual(['cpu', 'pressure']);
});

// The pictures of every page, at three sizes and in both themes: screenshots.spec.ts.

