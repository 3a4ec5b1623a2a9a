import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectProc } from './process-details';

// Process details (procyon proc, the details panel) against psutil.Process(pid).as_dict() for the same process.

const PSUTIL = `
import json, sys, psutil
d = psutil.Process(int(sys.argv[1])).as_dict()
print(json.dumps(d, default=lambda o: o._asdict() if hasattr(o, '_asdict') else str(o)))
`;

describe('procyon proc', () => {
  it('agrees with psutil.Process.as_dict() on every stable attribute', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore', env: { ...process.env, PROCYON_TEST: 'a=b\nc' } });
    try {
      // Until sleep has exec'd and settled (on a loaded machine it can still be
      // paging itself in, in D, when both sides look): then status is stable.
      const state = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
      for (let i = 0; i < 100 && !(state() === 'S' && readFileSync(`/proc/${child.pid}/comm`, 'utf8') === 'sleep\n'); i++) await new Promise((r) => setTimeout(r, 50));
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
