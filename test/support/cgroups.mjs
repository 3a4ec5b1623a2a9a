// Control groups a test makes for itself under the cgroup v2 mount (as root),
// named like systemd's, with processes it starts put into them; removed
// afterwards (their processes killed first). Shared by the app's vitest suites
// and the browser specs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { until } from './until.mjs';

/** Each mount of /proc/self/mountinfo as [mount point (octal escapes decoded), filesystem type, super options]; empty where it cannot be read. */
function mounts() {
  let info;
  try {
    info = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  return info.split('\n').flatMap((line) => {
    const [left, right] = line.split(' - ');
    if (!right) return [];
    const fields = right.split(' ');
    return [[left.split(' ')[4].replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))), fields[0], fields[2] ?? '']];
  });
}

/** Where the cgroup v2 hierarchy is mounted (/sys/fs/cgroup, or a hybrid host's unified mount), or null. */
export function cgroup2Mount() {
  return mounts().find(([, type]) => type === 'cgroup2')?.[0] ?? null;
}

/** Where the v1 hierarchy of `controller` is mounted (a hybrid host's memory, say), or null. */
export function cgroup1Mount(controller) {
  return mounts().find(([, type, options]) => type === 'cgroup' && options.split(',').includes(controller))?.[0] ?? null;
}

/** Why this machine and user cannot make test groups, or null where they can. */
export function cannotMakeGroups() {
  if (process.platform !== 'linux') return 'control groups are Linux’s';
  if (process.getuid?.() !== 0) return 'making control groups needs root';
  const mount = cgroup2Mount();
  if (mount === null) return 'no cgroup v2 hierarchy is mounted';
  if (!existsSync(path.join(mount, 'cgroup.procs'))) return `${mount} is not a cgroup v2 hierarchy`;
  return null;
}

export class TestGroups {
  /** `prefix`: names the tests' own parent group (a slice, as systemd would have it), unique per process. */
  constructor(prefix) {
    const why = cannotMakeGroups();
    if (why) throw new Error(why);
    this.mount = cgroup2Mount();
    this.base = `${prefix}-${process.pid}-${Date.now()}.slice`;
    this.dirs = [];
    this.children = [];
    /** v1 directories mirroring a group (the leaf's), made by mirrorMemory; removed after the v2 groups. */
    this.v1 = new Map();
    mkdirSync(path.join(this.mount, this.base));
    this.dirs.push(path.join(this.mount, this.base));
  }

  /**
   * Where the v2 hierarchy has no memory controller (a hybrid host), makes the
   * same path in the v1 memory hierarchy, as systemd does, so that `start`
   * puts the group's processes in both; answers the limit file the group's
   * memory limit lands in (memory.max, or the v1 group's memory.limit_in_bytes).
   */
  mirrorMemory(leaf) {
    if (existsSync(path.join(this.dirOf(leaf), 'memory.max'))) return path.join(this.dirOf(leaf), 'memory.max');
    const v1 = cgroup1Mount('memory');
    if (v1 === null) throw new Error('no memory controller in either hierarchy');
    const parent = path.join(v1, this.base);
    if (!existsSync(parent)) mkdirSync(parent);
    const dir = path.join(parent, leaf);
    mkdirSync(dir);
    this.v1.set(leaf, dir);
    return path.join(dir, 'memory.limit_in_bytes');
  }

  /** The path the hierarchy gives the group `leaf` under the tests' parent ('/'-rooted, as Cgroup.path). */
  pathOf(leaf) {
    return `/${this.base}/${leaf}`;
  }

  /** The group's directory. */
  dirOf(leaf) {
    return path.join(this.mount, this.base, leaf);
  }

  make(leaf) {
    const dir = this.dirOf(leaf);
    mkdirSync(dir);
    this.dirs.push(dir);
    return this.pathOf(leaf);
  }

  /**
   * Starts `script` (sh) in group `leaf`: the shell waits on its stdin until it
   * has been moved, so everything it starts is born in the group.
   */
  async start(leaf, script) {
    const child = spawn('sh', ['-c', `read go; ${script}`], { stdio: ['pipe', 'ignore', 'ignore'] });
    this.children.push(child);
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    writeFileSync(path.join(this.dirOf(leaf), 'cgroup.procs'), String(child.pid));
    if (this.v1.has(leaf)) writeFileSync(path.join(this.v1.get(leaf), 'cgroup.procs'), String(child.pid));
    child.stdin.end('go\n');
    return child;
  }

  /** cgroup.procs of the group: its own processes. */
  procs(leaf) {
    return readFileSync(path.join(this.dirOf(leaf), 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  }

  /** One key of cgroup.events (populated, frozen) or cpu.stat (usage_usec, …). */
  field(leaf, file, key) {
    const line = readFileSync(path.join(this.dirOf(leaf), file), 'utf8').split('\n').find((l) => l.startsWith(`${key} `));
    return line === undefined ? null : Number(line.slice(key.length + 1));
  }

  /** Thaws, kills and removes every group made, deepest first, waiting for each to empty. */
  async removeAll() {
    for (const dir of [...this.dirs].reverse()) {
      if (!existsSync(dir)) continue;
      try {
        writeFileSync(path.join(dir, 'cgroup.freeze'), '0');
      } catch {
        // No freezer: nothing was frozen.
      }
      try {
        writeFileSync(path.join(dir, 'cgroup.kill'), '1');
      } catch {
        for (const pid of readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
          try {
            process.kill(Number(pid), 'SIGKILL');
          } catch {
            // Gone already.
          }
        }
      }
      await until(() => /^populated 0$/m.test(readFileSync(path.join(dir, 'cgroup.events'), 'utf8')), { what: `${dir} to empty` });
      await until(() => {
        rmdirSync(dir);
        return true;
      }, { what: `${dir} to be removed` });
    }
    this.dirs = [];
    // The v1 mirrors: empty now that their processes are gone.
    for (const dir of this.v1.values()) {
      await until(() => {
        rmdirSync(dir);
        return true;
      }, { what: `${dir} to be removed` });
    }
    const v1Parents = new Set([...this.v1.values()].map((dir) => path.dirname(dir)));
    for (const dir of v1Parents) rmdirSync(dir);
    this.v1.clear();
  }
}
