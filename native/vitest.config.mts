import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['../test/support/fixture-setup.mjs'],
    // Tests spawn node and python; give them room on a slow CI box.
    testTimeout: 30_000,
  },
});
