// The collector's public face (dist/) over the Windows addon the runner names
// in PROCYON_ADDON_PATH (build-win/, never the Linux build/).
if (process.platform !== 'win32') throw new Error('test-win runs in node.exe under Wine: npm run test:win');
export * from '../dist/index.js';
