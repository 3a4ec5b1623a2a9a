import { defineConfig } from 'vite';

// A sandboxed preload may require only 'electron' (and a few polyfilled
// modules), so it is one self-contained CommonJS file.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { preload: 'app/preload/index.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
    },
  },
  ssr: { noExternal: true },
});
