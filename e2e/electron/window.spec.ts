import { expect, test, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import { OPERATIONS } from '../../app/shared/channels';
import { electronBinary, launchProcyon, removeProfile, type Launched } from '../support/electron-binary';
import { REPO } from '../support/serve';

const binary = electronBinary();
test.skip('missing' in binary, 'Electron binary not available on this machine (e2e/electron/binary.setup.ts says why)');

let launched: Launched | undefined;
let app: ElectronApplication;
test.beforeAll(async () => {
  launched = await launchProcyon();
  app = launched.app;
});
test.afterAll(async () => {
  await launched?.close();
  if (launched) removeProfile(launched.userData);
});

test('one hardened window with the live dashboard, as the app Procyon', async () => {
  const win = await app.firstWindow();
  await expect(win.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  // Launched on the app folder: Electron read package.json, so the app is Procyon, not Electron's default app.
  expect(await app.evaluate(({ app: a }) => [a.getName(), a.getVersion()])).toEqual(['Procyon', '0.1.0']);
  // Sandboxed and context-isolated: the page's world has no Node, no Electron, no process.
  expect(await win.evaluate(() => [typeof (globalThis as { process?: unknown }).process, typeof (globalThis as { module?: unknown }).module])).toEqual([
    'undefined',
    'undefined',
  ]);
  // The page sees MonitorApi and nothing else of Node or Electron.
  expect(await win.evaluate(() => Object.keys((window as unknown as { procyon: object }).procyon).sort())).toEqual([...OPERATIONS, 'onSnapshot'].sort());
  expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await win.screenshot({ path: path.join(REPO, 'e2e', 'artifacts', 'electron-window.png') });
});

test('IPC validates arguments and keeps the error code', async () => {
  const win = await app.firstWindow();
  const code = await win.evaluate(async () => {
    try {
      await (window as unknown as { procyon: { getHistory(a: unknown): Promise<unknown> } }).procyon.getHistory({ seconds: 'x' });
      return 'no error';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  });
  // Errors cross contextBridge as plain Errors; the code survives in the unwrapped ApiError.
  expect(code).toBe('INVALID_ARGUMENT');
});

test('navigation away and window.open are denied; an https link goes to the system browser', async () => {
  const win = await app.firstWindow();
  const before = win.url();
  // The system browser is the one thing not to start on the test machine: main's shell.openExternal only records here.
  await app.evaluate(({ shell, BrowserWindow }) => {
    const g = globalThis as { e2eOpened?: string[]; e2eNavigations?: string[] };
    g.e2eOpened = [];
    g.e2eNavigations = [];
    shell.openExternal = (url: string) => {
      g.e2eOpened!.push(url);
      return Promise.resolve();
    };
    BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (_e, url) => g.e2eNavigations!.push(url));
  });
  await win.evaluate(() => {
    window.open('https://procyon.invalid/window-open');
    location.href = 'https://procyon.invalid/navigate';
  });
  await expect.poll(() => app.evaluate(() => (globalThis as { e2eOpened?: string[] }).e2eOpened)).toEqual(['https://procyon.invalid/window-open']);
  await expect.poll(() => app.evaluate(() => (globalThis as { e2eNavigations?: string[] }).e2eNavigations)).toEqual(['https://procyon.invalid/navigate']);
  expect(win.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});
