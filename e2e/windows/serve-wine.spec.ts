import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { visibleColumn } from '../support/processes';
import { exited, wineNode as startWineNode } from '../support/wine';

// `procyon serve` on Windows: the real node.exe under Wine runs the built app
// with the cross-built addon (native/build-win, which the collector finds on
// Windows by itself), and Debian's Chromium opens it like any browser. The
// overview is live, nothing reads as broken where Windows lacks a function,
// the process table lists Wine's processes, and a process this test started
// is terminated from the UI and is gone. The page speaks Windows, from what
// the host's collector reports: the Priority column names priority classes, the
// priority dialog offers them (one is set and read back by node.exe itself),
// terminate, kill, suspend and resume are offered without POSIX signal names and
// without Send signal, and the I/O priority dialog offers Windows' levels. /metrics speaks
// windows_exporter (windows_* families with this machine's values, no node_*).
// `npm run test:win` runs it after the Windows setup and build (scripts/test.mjs:
// the Windows stage).

const scratch = mkdtempSync(path.join(os.tmpdir(), 'procyon-wine-serve-'));
const children: ChildProcess[] = [];

/** node.exe under Wine (e2e/support/wine.ts), each one stopped when the spec ends. */
function wineNode(args: string[], log: string): ChildProcess {
  const child = startWineNode(args, log);
  children.push(child);
  return child;
}

test.afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map(exited));
  rmSync(scratch, { recursive: true, force: true });
});

/** The priority node.exe itself reads for `pid` (os.getPriority: libuv's GetPriorityClass, mapped to its PRIORITY_* numbers). */
async function windowsPriority(pid: number): Promise<number> {
  const log = path.join(scratch, `priority-${pid}.txt`);
  const reader = wineNode(['-e', `process.stdout.write(String(require('os').getPriority(${pid})))`], log);
  await exited(reader);
  const text = readFileSync(log, 'utf8');
  const value = /^(-?\d+)\s*$/m.exec(text)?.[1];
  if (value === undefined) throw new Error(`node.exe said no priority for ${pid}: ${JSON.stringify(text.slice(0, 500))}`);
  return Number(value);
}

test('serve under Wine: live overview, nothing broken where Windows lacks a function, Windows priorities, and a process terminated from the UI', async ({ page }) => {
  test.setTimeout(240_000);
  const serveLog = path.join(scratch, 'serve.txt');
  wineNode(['bin/procyon.js', 'serve', '--port', '0', '--no-settings'], serveLog);
  let url = '';
  await expect
    .poll(() => (url = (existsSync(serveLog) ? /(http:\/\/\S+#token=\S+)/.exec(readFileSync(serveLog, 'utf8'))?.[1] : undefined) ?? ''), {
      message: 'procyon serve under Wine prints its URL',
      timeout: 90_000,
    })
    .not.toBe('');

  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
  await expect(page.getByText(/^Windows/).first()).toBeVisible();
  await expect.poll(() => chartPoints(page, 'cpu-chart'), { timeout: 30_000 }).toBeGreaterThan(1);
  await page.screenshot({ path: test.info().outputPath('windows-overview.png') });
  // What Windows has no reader for yet is said once, as a fact, not a read error every tick.
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The memory card speaks psutil's Windows virtual_memory (total, available, percent, used, free): no buffers or cached.
  await expect(page.getByRole('region', { name: 'Memory', exact: true }).locator('.perf-legend li')).toHaveText(['used', 'free']);
  for (const pageName of ['CPU', 'Memory', 'Disks', 'Network']) {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: pageName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: pageName })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`windows-${pageName.toLowerCase()}-${scheme}.png`), fullPage: true });
    }
    if (pageName === 'Memory') {
      // Nothing Linux-shaped: the composition, its bar and the figures hold only what Windows reads.
      const panel = page.getByTestId('memory-panel');
      await expect(panel.getByRole('img', { name: /^Memory composition:/ })).toHaveAttribute('aria-label', /^Memory composition: used [^,]+, free [^,]+$/);
      await expect(panel.locator('.stat-label').filter({ hasText: /^(buffers|cached|shared)$/ })).toHaveCount(0);
      await expect(panel.locator('.stat-row').filter({ hasText: /^used/ })).toHaveAttribute('title', /total − available/);
    }
    if (pageName === 'Network') {
      // Connections: Windows' kinds, no unix sockets to ask for.
      const kinds = page.getByRole('region', { name: 'Connections' }).getByRole('combobox', { name: 'Kind' });
      await expect(kinds.locator('option')).toHaveText(['inet', 'inet4', 'inet6', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'all']);
    }
  }

  await windowsMetrics(url);

  // A process of the test's own, found by the marker in its command line.
  const marker = `procyon-wine-target-${process.pid}`;
  const target = wineNode(['-e', 'setInterval(() => {}, 1000)', marker], path.join(scratch, 'target.txt'));
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Processes', exact: true }).click();
  await expect(page.getByTestId('process-table')).toBeVisible();
  await expect(page.getByTestId('process-table').locator('[role="row"][data-pid]').first()).toBeVisible({ timeout: 30_000 });
  // Every process's priority by class name (NORMAL_PRIORITY_CLASS is 32), or unknown where Wine denies the handle: never a number.
  // The column is Priority, not Nice: the host's priority is a class.
  const headers = page.getByTestId('process-table').getByRole('columnheader');
  await expect(headers.filter({ hasText: /^Priority/ })).toHaveCount(1);
  await expect(headers.filter({ hasText: /^Nice/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Hide kernel processes' })).toBeVisible();
  await expect.poll(() => visibleColumn(page, 'Priority')).toContain('Normal');
  expect((await visibleColumn(page, 'Priority')).filter((t) => !['Idle', 'Below normal', 'Normal', 'Above normal', 'High', 'Realtime', '—'].includes(t))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('windows-processes.png') });
  // Wine's own processes are there (its services host runs beside every prefix).
  await page.getByRole('searchbox', { name: 'Search processes' }).fill('services.exe');
  await expect(page.getByTestId('process-table').locator('[role="row"][data-pid]').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search processes' }).fill(marker);
  const row = page.getByTestId('process-table').locator('[role="row"][data-pid]');
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toContainText('node.exe');
  const pid = await row.getAttribute('data-pid');
  // "My processes" knows the host's user as the rows name it (DOMAIN\name on Windows): the test's own process stays.
  await page.getByRole('checkbox', { name: 'My processes' }).check();
  await expect(row).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'My processes' }).uncheck();

  // Windows' priority classes, offered and set; what Windows lacks is not offered.
  const toolbar = page.getByRole('toolbar', { name: 'Process actions' });
  await expect(toolbar.getByRole('button', { name: 'Change priority…' })).toBeVisible();
  await expect.poll(() => visibleColumn(page, 'Priority')).toEqual(['Normal']);
  await row.click();
  // The toolbar acts on the selection: the dialog below must be this process's, not another row's
  // (its preselected level comes from the selected process's details).
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-pid][aria-selected="true"]')).toHaveCount(1);
  // I/O priority: Windows' levels, one choice, no Linux class or level slider (Wine has no
  // ProcessIoPriority to set, so nothing is applied here; test-win says so).
  await toolbar.getByRole('button', { name: 'I/O priority…' }).click();
  const io = page.getByRole('dialog', { name: 'I/O priority' });
  const levels = io.getByRole('combobox', { name: 'I/O priority' });
  await expect(levels.locator('option')).toHaveText(['very low', 'low', 'normal', 'high']);
  await expect(levels.locator('option:checked')).toHaveText('normal');
  await expect(io.getByRole('slider')).toHaveCount(0);
  await io.getByRole('button', { name: 'Cancel' }).click();
  // What Windows has: terminate, kill, suspend, resume (no POSIX signal named, no Send signal: its SIGTERM and SIGKILL are Terminate and Kill).
  await expect(toolbar.getByRole('button', { name: 'Send signal…' })).toHaveCount(0);
  for (const name of ['Terminate', 'Kill', 'Suspend', 'Resume', 'Kill tree']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Terminate', exact: true })).not.toHaveAttribute('title', /SIG/);
  // The details panel, in the host's words.
  await row.click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: `Details of node.exe (${pid})` });
  await expect(details.getByTestId('detail-cmdline')).toContainText(marker);
  // What Windows has no such thing as is left out, not shown as undefined or failing (psutil has no uids, gids or terminal there).
  for (const name of ['UIDs', 'GIDs', 'Terminal']) await expect(details.getByText(name, { exact: true })).toHaveCount(0);
  await expect(details.getByText(/undefined|not supported here/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('windows-details.png') });
  await details.getByRole('tab', { name: 'Resources' }).click();
  await expect(details.getByText('Priority', { exact: true })).toBeVisible();
  // Memory: memory_info's fields (Wine's QueryWorkingSet fails, so uss is said to be unavailable), not an error for the section.
  const memory = details.getByRole('region', { name: 'Memory', exact: true });
  await expect(memory.locator('[data-psutil="rss"]')).toBeVisible();
  await expect(memory.locator('[data-psutil="vms"]')).toBeVisible();
  await expect(memory.locator('[data-psutil="uss"]')).toBeVisible();
  await expect(memory.getByText(/unavailable|access denied/)).toHaveCount(1);
  // Windows' I/O counters take in every read and write, not the disks' alone.
  await expect(details.getByRole('heading', { name: 'I/O, all devices' })).toBeVisible();
  await expect(details.getByText('Read from storage')).toHaveCount(0);
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`windows-details-resources-${scheme}.png`) });
  }
  await details.getByRole('tab', { name: 'General' }).click();
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`windows-details-general-${scheme}.png`) });
  }
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Change priority…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change priority' });
  const classes = dialog.getByRole('combobox', { name: 'Priority class' });
  await expect(classes.locator('option')).toHaveText(['Idle', 'Below normal', 'Normal', 'Above normal', 'High', 'Realtime']);
  await expect(classes.locator('option:checked')).toHaveText('Normal');
  await page.screenshot({ path: test.info().outputPath('windows-priority-dialog.png') });
  await classes.selectOption({ label: 'Below normal' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('action-report')).toContainText('Set priority to Below normal');
  await expect.poll(() => visibleColumn(page, 'Priority'), { timeout: 30_000 }).toEqual(['Below normal']);
  // From outside: node.exe's own reading (libuv's PRIORITY_BELOW_NORMAL is 10).
  expect(await windowsPriority(Number(pid))).toBe(10);
  // Suspend and resume reach the collector's own actions (no SIGSTOP here).
  await toolbar.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Suspend: node.exe (${pid}): done`);
  await toolbar.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Resume: node.exe (${pid}): done`);

  await row.click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Terminate' }).click();
  const confirm = page.getByRole('dialog', { name: /^Terminate/ });
  await expect(confirm).toContainText(String(pid));
  await confirm.getByRole('button', { name: 'Terminate' }).click();
  // Gone from Windows (Wine's node.exe exits, so its Linux-side process does) and from the table.
  await exited(target);
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
});

/** Samples of a Prometheus text exposition: name, labels, value. */
function samplesOf(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
      if (!m) throw new Error(`not a sample line: ${l}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

/**
 * /metrics of the Windows host, with the UI's token as the README says: windows_exporter's
 * families with values this machine agrees with (Wine passes the host's CPUs, memory, boot
 * time and interfaces through), and not one node_* family.
 */
async function windowsMetrics(url: string): Promise<void> {
  const token = decodeURIComponent(new URL(url).hash.replace(/^#token=/, ''));
  const res = await fetch(new URL('/metrics', url), { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  const families = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  expect([...families].filter((n) => n.startsWith('node_'))).toEqual([]);
  expect([...families].filter((n) => !/^(windows|procyon)_/.test(n))).toEqual([]);
  const samples = samplesOf(text);
  const of = (name: string) => samples.filter((x) => x.name === name);
  // One core label per CPU, "group,number", with windows_exporter's five modes; idle grows with uptime.
  const cpu = of('windows_cpu_time_total');
  expect(new Set(cpu.map((x) => x.labels.core)).size).toBe(os.cpus().length);
  expect(new Set(cpu.map((x) => x.labels.mode))).toEqual(new Set(['user', 'privileged', 'idle', 'interrupt', 'dpc']));
  expect(cpu.find((x) => x.labels.core === '0,0' && x.labels.mode === 'idle')!.value).toBeGreaterThan(0);
  expect(cpu.every((x) => x.value >= 0)).toBe(true);
  // Memory: Wine's is the host's (psutil's total = os.totalmem() within 1 MiB, as the Windows suite checks).
  const total = of('windows_memory_physical_total_bytes')[0]!.value;
  expect(Math.abs(total - os.totalmem())).toBeLessThan(1 << 20);
  const available = of('windows_memory_available_bytes')[0]!.value;
  expect(available).toBeGreaterThan(0);
  expect(available).toBeLessThanOrEqual(total);
  // Logical disks by drive letter: Wine's C: and Z: (the host's /).
  const sizes = of('windows_logical_disk_size_bytes');
  expect(sizes.map((x) => x.labels.volume).sort()).toEqual(expect.arrayContaining(['C:', 'Z:']));
  for (const x of sizes) expect(x.value, x.labels.volume).toBeGreaterThan(0);
  for (const x of of('windows_logical_disk_free_bytes')) expect(x.value).toBeLessThanOrEqual(sizes.find((s) => s.labels.volume === x.labels.volume)!.value);
  // NICs by the names the host's /proc/net/dev has; loopback has carried bytes by now.
  const nics = readFileSync('/proc/net/dev', 'utf8')
    .split('\n')
    .slice(2)
    .map((l) => l.split(':')[0]!.trim())
    .filter(Boolean);
  const received = of('windows_net_bytes_received_total');
  expect(received.map((x) => x.labels.nic).sort()).toEqual([...nics].sort());
  expect(received.every((x) => x.value >= 0)).toBe(true);
  expect(of('windows_net_bytes_sent_total').map((x) => x.labels.nic).sort()).toEqual([...nics].sort());
  // Boot time: the host's btime (±10 s: Wine's tick clock drifts a little from the kernel's).
  const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
  expect(Math.abs(of('windows_system_boot_time_timestamp')[0]!.value - btime)).toBeLessThan(10);
  expect(of('windows_system_processes')[0]!.value).toBeGreaterThan(0);
  expect(of('procyon_process_resident_memory_bytes').length).toBeGreaterThan(0);
}

async function chartPoints(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).first().getAttribute('data-points'));
}
