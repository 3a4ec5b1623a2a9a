import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { untilSleeping } from './child.test-util';
import { collectProc } from './process-details';

// Process details (procyon proc, the details panel) against psutil.Process(pid).as_dict() for the same process.

const PSUTIL = `
import json, sys, psutil
d = psutil.Process(int(sys.argv[1])).as_dict()
print(json.dumps(d, default=lambda o: o._asdict() if hasattr(o, '_asdict') else str(o)))
`;

describe('procyon proc', () => {
  it('agrees with psutil.Process.as_dict() on every stable attribute', async () => {
    // A small environment: details cut one past PROCESS_TEXT_CUT_BYTES, and psutil's is whole.
    const child = spawn('sleep', ['30'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PROCYON_TEST: 'a=b\nc' } });
    try {
      // Status is compared too: read once sleep has exec'd and settled.
      await untilSleeping(child.pid!, 'sleep');
      const ours = await collectProc(child.pid!, {});
      const py = spawnSync('/usr/bin/python3', ['-c', PSUTIL, String(child.pid)], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
      const theirs = JSON.parse(py.stdout) as Record<string, unknown>;
      for (const [ourKey, theirKey] of [
        ['pid', 'pid'], ['ppid', 'ppid'], ['name', 'name'], ['exe', 'exe'], ['cmdline', 'cmdline'], ['status', 'status'],
        ['cwd', 'cwd'], ['username', 'username'], ['terminal', 'terminal'], ['nice', 'nice'], ['numThreads', 'num_threads'],
        ['numFds', 'num_fds'], ['cpuAffinity', 'cpu_affinity'], ['environ', 'environ'],
      ] as const) {
        expect(ours[ourKey], ourKey).toEqual(theirs[theirKey]);
      }
      // json.dumps writes psutil's namedtuples as arrays, in field order.
      expect(Object.values(ours.uids as object)).toEqual(theirs.uids);
      expect(Object.values(ours.gids as object)).toEqual(theirs.gids);
      expect(Math.abs((ours.createTime as number) - (theirs.create_time as number))).toBeLessThan(0.01);
      expect((ours.memoryInfo as { rss: number }).rss).toBe((theirs.memory_info as number[])[0]);
      expect((ours.environ as Record<string, string>).PROCYON_TEST).toBe('a=b\nc');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a pid that does not exist is NoSuchProcess', async () => {
    await expect(collectProc(4_000_000, {})).rejects.toMatchObject({ code: 'NO_SUCH_PROCESS' });
  });
});
