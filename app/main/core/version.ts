// Injected by the bundler (vite.main.config.ts, vitest.config.ts) from package.json,
// so the built app needs no package.json beside it at run time.
declare const __PROCYON_VERSION__: string;

export const VERSION: string = typeof __PROCYON_VERSION__ === 'string' ? __PROCYON_VERSION__ : '0.0.0-dev';
