// The host without any window or socket: startHost() and nothing else, as the
// tray leaves it (no topics: only the always-on CPU/memory/swap reads).
//   node sampler-alone.mjs HOST_BUNDLE
import { pathToFileURL } from 'node:url';

const { startHost } = await import(pathToFileURL(process.argv[2]).href);
const host = await startHost({ transport: 'electron', intervalMs: 1000 });
// The sampler's timer is unref'd (it must not keep a CLI alive); this one keeps the script up.
setInterval(() => {}, 1 << 30);
process.on('SIGTERM', () => {
  host.stop();
  process.exit(0);
});
