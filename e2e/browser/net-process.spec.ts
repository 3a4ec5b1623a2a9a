import { expect, test, type Locator, type Page } from '@playwright/test';
import net from 'node:net';
import path from 'node:path';
import { openPage, points, recordTopics, SCREENSHOTS } from '../support/dashboard';
import { findProcess, grid, row, visibleColumn } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// Network use per process on this machine (serve mode on the real /proc): the
// process table's network columns ask the host for it only while shown, sort,
// and the serve process (which sends this page its ticks over TCP) shows
// traffic; the details' Network tab lists its sockets with their bytes and
// charts its rates; the Network page's top talkers list a process's
// connections (this test's own loopback pair), whose sockets alone travel.

/** Pictures of the page (scrolled to `subject`) at the largest and smallest window sizes, both themes (docs/screenshots with `npm run screenshots`); back to 1440×900 light after. */
async function shots(page: Page, name: string, subject?: Locator) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [
      { width: 1440, height: 900 },
      { width: 800, height: 600 },
    ]) {
      await page.setViewportSize(size);
      // Its top just below the app's sticky bar.
      await subject?.evaluate((el: HTMLElement) => {
        el.style.scrollMarginTop = '64px';
        el.scrollIntoView({ block: 'start' });
      });
      await page.mouse.move(0, 0);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

let live: Served;
test.beforeEach(async ({ page }) => {
  // The last minute: this server is seconds old, and a 5-minute axis would draw its rates as one line at the edge.
  await page.addInitScript(() => localStorage.setItem('procyon.settings', JSON.stringify({ range: '1m' })));
});
test.beforeAll(async () => {
  live = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await live?.stop();
});

test('network columns and the details’ Network tab: read only while shown, the serve process’s own traffic', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const topics = recordTopics(page);
  const last = () => topics.at(-1) ?? [];
  await openPage(page, live, '#/processes');
  await expect.poll(() => last().includes('processes')).toBe(true);
  expect(last()).not.toContain('processNet');
  await expect(grid(page).getByRole('columnheader', { name: 'Net total' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Columns & options' }).click();
  await expect(page.getByTestId('network-columns-help')).toContainText('UDP (and so QUIC) has no byte counters');
  await page.getByRole('checkbox', { name: /^Network receive rate/ }).check();
  await page.getByRole('checkbox', { name: /^TCP bytes received \+ sent/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => last()).toContain('processNet');
  // Sorted by bytes since watched, largest first: the serve process has sent this page every tick since.
  const header = grid(page).getByRole('columnheader', { name: 'Net total' });
  await header.click();
  if ((await header.getAttribute('aria-sort')) !== 'descending') await header.click();
  const pid = live.child.pid!;
  await findProcess(page, 'node', pid);
  await expect.poll(async () => (await visibleColumn(page, 'Net total')).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Columns & options' }).click();
  await page.getByRole('checkbox', { name: /^Network receive rate/ }).uncheck();
  await page.getByRole('checkbox', { name: /^TCP bytes received \+ sent/ }).uncheck();
  await page.keyboard.press('Escape');
  await expect.poll(() => last()).not.toContain('processNet');

  // The details' Network tab: asks for the table's network use while open, and lists the serve process's listening socket.
  await row(page, pid).dblclick();
  const panel = page.getByRole('dialog', { name: new RegExp(`^Details of .* \\(${pid}\\)$`) });
  await panel.getByRole('tab', { name: 'Network' }).click();
  await expect.poll(() => last()).toContain('processNet');
  const port = new URL(live.origin).port;
  const sockets = panel.getByRole('table', { name: 'Sockets' });
  await expect(sockets.getByRole('row').filter({ hasText: `127.0.0.1:${port}` }).filter({ hasText: 'LISTEN' })).toHaveCount(1, { timeout: 15_000 });
  // Its TCP traffic since watched: the ticks it sent this page, so never nothing out.
  await expect(panel.getByTestId('network-tab')).toContainText(/Since watched.* in, \d+(\.\d+)? (B|KiB|MiB) out/);
  await expect(panel.getByTestId('network-tab')).not.toContainText(/in, 0 B out/, { timeout: 15_000 });
  await expect(panel.getByTestId('network-tab-help')).toContainText('other users’ processes');

  // The chart of its rates since the panel opened: a transfer from it (this test downloads the page's script
  // from it, again and again) shows as points with a send rate well above the ticks' own.
  const chart = panel.getByTestId('details-net-chart');
  const script = /<script[^>]+src="([^"]+)"/.exec(await (await fetch(live.origin)).text())![1]!;
  await expect
    .poll(
      async () => {
        for (let i = 0; i < 4; i++) await (await fetch(new URL(script, live.origin))).arrayBuffer();
        return Number(await chart.getAttribute('data-peak'));
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(100 * 1024);
  await expect.poll(() => points(page, 'details-net-chart')).toBeGreaterThanOrEqual(2);
  await expect(chart.locator('.recharts-area-curve').first()).toHaveAttribute('d', /\d/);
  await shots(page, 'processes-details-network');
  await panel.getByRole('tab', { name: 'General' }).click();
  await expect.poll(() => last()).not.toContain('processNet');
});

/** A loopback pair in this test's own process, the client sending `chunk` bytes every few ms until stopped. */
async function talker(chunk = 64 * 1024) {
  const server = net.createServer((s) => s.on('data', () => undefined)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  let sent = 0;
  let running = true;
  const pump = () => {
    if (!running) return;
    sent += chunk;
    if (client.write(Buffer.alloc(chunk))) setTimeout(pump, 10);
    else client.once('drain', () => setTimeout(pump, 10));
  };
  pump();
  return {
    port,
    sent: () => sent,
    stop() {
      running = false;
      client.destroy();
      server.close();
    },
  };
}

/** The snapshots the page receives (counted) and the pids of their processSockets. */
function recordSocketPids(page: Page): { pids: Set<number>; ticks: number } {
  const seen = { pids: new Set<number>(), ticks: 0 };
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => {
      try {
        const msg = JSON.parse(String(frame.payload)) as { type?: string; snapshot?: { processSockets?: { pid: number }[] } };
        if (msg.type === 'snapshot') seen.ticks++;
        for (const p of msg.snapshot?.processSockets ?? []) seen.pids.add(p.pid);
      } catch {
        /* not JSON: not ours */
      }
    });
  });
  return seen;
}

test('top talkers: a process opens onto its connections, addresses, state and bytes; only opened ones travel', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const pair = await talker();
  try {
    const received = recordSocketPids(page);
    await openPage(page, live, '#/network');
    const talkers = page.getByRole('table', { name: 'Top talkers' });
    await expect(page.getByTestId('top-talkers-help')).toContainText('UDP sockets (and so QUIC)');
    await expect(page.getByTestId('top-talkers-help')).toContainText('opened and closed between two ticks are lost');
    await expect(page.getByTestId('top-talkers-help')).toContainText('other users’ processes');
    // This test's process sends the most, so it is listed first, and the first is opened.
    const mine = talkers.locator(`tr[data-pid="${process.pid}"]`);
    await expect(mine).toHaveCount(1, { timeout: 20_000 });
    const toggle = mine.getByRole('button', { name: /connections of/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const connection = talkers
      .getByTestId('talker-socket')
      .filter({ hasText: `127.0.0.1:${pair.port}` })
      .filter({ hasText: 'ESTABLISHED' });
    // Two sockets of the pair name the port: the client's (remote) and the accepted one (local); each has its bytes.
    await expect(connection.first()).toBeVisible({ timeout: 20_000 });
    await expect(connection.filter({ hasText: /\d+(\.\d+)? (KiB|MiB|GiB) in · .* out/ }).first()).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => received.pids.has(process.pid)).toBe(true);
    await shots(page, 'network-talkers', page.getByRole('region', { name: 'Top talkers' }));
    // Only the opened processes' sockets travel: every pid received had its row opened.
    const opened = () =>
      talkers.locator('tr.talker').evaluateAll((rows) => rows.filter((r) => r.querySelector('button[aria-expanded="true"]')).map((r) => Number(r.getAttribute('data-pid'))));
    const openedOnce = new Set([...(await opened()), process.pid]);
    for (const pid of received.pids) expect([...openedOnce]).toContain(pid);
    // Every row closed: no socket travels any more (three ticks later, none carried any).
    const hide = talkers.getByRole('button', { name: /^Hide the connections of/ });
    while ((await hide.count()) > 0) await hide.first().click();
    await expect(talkers.getByTestId('talker-socket')).toHaveCount(0);
    await expect.poll(opened).toEqual([]);
    const since = received.ticks;
    await expect.poll(() => received.ticks, { timeout: 15_000 }).toBeGreaterThan(since + 1);
    received.pids.clear();
    const after = received.ticks;
    await expect.poll(() => received.ticks, { timeout: 15_000 }).toBeGreaterThan(after + 2);
    expect([...received.pids]).toEqual([]);
  } finally {
    pair.stop();
  }
});
