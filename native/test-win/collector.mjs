// The collector's public face (dist/) over the Windows addon, which it finds
// in build-win/ on its own (never the Linux build/), as the installed app does.
if (process.platform !== 'win32') throw new Error('test-win runs in node.exe under Wine: npm run test:win');
export * from '../dist/index.js';
