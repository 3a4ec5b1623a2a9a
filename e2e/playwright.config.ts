import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded one. The flags keep it from reaching
// for Google's services, which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  projects: [
    {
      name: 'browser',
      testMatch: /browser\/.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.PROCYON_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        viewport: { width: 1360, height: 900 },
      },
    },
    // Installs Electron's binary where the network allows; the suite skips itself where there is none. Anchored to
    // e2e/electron/: testMatch sees the absolute path, and a checkout in a folder named …electron would match the browser specs.
    { name: 'electron-binary', testMatch: /(^|\/)e2e\/electron\/binary\.setup\.ts$/ },
    { name: 'electron', testMatch: /(^|\/)e2e\/electron\/[^/]+\.spec\.ts$/, dependencies: ['electron-binary'] },
    // procyon serve in the real Windows node.exe under Wine: run by `npm run test:win` after its setup and build, not by test:e2e.
    {
      name: 'windows',
      testMatch: /(^|\/)e2e\/windows\/[^/]+\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.PROCYON_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        viewport: { width: 1360, height: 900 },
      },
    },
  ],
});
