// Real control groups for the live cgroup tests: made under this machine's v2
// mount (and, on hybrid hosts, the v1 memory hierarchy) with systemd-like
// names inside one slice of the test's own, filled with children the test
// starts, and removed afterwards (members killed first, deepest group first),
// whatever the test's outcome.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

import { cgroup1Mount, cgroup2Mount } from '../../test/support/cgroups.mjs';
import { until } from '../../test/support/until.mjs';

/** A mount of the cgroup filesystem (test/support's one reading of mountinfo): v2, or the v1 hierarchy of one controller. */
export function cgroupMount(controller?: string): string | null {
  return controller === undefined ? cgroup2Mount() : cgroup1Mount(controller);
}

/** Why the live tests cannot run here, or null when they can (root, a v2 mount we may make groups in). */
export function liveSkipReason(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root: making control groups needs it';
  const mount = cgroupMount();
  if (!mount) return 'no cgroup2 hierarchy is mounted';
  const probe = path.join(mount, `procyon-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(probe);
    rmdirSync(probe);
  } catch (error) {
    return `the v2 mount ${mount} is not writable here (${(error as Error).message})`;
  }
  return null;
}

export function readMembers(dir: string): number[] {
  try {
    return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A slice of the test's own under the v2 mount, and the groups and children made in it. */
export class CgroupSandbox {
  readonly mount: string;
  /** The slice's Cgroup.path ("/procyon-test-<random>.slice"). */
  readonly slice: string;
  private readonly dirs: string[] = [];
  private readonly children: ChildProcess[] = [];

  constructor() {
    const mount = cgroupMount();
    if (!mount) throw new Error('no cgroup2 mount');
    this.mount = mount;
    this.slice = `/procyon-test-${randomBytes(6).toString('hex')}.slice`;
    this.makeDir(path.join(mount, this.slice));
    // As systemd enables them for its slices: each controller the slice may hand to its groups (memory.max, pids.current...).
    const sliceDir = path.join(mount, this.slice);
    for (const controller of readFileSync(path.join(sliceDir, 'cgroup.controllers'), 'utf8').split(/\s+/).filter(Boolean)) {
      try {
        writeFileSync(path.join(sliceDir, 'cgroup.subtree_control'), `+${controller}`);
      } catch {
        // one the kernel will not enable here (a threaded-only controller): the groups go without it
      }
    }
  }

  private makeDir(dir: string): void {
    mkdirSync(dir);
    this.dirs.push(dir);
  }

  /** A group <slice>/<leaf> in the v2 hierarchy: its Cgroup.path. */
  group(leaf: string): string {
    const groupPath = `${this.slice}/${leaf}`;
    this.makeDir(this.dir(groupPath));
    return groupPath;
  }

  /** The v1 group of the same path in `controller`'s hierarchy (systemd's layout on hybrid hosts); its directory. */
  v1Group(controller: string, groupPath: string): string {
    const mount = cgroupMount(controller);
    if (!mount) throw new Error(`no v1 ${controller} hierarchy`);
    let dir = mount;
    for (const part of groupPath.split('/').filter(Boolean)) {
      dir = path.join(dir, part);
      if (!existsSync(dir)) this.makeDir(dir);
    }
    return dir;
  }

  dir(groupPath: string): string {
    return path.join(this.mount, groupPath);
  }

  /**
   * Starts `script` (sh -c) and moves it into each of `groups` (v2 Cgroup.paths or v1 directories) before it runs
   * the script: at once, or (go: false) once the test writes a line to its stdin.
   */
  async start(script: string, groups: string[], { go = true } = {}): Promise<ChildProcess> {
    // The shell waits for a line on stdin before running the script, so every byte of its work happens in the groups.
    const child = spawn('sh', ['-c', `read go; ${script}`], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.children.push(child);
    await until(() => child.pid !== undefined);
    for (const group of groups) {
      const dir = group.startsWith(`${this.slice}/`) ? this.dir(group) : group;
      writeFileSync(path.join(dir, 'cgroup.procs'), String(child.pid));
    }
    if (go) child.stdin!.write('go\n');
    return child;
  }

  /** Kills every member left (cgroup.kill, else SIGKILL by pid), then removes the groups, deepest first. */
  async cleanup(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const dir of [...this.dirs].reverse()) {
      if (!existsSync(dir)) continue;
      if (existsSync(path.join(dir, 'cgroup.freeze'))) writeFileSync(path.join(dir, 'cgroup.freeze'), '0');
      if (existsSync(path.join(dir, 'cgroup.kill'))) writeFileSync(path.join(dir, 'cgroup.kill'), '1');
      else for (const pid of readMembers(dir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      await until(() => readMembers(dir).length === 0, { what: `${dir} emptied` });
      rmdirSync(dir);
    }
  }
}

/** utime + stime of `pid` in seconds, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number, clockTicks: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}
