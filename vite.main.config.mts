import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The privileged side: Electron's main process and the `procyon` CLI (serve,
// snapshot), as CommonJS for Node and Electron alike. The native addon, ws
// and Electron stay external: they are loaded from node_modules at run time.
export default defineConfig({
  define: { __PROCYON_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: true,
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        electron: 'app/main/electron/main.ts',
        cli: 'app/main/cli/index.ts',
      },
      external: ['electron', '@procyon/collector', 'ws', 'prom-client', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: ['zod'] },
});
