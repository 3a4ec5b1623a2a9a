import { readFileSync } from 'node:fs';
import { operationKinds } from './app/shared/operations';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// App tests (core, server, CLI, shared, renderer logic). The native package has its own suite.
export default defineConfig({
  define: { __PROCYON_VERSION__: JSON.stringify(pkg.version), __PROCYON_OPERATION_KINDS__: JSON.stringify(operationKinds()) },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/fixture-setup.mjs'],
    // The soak measures memory after a full collection (global.gc), not whenever V8 last ran one.
    execArgv: ['--expose-gc'],
    testTimeout: 20_000,
  },
});
