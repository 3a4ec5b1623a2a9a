import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { electronBinary, launchProcyon, removeProfile, type Launched } from '../support/electron-binary';
import { REPO } from '../support/serve';

// The tray, its popup, closing to the tray, the single-instance lock, alert
// notifications, crash reloads and the remembered window, in the real app.
// PROCYON_E2E=1 makes main publish what cannot be driven through a UI (the
// tray's state, the notifications shown) as globalThis.procyonE2e.

const binary = electronBinary();
test.skip('missing' in binary, 'Electron binary not available on this machine (e2e/electron/binary.setup.ts says why)');
test.describe.configure({ mode: 'serial' });

interface Hooks {
  trayView(): { tooltip: string; top: { pid: number; name: string }[] | null; paused: boolean } | null;
  trayMenu(): string[];
  togglePopup(): void;
  notifications: { title: string; body: string }[];
}

const E2E_ENV = { PROCYON_E2E: '1' };
// A profile of its own (settings, window state, the single-instance lock), kept across the relaunch below.
let launched: Launched | undefined;
let app: ElectronApplication;

async function launch(): Promise<void> {
  launched = await launchProcyon(E2E_ENV, launched?.userData);
  app = launched.app;
}

async function mainWindow(): Promise<Page> {
  const win = await app.firstWindow();
  await expect(win.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  return win;
}

test.beforeAll(async () => {
  await launch();
});
test.afterAll(async () => {
  await launched?.close();
  if (launched) removeProfile(launched.userData);
});

test('the tray shows live numbers, the top processes and its menu', async () => {
  await mainWindow();
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.trayView()?.tooltip ?? ''), { timeout: 15_000 }).toMatch(/^Procyon\nCPU \d+(\.\d)? %\nMemory /);
  // The process table is read for the menu within a couple of ticks, then every few seconds.
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.trayView()?.top?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
  const menu = await app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.trayMenu());
  expect(menu.slice(0, 2)).toEqual(['Show Procyon', 'Quick overview']);
  expect(menu).toContain('Top processes by CPU');
  expect(menu).toContain('Terminate…');
  expect(menu).toContain('Pause updates');
  expect(menu).toContain('Start at login');
  expect(menu.at(-1)).toBe('Quit Procyon');
});

test('the popup opens with the overview tiles behind a narrower preload', async () => {
  const opened = app.waitForEvent('window', (p) => p.url().endsWith('/popup.html'));
  await app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.togglePopup());
  const popup = await opened;
  await expect(popup.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByRole('region', { name: 'CPU', exact: true })).toBeVisible();
  expect(await popup.evaluate(() => Object.keys((window as unknown as { procyon: object }).procyon).sort())).toEqual(['getHistory', 'getInfo', 'getSnapshot', 'onSnapshot', 'setTopics']);
  expect(await popup.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await popup.screenshot({ path: path.join(REPO, 'e2e', 'artifacts', 'electron-popup.png') });
  await app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.togglePopup());
  await expect.poll(() => app.windows().filter((w) => w.url().endsWith('/popup.html')).length).toBe(0);
});

test('closing the window keeps Procyon in the tray, and a second launch brings the window back', async () => {
  await mainWindow();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/index.html'))?.close());
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([false]);
  // The tray keeps sampling while the window is gone.
  const before = await app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.trayView()?.tooltip);
  expect(before).toMatch(/^Procyon/);

  // A second launch with the same profile hands over to this one and exits. Playwright adds --no-sandbox to what it
  // launches on Linux; the second instance needs it too where the sandbox cannot start (as root, or Ubuntu ≥ 23.10).
  if ('missing' in binary) return;
  const second = spawn(binary.path, ['--no-sandbox', ...launched!.args], { cwd: REPO, env: { ...process.env, ...E2E_ENV }, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())), { timeout: 10_000 }).toEqual([true]);
});

test('a firing alert becomes a notification', async () => {
  const win = await mainWindow();
  // Linux shows notifications through libnotify (Debian: libnotify4) and a notification server; without them Electron says it cannot.
  const supported = await app.evaluate(({ Notification }) => Notification.isSupported());
  test.skip(!supported, 'Notification.isSupported() is false here: no libnotify or notification server');
  // CPU above 0 % for 0 s: fires on the next tick.
  await win.evaluate(() =>
    (window as unknown as { procyon: { updateSettings(p: unknown): Promise<unknown> } }).procyon.updateSettings({
      alertRules: [{ kind: 'cpu', id: 'e2e-cpu', enabled: true, forSeconds: 0, abovePercent: 0 }],
    }),
  );
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { procyonE2e: Hooks }).procyonE2e.notifications), { timeout: 15_000 })
    .toContainEqual(expect.objectContaining({ title: 'Procyon', body: expect.stringMatching(/CPU/) }));
  await win.evaluate(() => (window as unknown as { procyon: { updateSettings(p: unknown): Promise<unknown> } }).procyon.updateSettings({ alertRules: [] }));
});

test('the window comes back at the size it was left at', async () => {
  await mainWindow();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/index.html'))?.setBounds({ x: 40, y: 50, width: 1000, height: 700 }));
  // Saved half a second after the last move or resize.
  await expect.poll(() => { try { return JSON.parse(readFileSync(path.join(launched!.userData, 'window-state.json'), 'utf8')) as object; } catch { return null; } }, { timeout: 5000 }).toMatchObject({ width: 1000, height: 700 });
  await app.close();
  await launch();
  await mainWindow();
  const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/index.html'))?.getNormalBounds());
  expect(bounds).toMatchObject({ width: 1000, height: 700 });
});

// Last: Playwright marks a crashed page dead for good, and the reload keeps its target, so no Page is had for it again.
test('a crashed page reloads and goes live again', async () => {
  await mainWindow();
  const id = await app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('/index.html'))?.webContents;
    wc?.forcefullyCrashRenderer();
    return wc?.id;
  });
  expect(id).toBeDefined();
  // Main reloads it (render-process-gone); the reloaded page, asked through main (its Playwright Page is gone), goes live again.
  await expect
    .poll(
      () =>
        app.evaluate(async ({ webContents }, wcId) => {
          const wc = webContents.fromId(wcId!);
          if (!wc || wc.isCrashed() || wc.isLoading()) return '';
          return (await wc.executeJavaScript(`document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''`)) as string;
        }, id),
      { timeout: 30_000 },
    )
    .toBe('Live');
});
