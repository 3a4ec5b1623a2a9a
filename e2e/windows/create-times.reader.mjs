// Run by create-time-wine.spec.ts in node.exe under Wine: reads the process
// table, and every pid as a Process, as fast as it can until the stop file
// appears (the ready file says the first round is done), then writes what it
// saw to the out file. Wine paths in argv.
import fs from 'node:fs';
import * as c from '../../native/dist/index.js';

const [out, stop, ready] = process.argv.slice(2);
const startedAt = Date.now() / 1000;
const boot = await c.bootTime();
// Every create time that is not between boot and now (2 s of slack for the two clocks' rounding).
const bad = [];
const check = (source, pid, name, createTime) => {
  if (!(createTime >= boot - 2 && createTime <= Date.now() / 1000 + 2)) bad.push({ source, pid, name, createTime });
};
// The processes started while it read (the burst), so that the spec knows the window was watched.
const newcomers = new Set();
let reads = 0;
while (!fs.existsSync(stop)) {
  const { rows } = await c.processTable();
  reads++;
  for (const r of rows) {
    check('processTable', r.pid, r.name, r.createTime);
    if (r.createTime > startedAt) newcomers.add(`${r.pid} ${r.name}`);
  }
  for (const pid of await c.pids()) {
    try {
      const p = await c.Process.create(pid);
      check('Process', pid, null, await p.createTime());
    } catch (err) {
      if (err.code !== 'NO_SUCH_PROCESS' && err.code !== 'ACCESS_DENIED') bad.push({ source: 'Process', pid, error: `${err.code}: ${err.message}` });
    }
  }
  if (reads === 1) fs.writeFileSync(ready, '');
}
fs.writeFileSync(out, JSON.stringify({ boot, reads, bad, newcomers: [...newcomers] }));
