import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./app/renderer'),
  // Relative asset URLs: Electron loads the page from file://, serve mode from /.
  base: './',
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // Two pages: the app, and the tray's popup (the Overview tiles, behind its own narrow preload).
    rollupOptions: { input: { index: fromRoot('./app/renderer/index.html'), popup: fromRoot('./app/renderer/popup.html') } },
  },
  server: { strictPort: false },
});
