// A systeminformation monitor at a 1 s refresh, for the steady-state section:
// the dashboard's calls each second and, with --table, processes().
import si from 'systeminformation';
import { siSystemTick } from './system.mjs';

const table = process.argv.includes('--table');
async function tick() {
  const t0 = Date.now();
  await siSystemTick();
  if (table) await si.processes();
  setTimeout(tick, Math.max(0, 1000 - (Date.now() - t0)));
}
void tick();
process.on('SIGTERM', () => process.exit(0));
