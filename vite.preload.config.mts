import { operationKinds } from './app/shared/operations';
import { defineConfig } from 'vite';

// A sandboxed preload may require only 'electron' (and a few polyfilled
// modules), so each is one self-contained CommonJS file, built on its own
// (one input per build: a shared chunk would be a require() the sandbox
// refuses). The default build is the main window's (all of MonitorApi);
// `--mode popup` builds the tray popup's (its few reads) beside it.
export default defineConfig(({ mode }) => {
  const popup = mode === 'popup';
  const input: Record<string, string> = popup ? { popup: 'app/preload/popup.ts' } : { preload: 'app/preload/index.ts' };
  return {
    // The operations' kinds, computed from the table here so the bundle carries no request schemas (operation-kinds.ts).
    define: { __PROCYON_OPERATION_KINDS__: JSON.stringify(operationKinds()) },
    build: {
      ssr: true,
      outDir: 'dist/preload',
      emptyOutDir: !popup,
      target: 'chrome130',
      sourcemap: false,
      minify: false,
      rollupOptions: {
        input,
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
    ssr: { noExternal: true },
  };
});
