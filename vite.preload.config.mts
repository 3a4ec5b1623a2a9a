import { defineConfig } from 'vite';

// A sandboxed preload may require only 'electron' (and a few polyfilled
// modules), so each is one self-contained CommonJS file: the main window's
// (all of MonitorApi) and the tray popup's (its few reads).
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { preload: 'app/preload/index.ts', popup: 'app/preload/popup.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
    },
  },
  ssr: { noExternal: true },
});
