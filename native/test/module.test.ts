// The package as consumers load it: require() and ESM import from the repo root.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './helpers';

function node(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('package entry points', () => {
  it("require('@procyon/collector') works from the repo root", () => {
    const result = node([
      '-e',
      `const c = require('@procyon/collector');
       c.cpuTimes().then((t) => console.log(JSON.stringify({ keys: Object.keys(t), sync: typeof c.bootTimeSync() })));`,
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      keys: ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice'],
      sync: 'number',
    });
  });

  it("import { cpuTimes } from '@procyon/collector' works in plain Node ESM", () => {
    const result = node([
      '--input-type=module',
      '-e',
      `import { cpuTimes, bootTime, NotFound, ProcyonError } from '@procyon/collector';
       import * as all from '@procyon/collector';
       const t = await cpuTimes();
       const e = await bootTime({ procfs: '/nonexistent' }).catch((err) => err);
       console.log(JSON.stringify({ idle: t.idle > 0, notFound: e instanceof NotFound && e instanceof ProcyonError, named: Object.keys(all).includes('virtualMemory') }));`,
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ idle: true, notFound: true, named: true });
  });
});
