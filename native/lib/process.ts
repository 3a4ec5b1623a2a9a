// psutil.Process for Node. The public class holds what psutil's does —
// identity (pid, createTime), caching, oneshot, the error rules — over a thin
// native layer: processRead (the /proc sections a method needs, in one trip
// to the worker thread) and processAction (identity-checked through a pidfd).

import { constants as osConstants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import { IOPRIO_CLASS_IDLE, IOPRIO_CLASS_NONE } from './constants';
import { SECTION, TABLE_FIELD, type ProcessStatus, type SectionName } from './constants_process';
import { cpuCount } from './cpu';
import { describe } from './describe';
import { AccessDenied, InvalidArgument, NoSuchProcess, TimeoutExpired, Unsupported, ZombieProcess, fromNative } from './errors';
import { virtualMemory } from './memory';
import { connectionKind } from './network';
import { binding, callAsync, callSync } from './native';
import { describeValue, optionsObject, secondsOption } from './options';
import { tableOf } from './process_table';
import { resolveRoots, type ResolvedRoots } from './roots';
import type {
  ChildWatchHandle,
  ConnectionKind,
  NativeProcessAction,
  NativeProcessSnapshot,
  ProcessConnection,
  ProcessCpuTimes,
  ProcessCtxSwitches,
  ProcessIds,
  PlatformIoCounters,
  PlatformMemoryFullInfo,
  PlatformMemoryInfo,
  ProcessIonice,
  ProcessMemoryFullInfo,
  ProcessMemoryMap,
  ProcessMemoryMapExt,
  ProcessOpenFile,
  ProcessThread,
  WindowsProcessMemoryFullInfo,
  WindowsProcessMemoryMap,
  WindowsProcessMemoryMapGrouped,
  WindowsProcessOpenFile,
} from './process_types';
import type { Roots } from './types';
import type { ProcessGpu } from './gpu';
import { GpuUsageTracker } from './gpu_usage';

type Snapshot = NativeProcessSnapshot;
type Value<K extends SectionName> = Exclude<NonNullable<Snapshot[K]>, Error>;

/** Attributes asDict() knows (psutil's, camelCase; the actions and parent/children are excluded as in psutil). */
export const PROCESS_ATTRS = [
  'cmdline',
  'netConnections',
  'cpuAffinity',
  'cpuNum',
  'cpuPercent',
  'cpuTimes',
  'createTime',
  'cwd',
  'environ',
  'exe',
  'gids',
  'ioCounters',
  'ionice',
  'memoryFullInfo',
  'memoryInfo',
  'memoryMaps',
  'memoryPercent',
  'name',
  'nice',
  'numCtxSwitches',
  'numFds',
  'numThreads',
  'openFiles',
  'pid',
  'ppid',
  'status',
  'terminal',
  'threads',
  'uids',
  'username',
] as const;
export type ProcessAttr = (typeof PROCESS_ATTRS)[number];

// Which sections each attribute reads, so asDict() fetches them all in one trip.
const ATTR_SECTIONS: Record<ProcessAttr, number> = {
  cmdline: SECTION.cmdline,
  netConnections: SECTION.connections,
  cpuAffinity: SECTION.cpuAffinity,
  cpuNum: SECTION.basic,
  cpuPercent: SECTION.basic,
  cpuTimes: SECTION.basic,
  createTime: 0,
  cwd: SECTION.cwd,
  environ: SECTION.environ,
  exe: SECTION.exe | SECTION.cmdline,
  gids: SECTION.ids,
  ioCounters: SECTION.ioCounters,
  ionice: SECTION.ionice,
  memoryFullInfo: SECTION.memoryInfo | SECTION.memoryFull,
  memoryInfo: SECTION.memoryInfo,
  memoryMaps: SECTION.memoryMaps,
  memoryPercent: SECTION.memoryInfo,
  name: SECTION.basic | SECTION.cmdline,
  nice: SECTION.basic,
  numCtxSwitches: SECTION.ids,
  numFds: SECTION.numFds,
  numThreads: SECTION.ids,
  openFiles: SECTION.openFiles,
  pid: 0,
  ppid: SECTION.basic,
  status: SECTION.basic,
  terminal: SECTION.terminal,
  threads: SECTION.threads,
  uids: SECTION.ids,
  username: SECTION.username,
};

// psutil's oneshot(): the basic and ids groups are read once for everything in the block.
const ONESHOT_PREFETCH = SECTION.basic | SECTION.ids;

/** memoryPercent's memtype: a field of memoryFullInfo()'s record, on any platform. */
type MemType = (keyof ProcessMemoryFullInfo | keyof WindowsProcessMemoryFullInfo) & string;

// The records of psutil's per-OS memory_info and memory_full_info groups here, by describe().records name.
const MEMORY_RECORDS: Readonly<Record<string, { info: string; full: string }>> = {
  win32: { info: 'WindowsProcessMemoryInfo', full: 'WindowsProcessMemoryFullGroup' },
};
const DEFAULT_MEMORY_RECORDS = { info: 'ProcessMemoryInfo', full: 'ProcessMemoryFullGroup' };

/** memory_info()'s fields here, and memory_full_info()'s (memory_info's, then its own): the platform's records. */
function memoryFields(): { info: readonly string[]; full: readonly string[] } {
  const d = describe();
  const names = MEMORY_RECORDS[d.platform] ?? DEFAULT_MEMORY_RECORDS;
  const info = d.records[names.info] ?? [];
  return { info, full: [...info, ...(d.records[names.full] ?? [])] };
}

export type ProcessOptions = Roots;

export interface AsDictOptions {
  /** Any iterable of attribute names (an array, a Set…); absent or empty: all of them, as psutil. */
  attrs?: Iterable<ProcessAttr>;
  /** What an attribute that raises AccessDenied or ZombieProcess becomes (psutil's ad_value). */
  adValue?: unknown;
}

function checkPid(pid: unknown): number {
  if (typeof pid !== 'number' || !Number.isInteger(pid)) throw new InvalidArgument(`pid must be an integer, got ${String(pid)}`);
  if (pid < 0) throw new InvalidArgument(`pid must be a positive integer (got ${pid})`);
  return pid;
}

function signalNumber(sig: number | string): number {
  if (typeof sig === 'string') {
    const number = (osConstants.signals as Record<string, number | undefined>)[sig];
    if (number === undefined) throw new InvalidArgument(`unknown signal ${sig}`);
    return number;
  }
  if (!Number.isInteger(sig) || sig < 0 || sig > 64) throw new InvalidArgument(`invalid signal ${sig}`);
  return sig;
}

// psutil's as_dict(attrs): any collection of names, duplicates once; empty means all.
function attrsOption(value: unknown): readonly ProcessAttr[] {
  if (value === undefined || value === null) return PROCESS_ATTRS;
  if (typeof value === 'string' || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new InvalidArgument(`invalid attrs type ${describeValue(value)}; pass an array (or any iterable) of attribute names`);
  }
  const names = [...new Set(value as Iterable<ProcessAttr>)];
  return names.length ? names : PROCESS_ATTRS;
}

function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** psutil.Process: a process identified by (pid, createTime). Create with `await Process.create(pid)`. */
export class Process {
  readonly pid: number;
  /** @internal */
  readonly roots: ResolvedRoots;
  #createTime: number;
  #name: string | null;
  #exe: string | null = null;
  #oneshot: Snapshot | null = null;
  #oneshotDepth = 0;
  #gpu: GpuUsageTracker | undefined;
  #lastCpu: { at: number; busy: number } | null = null;
  // wait()'s answer once known (psutil's _exitcode); undefined until then.
  #exitcode: number | null | undefined = undefined;
  /** Set by waitProcs() on processes that are gone (psutil's returncode; null when unknowable). */
  returncode?: number | null;
  /** Set by processIter({attrs}) (psutil's proc.info). */
  info?: Record<string, unknown>;

  /** @internal Use Process.create(). */
  constructor(pid: number, createTime: number, roots: ResolvedRoots, name: string | null = null) {
    this.pid = pid;
    this.#createTime = createTime;
    this.roots = roots;
    this.#name = name;
  }

  /** psutil.Process(pid): NoSuchProcess when there is no such process. null or absent: this process (psutil's Process(None)). */
  static async create(pid?: number | null, options?: ProcessOptions): Promise<Process> {
    const checked = checkPid(pid ?? process.pid);
    const roots = resolveRoots(optionsObject(options));
    if (checked === 0) throw new NoSuchProcess(0, null, 'process PID 0 does not exist on Linux');
    const snap = await callAsync(() => binding.processRead({ ...roots, pid: checked, sections: SECTION.basic }));
    const stat = snap.basic;
    if (stat === undefined || stat instanceof Error) throw fromNative(stat) ?? new NoSuchProcess(checked);
    return new Process(checked, stat.createTime, roots, null);
  }

  toString(): string {
    return `psutil.Process(pid=${this.pid}, name='${this.#name ?? '?'}')`;
  }

  /** Same pid and createTime: the same process (psutil's __eq__). */
  equals(other: Process): boolean {
    return other instanceof Process && this.pid === other.pid && this.#createTime === other.#createTime;
  }

  // ---- reads -------------------------------------------------------------

  #raise(error: unknown): never {
    const converted = fromNative(error);
    // Name the process in the error when the native side could not.
    if (converted instanceof ZombieProcess) throw converted;
    if (converted instanceof NoSuchProcess && converted.processName === null && this.#name !== null) {
      throw new NoSuchProcess(this.pid, this.#name, undefined, { cause: converted });
    }
    if (converted instanceof AccessDenied && converted.processName === null && this.#name !== null) {
      throw new AccessDenied(this.pid, this.#name, undefined, { cause: converted, path: converted.path, errno: converted.errno });
    }
    throw converted;
  }

  /** Reads the sections (bits) not already cached in a oneshot, in one trip. */
  async #fetch(sections: number, kind?: string): Promise<Snapshot> {
    const cache = this.#oneshot;
    let missing = sections;
    if (cache) {
      for (const [name, bit] of Object.entries(SECTION)) {
        if (cache[name as SectionName] !== undefined && name !== 'connections') missing &= ~bit;
      }
    }
    if (missing === 0 && cache) return cache;
    const snap = await callAsync(() =>
      binding.processRead({ ...this.roots, pid: this.pid, sections: missing, ...(kind === undefined ? {} : { kind }) }),
    );
    if (!cache) return snap;
    Object.assign(cache, snap);
    return cache;
  }

  async #section<K extends SectionName>(name: K, kind?: string): Promise<Value<K>> {
    const snap = await this.#fetch(SECTION[name], kind);
    const value: unknown = snap[name];
    if (value instanceof Error) this.#raise(value);
    if (value === undefined) throw new NoSuchProcess(this.pid, this.#name);
    return value as Value<K>;
  }

  /**
   * psutil's oneshot(): within `fn`, each attribute group is read once and shared
   * by every method that needs it (the basic and ids groups are fetched together up
   * front, the rest on first use). Nested calls share the outer cache.
   */
  async oneshot<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.#withOneshot(ONESHOT_PREFETCH, fn);
  }

  async #withOneshot<T>(prefetch: number, fn: () => Promise<T> | T): Promise<T> {
    const outer = this.#oneshotDepth === 0;
    if (outer) this.#oneshot = { pid: this.pid };
    this.#oneshotDepth += 1;
    try {
      if (prefetch) await this.#fetch(prefetch);
      return await fn();
    } finally {
      this.#oneshotDepth -= 1;
      if (this.#oneshotDepth === 0) this.#oneshot = null;
    }
  }

  /** psutil.Process.as_dict(): the attributes asked for (default: all the platform has), read in one trip. */
  async asDict(options?: AsDictOptions): Promise<Record<string, unknown>> {
    const opts = optionsObject(options);
    const attrs = attrsOption(opts.attrs);
    const invalid = attrs.filter((a) => !(PROCESS_ATTRS as readonly string[]).includes(a));
    if (invalid.length) throw new InvalidArgument(`invalid attr name${invalid.length > 1 ? 's' : ''} ${invalid.map((a) => `'${a}'`).join(', ')}`);
    const adValue = opts.adValue ?? null;
    let sections = 0;
    for (const attr of attrs as readonly ProcessAttr[]) sections |= ATTR_SECTIONS[attr];
    return this.#withOneshot(sections & ~SECTION.connections, async () => {
      const result: Record<string, unknown> = {};
      for (const attr of attrs) {
        try {
          result[attr] = attr === 'pid' ? this.pid : await (this as unknown as Record<string, () => Promise<unknown>>)[attr]!.call(this);
        } catch (err) {
          if (err instanceof AccessDenied || err instanceof ZombieProcess) result[attr] = adValue;
          // psutil: what the platform lacks (Windows' uids, terminal…) fails only where it was asked for by name.
          else if (err instanceof Unsupported && attrs === PROCESS_ATTRS) continue;
          else throw err;
        }
      }
      return result;
    });
  }

  /**
   * psutil: the parent pid (not cached: it changes when the parent exits).
   * Checked for pid reuse, as psutil's doc lists it: the stat it comes from
   * carries the start time, so a pid now naming another process is
   * NoSuchProcess instead of that process's parent.
   */
  async ppid(): Promise<number> {
    const stat = await this.#section('basic');
    if (stat.createTime !== this.#createTime) {
      throw new NoSuchProcess(this.pid, this.#name, 'process no longer exists and its PID has been reused');
    }
    return stat.ppid;
  }

  /** psutil: comm, or cmdline[0]'s basename when comm was truncated to 15 characters. */
  async name(): Promise<string> {
    let name = (await this.#section('basic')).name;
    if (name.length >= 15) {
      try {
        const cmdline = await this.cmdline();
        if (cmdline.length) {
          const extended = basename(cmdline[0]!);
          if (extended.startsWith(name)) name = extended;
        }
      } catch (err) {
        // As psutil: a zombie can have a name but no cmdline; the truncated name is better than nothing.
        if (!(err instanceof AccessDenied || err instanceof ZombieProcess)) throw err;
      }
    }
    this.#name = name;
    return name;
  }

  /**
   * psutil: the executable's absolute path; "" for kernel threads (guessed
   * from cmdline[0] when unreadable). ZombieProcess for a zombie, as psutil
   * ≥ 6.0 (5.9 returned "").
   */
  async exe(): Promise<string> {
    if (this.#exe !== null) return this.#exe;
    const guess = async (fallback: string | AccessDenied): Promise<string> => {
      const cmdline = await this.cmdline();
      const first = cmdline[0];
      if (first && first.startsWith('/')) {
        const { accessSync, statSync, constants } = await import('node:fs');
        try {
          if (statSync(first).isFile()) {
            accessSync(first, constants.X_OK);
            return first;
          }
        } catch {
          // not an executable file
        }
      }
      if (fallback instanceof AccessDenied) throw fallback;
      return fallback;
    };
    let exe: string;
    try {
      exe = await this.#section('exe');
    } catch (err) {
      if (err instanceof AccessDenied) return guess(err);
      throw err;
    }
    if (!exe) {
      try {
        exe = await guess(exe);
      } catch {
        // keep ""
      }
    }
    this.#exe = exe;
    return exe;
  }

  /** psutil: the command line as a list ([] for kernel threads; ZombieProcess for a zombie, as psutil ≥ 6.0). */
  async cmdline(): Promise<string[]> {
    return [...(await this.#section('cmdline'))];
  }

  /** psutil: the environment variables (ZombieProcess for a zombie, whose environ the kernel no longer has). */
  async environ(): Promise<Record<string, string>> {
    return { ...(await this.#section('environ')) };
  }

  /** psutil: seconds since the epoch (boot time + starttime / CLK_TCK); cached, it is the identity. */
  async createTime(): Promise<number> {
    return this.#createTime;
  }

  /** psutil.Process.status(): a STATUS_* string. */
  async status(): Promise<ProcessStatus> {
    return (await this.#section('basic')).status;
  }

  async cwd(): Promise<string> {
    return this.#section('cwd');
  }

  /** The real uid's user name; the uid as a string when the user is unknown. */
  async username(): Promise<string> {
    return this.#section('username');
  }

  /** Real, effective and saved user ids; UNSUPPORTED where the platform has none (Windows, as psutil). */
  async uids(): Promise<ProcessIds> {
    return this.#ids('uids');
  }

  /** Real, effective and saved group ids; UNSUPPORTED where the platform has none (Windows, as psutil). */
  async gids(): Promise<ProcessIds> {
    return this.#ids('gids');
  }

  async #ids(which: 'uids' | 'gids'): Promise<ProcessIds> {
    const ids = (await this.#section('ids'))[which];
    if (!ids) throw new Unsupported(`Process.${which} is not supported on this platform`);
    const [real, effective, saved] = ids as [number, number, number];
    return { real, effective, saved };
  }

  /** The controlling terminal ("/dev/pts/3"), or null. */
  async terminal(): Promise<string | null> {
    return this.#section('terminal');
  }

  /** nice() gets the niceness; nice(value) sets it (identity checked before, and after: see #act). */
  async nice(value?: number): Promise<number | undefined> {
    if (value === undefined) return (await this.#section('basic')).nice;
    if (!Number.isInteger(value)) throw new InvalidArgument(`nice value must be an integer, got ${String(value)}`);
    // Windows: one of the *_PRIORITY_CLASS constants describe() lists (psutil's nice there), else a clamped nice value.
    const classes = Object.values(describe().constants.priorityClasses);
    if (classes.length && !classes.includes(value)) {
      throw new InvalidArgument(`nice value must be one of the priority classes ${JSON.stringify(describe().constants.priorityClasses)}, got ${value}`);
    }
    await this.#act({ action: 'nice', value: classes.length ? value : Math.max(-20, Math.min(19, value)) });
    return undefined;
  }

  /** ionice() gets {ioclass, value}; ionice(ioclass, value?) sets them (identity checked before, and after: see #act). */
  async ionice(ioclass?: number, value?: number): Promise<ProcessIonice | undefined> {
    if (ioclass === undefined || ioclass === null) {
      if (value !== undefined && value !== null) throw new InvalidArgument("'ioclass' argument must be specified");
      return { ...(await this.#section('ionice')) };
    }
    // Windows: one IOPRIO_* level describe() lists (psutil's ionice there), and no value.
    const levels = describe().constants.ioPriorities;
    if (Object.keys(levels).length) {
      if (value) throw new InvalidArgument('value argument not accepted on Windows');
      if (!Object.values(levels).includes(ioclass)) {
        throw new InvalidArgument(`${String(ioclass)} is not a valid priority; the levels are ${JSON.stringify(levels)}`);
      }
      await this.#act({ action: 'ionice', ioclass, value: 0 });
      return undefined;
    }
    if (!Number.isInteger(ioclass) || ioclass < 0 || ioclass > 3) throw new InvalidArgument(`invalid ioclass ${String(ioclass)}`);
    const v = value ?? 0;
    if (!Number.isInteger(v)) throw new InvalidArgument(`value must be an integer, got ${String(value)}`);
    if (v && (ioclass === IOPRIO_CLASS_IDLE || ioclass === IOPRIO_CLASS_NONE)) {
      throw new InvalidArgument(`${ioclass} ioclass accepts no value`);
    }
    if (v < 0 || v > 7) throw new InvalidArgument('value not in 0-7 range');
    await this.#act({ action: 'ionice', ioclass, value: v });
    return undefined;
  }

  /** rlimit(resource) → [soft, hard]; rlimit(resource, [soft, hard]) sets them (identity checked before, and after: see #act). -1 is RLIM_INFINITY. */
  async rlimit(resource: number, limits?: readonly [number, number]): Promise<[number, number] | undefined> {
    if (!Number.isInteger(resource) || resource < 0 || resource > 15) throw new InvalidArgument(`invalid resource ${String(resource)}`);
    if (limits === undefined) {
      const all = await this.#section('rlimits');
      const pair = all[resource];
      if (!pair) throw new InvalidArgument(`resource ${resource} is not reported`);
      return [pair[0], pair[1]];
    }
    if (!Array.isArray(limits) || limits.length !== 2) {
      throw new InvalidArgument(`second argument must be a (soft, hard) tuple, got ${JSON.stringify(limits)}`);
    }
    const [soft, hard] = limits;
    for (const v of [soft, hard]) {
      if (!Number.isInteger(v) || v < -1) throw new InvalidArgument(`invalid limit ${String(v)}`);
    }
    await this.#act({ action: 'rlimit', resource, soft, hard });
    return undefined;
  }

  /** The platform's record: Linux's (with readChars, writeChars) or Windows' (with otherCount, otherBytes). */
  async ioCounters(): Promise<PlatformIoCounters> {
    return { ...(await this.#section('ioCounters')) };
  }

  async numCtxSwitches(): Promise<ProcessCtxSwitches> {
    const status = await this.#section('ids');
    if (status.voluntary === null || status.involuntary === null) {
      throw new InvalidArgument("'voluntary_ctxt_switches' and 'nonvoluntary_ctxt_switches' lines were not found (kernel too old?)");
    }
    return { voluntary: status.voluntary, involuntary: status.involuntary };
  }

  /**
   * The process's GPU share since this Process's previous gpu() call (the
   * first call's engines read 0), from its DRM clients' fdinfo and, on
   * NVIDIA, NVML; null when it holds no GPU client. NoSuchProcess when gone.
   */
  async gpu(): Promise<ProcessGpu | null> {
    await this.#section('basic');
    this.#gpu ??= new GpuUsageTracker(this.roots);
    return this.#gpu.one(this.pid);
  }

  async numFds(): Promise<number> {
    return this.#section('numFds');
  }

  async numThreads(): Promise<number> {
    const status = await this.#section('ids');
    return status.numThreads ?? (await this.#section('basic')).numThreads;
  }

  async threads(): Promise<ProcessThread[]> {
    return (await this.#section('threads')).map((t) => ({ ...t }));
  }

  async cpuTimes(): Promise<ProcessCpuTimes> {
    const { iowait, ...times } = (await this.#section('basic')).cpuTimes;
    // psutil's record has iowait on Linux alone: absent where the platform has none.
    return iowait === null || iowait === undefined ? times : { ...times, iowait };
  }

  /**
   * psutil.Process.cpu_percent(): with `interval` > 0, the share of one CPU
   * used during that wait (may exceed 100 on several CPUs); without, since
   * the previous call on this instance (0 the first time).
   */
  async cpuPercent(options?: { interval?: number | null }): Promise<number> {
    const interval = secondsOption(optionsObject(options).interval, 'interval');
    const sample = async () => {
      // Straight to the addon: a oneshot's cached stat would hide the change.
      const snap = await callAsync(() => binding.processRead({ ...this.roots, pid: this.pid, sections: SECTION.basic }));
      if (snap.basic instanceof Error || snap.basic === undefined) this.#raise(snap.basic);
      const t = snap.basic.cpuTimes;
      return { at: performance.now() / 1000, busy: t.user + t.system };
    };
    let before: { at: number; busy: number } | null;
    if (interval !== null && interval > 0) {
      before = await sample();
      await sleep(interval * 1000);
    } else {
      before = this.#lastCpu;
    }
    const after = await sample();
    this.#lastCpu = after;
    if (before === null) return 0;
    const elapsed = after.at - before.at;
    if (elapsed <= 0) return 0;
    return Math.round(((after.busy - before.busy) / elapsed) * 100 * 10) / 10;
  }

  /** cpuAffinity() → the CPUs it may run on; cpuAffinity(cpus) sets them ([] = all; identity checked before, and after: see #act). */
  async cpuAffinity(cpus?: readonly number[]): Promise<number[] | undefined> {
    if (cpus === undefined) return [...(await this.#section('cpuAffinity'))].sort((a, b) => a - b);
    if (!Array.isArray(cpus)) throw new InvalidArgument('cpus must be a list of CPU numbers');
    const count = (await cpuCount(this.roots)) ?? 1;
    const all = Array.from({ length: count }, (_, i) => i);
    const wanted = cpus.length ? [...new Set(cpus)] : all;
    for (const cpu of wanted) {
      if (!Number.isInteger(cpu) || cpu < 0 || cpu >= count) {
        throw new InvalidArgument(`invalid CPU number ${String(cpu)}; choose between ${JSON.stringify(all)}`);
      }
    }
    await this.#act({ action: 'cpuAffinity', cpus: wanted });
    return undefined;
  }

  /** The CPU this process last ran on. */
  async cpuNum(): Promise<number> {
    const cpu = (await this.#section('basic')).cpuNum;
    if (cpu === null) throw new Unsupported('Process.cpuNum is not supported on this platform');
    return cpu;
  }

  /** The platform's record (psutil's pmem differs per OS); rss and vms are in every one. */
  async memoryInfo(): Promise<PlatformMemoryInfo> {
    return { ...(await this.#section('memoryInfo')) };
  }

  /**
   * memoryInfo() + uss, pss, swap (smaps_rollup, else smaps). A zombie has no
   * memory left: all zeros, as psutil ≥ 6.0 (5.9 raised ZombieProcess).
   * On Windows: memoryInfo() + uss (working-set pages no other process shares).
   */
  async memoryFullInfo(): Promise<PlatformMemoryFullInfo> {
    const info = await this.#section('memoryInfo');
    const own = await this.#section('memoryFull');
    return { ...info, ...own } as PlatformMemoryFullInfo;
  }

  /** memtype's share of total physical memory, in percent. */
  async memoryPercent(options?: { memtype?: MemType }): Promise<number> {
    const memtype = optionsObject(options).memtype ?? 'rss';
    const fields = memoryFields();
    if (!fields.full.includes(memtype)) {
      throw new InvalidArgument(`invalid memtype '${String(memtype)}'; valid types are ${JSON.stringify(fields.full)}`);
    }
    const info: Record<string, number> = fields.info.includes(memtype)
      ? { ...(await this.memoryInfo()) }
      : { ...(await this.memoryFullInfo()) };
    const total = (await virtualMemory(this.roots)).total;
    if (!total) throw new InvalidArgument("can't calculate process memory percent because total physical system memory is not positive");
    return (info[memtype]! / total) * 100;
  }

  /**
   * psutil.Process.memory_maps(): grouped by path (default), or one entry per mapping with addr and perms; ZombieProcess for a zombie.
   * The platform's records: Linux's smaps fields, or Windows' rss (each region with a mapped file, drive-letter paths).
   */
  memoryMaps(options: { grouped: false }): Promise<ProcessMemoryMapExt[] | WindowsProcessMemoryMap[]>;
  memoryMaps(options?: { grouped?: true }): Promise<ProcessMemoryMap[] | WindowsProcessMemoryMapGrouped[]>;
  async memoryMaps(options?: { grouped?: boolean }): Promise<ProcessMemoryMap[] | ProcessMemoryMapExt[] | WindowsProcessMemoryMapGrouped[] | WindowsProcessMemoryMap[]> {
    const grouped = optionsObject(options).grouped ?? true;
    const maps: (ProcessMemoryMapExt | WindowsProcessMemoryMap)[] = await this.#section('memoryMaps');
    if (!grouped) return maps.map((m) => ({ ...m })) as ProcessMemoryMapExt[] | WindowsProcessMemoryMap[];
    // Every field but path is a number to sum, whichever platform's record this is.
    const byPath = new Map<string, Record<string, number | string>>();
    for (const { addr: _addr, perms: _perms, ...m } of maps) {
      const seen = byPath.get(m.path);
      if (!seen) {
        byPath.set(m.path, { ...m });
        continue;
      }
      for (const [key, value] of Object.entries(m)) {
        if (key !== 'path') seen[key] = (seen[key] as number) + (value as number);
      }
    }
    return [...byPath.values()] as unknown as ProcessMemoryMap[] | WindowsProcessMemoryMapGrouped[];
  }

  /** Regular files this process has open (as psutil: absolute paths that stat() as regular files). */
  async openFiles(): Promise<ProcessOpenFile[] | WindowsProcessOpenFile[]> {
    return (await this.#section('openFiles')).map((f) => ({ ...f }));
  }

  /** psutil.Process.net_connections(kind='inet'). */
  async netConnections(options?: { kind?: ConnectionKind }): Promise<ProcessConnection[]> {
    const kind = connectionKind(optionsObject(options).kind);
    const snap = await callAsync(() => binding.processRead({ ...this.roots, pid: this.pid, sections: SECTION.connections, kind }));
    const value = snap.connections;
    if (value instanceof Error || value === undefined) this.#raise(value);
    return value;
  }

  /** The parent Process, or null (identity-checked first, as every method that returns processes). */
  async parent(): Promise<Process | null> {
    await this.#act({ action: 'checkIdentity' });
    const ppid = await this.ppid();
    if (ppid <= 0) return null;
    try {
      const parent = await Process.create(ppid, this.roots);
      // A parent younger than its child means the ppid was reused.
      if (parent.#createTime <= this.#createTime) return parent;
    } catch (err) {
      if (!(err instanceof NoSuchProcess)) throw err;
    }
    return null;
  }

  /** All ancestors, nearest first. */
  async parents(): Promise<Process[]> {
    const result: Process[] = [];
    let proc = await this.parent();
    while (proc !== null) {
      result.push(proc);
      proc = await proc.parent();
    }
    return result;
  }

  /** Children (or all descendants with `recursive`), from every process's ppid in one processTable trip. */
  async children(options?: { recursive?: boolean }): Promise<Process[]> {
    const recursive = optionsObject(options).recursive ?? false;
    await this.#act({ action: 'checkIdentity' });
    const table = await tableOf(this.roots, TABLE_FIELD.ppid | TABLE_FIELD.name);
    const byParent = new Map<number, typeof table.rows>();
    for (const row of table.rows) {
      const list = byParent.get(row.ppid!) ?? [];
      list.push(row);
      byParent.set(row.ppid!, list);
    }
    const result: Process[] = [];
    const seen = new Set<number>();
    const stack = [this.pid];
    while (stack.length) {
      const pid = stack.pop()!;
      if (seen.has(pid)) continue;
      seen.add(pid);
      for (const row of byParent.get(pid) ?? []) {
        // A child older than this process means its ppid was reused.
        if (this.#createTime <= row.createTime) {
          result.push(new Process(row.pid, row.createTime, this.roots, row.name ?? null));
          if (recursive) stack.push(row.pid);
        }
      }
      if (!recursive) break;
    }
    return result;
  }

  /** Same pid and same createTime: still this process (a zombie still is). */
  async isRunning(): Promise<boolean> {
    try {
      const snap = await callAsync(() => binding.processRead({ ...this.roots, pid: this.pid, sections: SECTION.basic }));
      const stat = snap.basic;
      if (stat === undefined || stat instanceof Error) return false;
      return stat.createTime === this.#createTime;
    } catch {
      return false;
    }
  }

  // ---- actions: every one identity-checked by the addon ------------------
  //
  // What is guaranteed: every action rejects with NotLive when the procfs root
  // is not the live /proc (a captured tree's pids are not this machine's).
  // Signals (sendSignal, suspend, resume, terminate, kill) are race-free: a
  // pidfd is opened, the create time re-checked, and pidfd_send_signal cannot
  // reach a process that reused the pid. The setters (nice, ionice, rlimit,
  // cpuAffinity) have no pidfd form: they act by pid after the same check and
  // are checked after the fact; if the process exited in between they reject
  // with NoSuchProcess, whose message says whether the pid is free or now
  // names another process that may have received the change.
  // On Windows every action is race-free: the addon opens the process handle,
  // checks its creation time, and acts through that handle (TerminateProcess,
  // NtSuspendProcess / NtResumeProcess, SetPriorityClass,
  // SetProcessAffinityMask); an open handle keeps its pid from being reused.

  async #act(action: Record<string, unknown> & { action: NativeProcessAction['action'] }): Promise<void> {
    try {
      await callAsync(() =>
        binding.processAction({ ...this.roots, pid: this.pid, createTime: this.#createTime, ...action } as ResolvedRoots & NativeProcessAction),
      );
    } catch (err) {
      this.#raise(err);
    }
  }

  async sendSignal(sig: number | string): Promise<void> {
    await this.#act({ action: 'signal', signal: signalNumber(sig) });
  }

  /** SIGSTOP on POSIX; NtSuspendProcess through the identity-checked handle on Windows. */
  async suspend(): Promise<void> {
    await this.#act({ action: 'suspend' });
  }

  /** SIGCONT on POSIX; NtResumeProcess through the identity-checked handle on Windows. */
  async resume(): Promise<void> {
    await this.#act({ action: 'resume' });
  }

  async terminate(): Promise<void> {
    await this.sendSignal('SIGTERM');
  }

  async kill(): Promise<void> {
    await this.sendSignal('SIGKILL');
  }

  /**
   * psutil.Process.wait(): resolves when the process is gone, with its exit
   * status when it is a child of this process (the code, or -signal after a
   * signal, as Popen.returncode), else null. TimeoutExpired when `timeout`
   * (seconds) passes first. The status is remembered, as psutil does.
   *
   * Unlike psutil, nothing is reaped: Node's child_process (libuv) reaps its
   * own children and would never see the exit of one reaped here. A child is
   * watched through a pidfd and its status read without reaping
   * (src/linux/process_wait.cc), so it resolves as soon as the child exits,
   * zombie or not, and a zombie child stays until its owner reaps it. Any
   * other process is polled until its pid is gone or names another process.
   */
  async wait(options?: { timeout?: number | null }): Promise<number | null> {
    const timeout = secondsOption(optionsObject(options).timeout, 'timeout', true);
    if (this.#exitcode !== undefined) return this.#exitcode;
    // Before the first await: libuv reaps on this thread, so it cannot have reaped in between.
    const watch = this.#watchChild();
    try {
      const stopAt = timeout === null ? Infinity : performance.now() + timeout * 1000;
      let delay = 1;
      for (;;) {
        if (watch) {
          const exit = callSync(() => binding.processWatchPoll(watch));
          if (exit) return (this.#exitcode = exit.returncode);
        } else if (!(await this.isRunning())) {
          return (this.#exitcode = null);
        }
        if (performance.now() >= stopAt) throw new TimeoutExpired(timeout!, this.pid, this.#name);
        await sleep(Math.min(delay, Math.max(0, stopAt - performance.now())));
        delay = Math.min(delay * 2, 40);
      }
    } finally {
      if (watch) binding.processWatchClose(watch);
    }
  }

  // A watch when this is a child of ours on the live /proc; null otherwise (then wait() polls).
  #watchChild(): ChildWatchHandle | null {
    try {
      return callSync(() => binding.processWatchChild({ ...this.roots, pid: this.pid, createTime: this.#createTime }));
    } catch (err) {
      // Gone or reused: the poll says so. No backend: poll, the status unknown.
      if (err instanceof NoSuchProcess || err instanceof Unsupported) return null;
      throw err;
    }
  }

  /** @internal For processIter / waitProcs. */
  get knownCreateTime(): number {
    return this.#createTime;
  }

  /** @internal */
  get cachedName(): string | null {
    return this.#name;
  }
}
