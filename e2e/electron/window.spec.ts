import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import { OPERATIONS } from '../../app/shared/channels';
import { electronBinary } from '../support/electron-binary';
import { REPO } from '../support/serve';

const binary = electronBinary();
if ('missing' in binary) {
  // Said once, here, rather than per test.
  console.log(`[electron suite] skipped: ${binary.missing}. The browser suite covers the renderer against the real backend.`);
}
test.skip('missing' in binary, 'Electron binary not available on this machine');

let app: ElectronApplication;
test.beforeAll(async () => {
  if ('missing' in binary) return;
  app = await electron.launch({ executablePath: binary.path, args: [path.join(REPO, 'dist', 'main', 'electron.js')], cwd: REPO });
});
test.afterAll(async () => {
  await app?.close();
});

test('one hardened window with the live dashboard', async () => {
  const win = await app.firstWindow();
  await expect(win.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
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

test('navigation away and window.open are denied', async () => {
  const win = await app.firstWindow();
  const before = win.url();
  await win.evaluate(() => {
    window.open('https://example.com');
    location.href = 'https://example.com';
  });
  await win.waitForTimeout(500);
  expect(win.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});
