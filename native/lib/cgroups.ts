// Control groups as apps, services and containers (issue 23): the records the
// collector gives for each group of the cgroup v2 hierarchy that holds
// processes, read from the group's own files (not summed from processes).
// Counters are cumulative as the kernel keeps them; rates are the host's
// (tick over tick), as for processes.
//
// What is read from where (native/src/linux/cgroups.cc, cgroup_actions.cc):
// - the v2 mount: the first cgroup2 line of <procfs>/self/mountinfo (never
//   assumed: hybrid hosts mount it at /sys/fs/cgroup/unified), its mount
//   point resolved under the sysfs root (/sys/...) or the tree's top (the
//   sysfs root's parent) for a captured tree. None mounted: cgroups() rejects
//   with NotFound and capabilities().cgroups (and the actions) are false.
// - per group: cgroup.procs, cpu.stat, cgroup.events (frozen),
//   {cpu,memory,io}.pressure; memory.current/max/stat, io.stat and pids.current
//   where the v2 hierarchy has those controllers, else the v1 memory / blkio /
//   pids group of the same path, found through a member's /proc/PID/cgroup line
//   (memory.usage_in_bytes, memory.limit_in_bytes, memory.stat total_rss/
//   total_cache; blkio.throttle.io_service_bytes/io_serviced, _recursive first).
// - names: a .desktop file's Name= for apps, flatpaks and snaps, looked up in
//   $XDG_DATA_HOME (default ~/.local/share), then $XDG_DATA_DIRS (default
//   /usr/local/share:/usr/share), then Flatpak's and snapd's export dirs (a
//   captured tree: its own /usr/local/share, /usr/share and exports); Docker's
//   /var/lib/docker/containers/<id>/config.v2.json "Name"; Podman's and
//   CRI-O's containers/storage overlay-containers/containers.json "names"
//   (/var/lib/containers/storage, and a rootless Podman owner's
//   ~/.local/share/containers/storage). kubepods names stay short ids:
//   containerd and the kubelet keep them behind their APIs. State files are
//   read lazily, bounded, and cached per file version.
// - actions: cgroup.freeze / cgroup.events, cgroup.kill (else freeze, pidfd
//   SIGKILL per member, thaw), memory.max (else the v1 group's memory.limit_in_bytes).
// Windows and macOS: every function Unsupported, capability false ("platform").

import { binding, callAsync } from './native';
import { metric } from './metric';
import { InvalidArgument } from './errors';
import { booleanOption, optionsObject } from './options';
import { resolveRoots, type ResolvedRoots } from './roots';
import type { Roots } from './types';

/** What a group is, from its path's last component (systemd's and the engines' naming). */
export type CgroupKind =
  /** app.slice/app-<launcher>-<app-id>-<n>.scope or app-<app-id>@<n>.service (systemd's XDG app naming). */
  | 'app'
  /** app-flatpak-<id>-<n>.scope. */
  | 'flatpak'
  /** snap.<name>.<app>-<uuid>.scope. */
  | 'snap'
  /** A system *.service (under system.slice or another system slice). */
  | 'service'
  /** A *.service under user@UID.service (the user's systemd). */
  | 'user-service'
  /** session-N.scope. */
  | 'session'
  /** docker-<id>.scope, libpod-<id>.scope, crio-<id>.scope, kubepods pods/containers. */
  | 'container'
  | 'other';

/** The container engine a 'container' group belongs to. */
export type ContainerEngine = 'docker' | 'podman' | 'cri-o' | 'kubepods';

/** One PSI line ("some" or "full") of a *.pressure file. */
export interface CgroupPressureLine {
  avg10: number;
  avg60: number;
  avg300: number;
  /** Microseconds stalled since the group was made. */
  total: number;
}

/** A *.pressure file: null members where the file lacks that line (cpu "full" on old kernels). */
export interface CgroupPressure {
  some: CgroupPressureLine;
  full: CgroupPressureLine | null;
}

/** A group's three pressure files (the record the collector names; the shape Cgroup.pressure always had). */
export interface CgroupPressures {
  cpu: CgroupPressure | null;
  memory: CgroupPressure | null;
  io: CgroupPressure | null;
}

export interface CgroupCpu {
  /** cpu.stat usage_usec, user_usec, system_usec (the core cpu.stat: present without the cpu controller). */
  usageUsec: number;
  userUsec: number;
  systemUsec: number;
  /** cpu.stat nr_throttled: null without the cpu controller (no cpu.max to throttle by). */
  nrThrottled: number | null;
  throttledUsec: number | null;
}

export interface CgroupMemory {
  /** memory.current (v2) or memory.usage_in_bytes (v1). */
  current: number;
  /** memory.max (v2) or memory.limit_in_bytes (v1); null for "max" / no limit. */
  max: number | null;
  /** memory.stat anon/file (v2) or rss/cache (v1, total_* where hierarchical). */
  anon: number | null;
  file: number | null;
  /** Which hierarchy answered: the v2 group's own files, or the v1 memory hierarchy (hybrid hosts). */
  source: 'v2' | 'v1';
}

export interface CgroupIo {
  /** io.stat summed over devices (v2), or blkio.throttle.io_service_bytes/io_serviced (v1). */
  readBytes: number;
  writeBytes: number;
  readOps: number;
  writeOps: number;
  source: 'v2' | 'v1';
}

/** One group of the v2 hierarchy that holds processes, or whose descendants do (slices are not listed). */
export interface Cgroup {
  /** The group's path in the v2 hierarchy, '/' joined, from its root: '/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-firefox-1234.scope'. The key every action takes. */
  path: string;
  kind: CgroupKind;
  /** What a person calls it: the .desktop file's Name= for apps (XDG data dirs), the unit name for services, the container's name where the engine's state files say it, else its short id. */
  name: string;
  /** The id the name came from: the app id, the unit name, the full container id. */
  id: string;
  engine: ContainerEngine | null;
  /** The uid that owns the group's directory (who may act on it without privilege). */
  uid: number;
  /** cgroup.procs: every process in the group itself (not its descendants), ascending. */
  pids: number[];
  /** pids.current where the pids controller is enabled (v2, else the v1 pids group of the same path), else null. */
  pidsCurrent: number | null;
  cpu: CgroupCpu;
  /** Null where neither hierarchy has a memory controller for this group. */
  memory: CgroupMemory | null;
  io: CgroupIo | null;
  /** cpu/memory/io.pressure where the kernel has PSI for groups; null members where a file is missing. */
  pressure: CgroupPressures;
  /** cgroup.events "frozen" (null where the kernel has no cgroup.freeze). */
  frozen: boolean | null;
}

/** cgroups(): the groups and where the hierarchy was found. */
export interface CgroupList {
  /** Where the v2 hierarchy is mounted (the unified mount on hybrid hosts), as the host names it. */
  mount: string;
  groups: Cgroup[];
}

// Actions (the collector's; the host adds the confirmation rules for the group
// that holds Procyon or PID 1). Each takes a Cgroup.path, rejects with
// InvalidArgument for a path that is not a group of the hierarchy ('..',
// control characters, outside the mount), NoSuchProcess when the group is gone,
// AccessDenied when the host may not write the group's file (another user's
// group, no delegation), Unsupported where the kernel lacks the file, NotLive
// for roots that are not the live machine, TimeoutExpired when freezing takes
// over 10 s. Each also takes the roots as an optional last argument (cgroupKill:
// {fallback} too); the functions are at the end of this file.
//
//   cgroupFreeze(path): writes 1 to cgroup.freeze, resolves once cgroup.events says frozen 1.
//   cgroupThaw(path):   writes 0, resolves once frozen 0.
//   cgroupKill(path):   cgroup.kill where the kernel has it (>= 5.14); elsewhere freeze, SIGKILL every
//                       member through its pidfd, thaw. Resolves with the outcome below once the group
//                       is empty or the wait ends.
//   cgroupSetMemoryMax(path, bytes | null): memory.max (v2) or memory.limit_in_bytes (v1 hierarchy on
//                       hybrid hosts); null clears the limit ("max" / -1).

/** What cgroupKill did. */
export interface CgroupKillOutcome {
  method: 'cgroup.kill' | 'freeze-and-signal';
  /** Pids still in the group (or its descendants) when the wait ended: empty on success. */
  survivors: number[];
}

declare module './metric' {
  interface Metrics {
    /** cgroups(); as a snapshot topic, {error: NOT_FOUND} where no cgroup2 hierarchy is mounted. */
    cgroups: CgroupList;
  }
}

declare module './types' {
  interface CollectorFunctions {
    cgroupFreeze: true;
    cgroupThaw: true;
    cgroupKill: true;
    cgroupSetMemoryMax: true;
  }
}

declare module './native' {
  interface NativeBinding {
    cgroupFreeze(options: Roots & { path: string }): Promise<void>;
    cgroupThaw(options: Roots & { path: string }): Promise<void>;
    cgroupKill(options: Roots & { path: string; fallback?: boolean }): Promise<CgroupKillOutcome>;
    cgroupSetMemoryMax(options: Roots & { path: string; bytes: number | null }): Promise<void>;
  }
}

/**
 * Every group of the v2 hierarchy that holds processes, depth first by name.
 * Rejects with NotFound (path `<procfs>/self/mountinfo`) where no cgroup2
 * hierarchy is mounted; capabilities().cgroups is false there beforehand.
 */
export const cgroups = metric('cgroups');

/** cgroupKill's options beyond the roots. */
export interface CgroupKillOptions extends Roots {
  /** Freeze and SIGKILL each member through its pidfd even where cgroup.kill exists (what kernels before 5.14 get). */
  fallback?: boolean;
}

function groupPath(path: unknown): string {
  if (typeof path !== 'string') throw new InvalidArgument('a cgroup path must be a string');
  return path;
}

function rootsOf(options: Roots | undefined): ResolvedRoots {
  const { procfs, sysfs } = optionsObject(options);
  return resolveRoots({ procfs, sysfs });
}

/** Writes 1 to the group's cgroup.freeze; resolves once cgroup.events says frozen 1 (TimeoutExpired after 10 s). */
export async function cgroupFreeze(path: string, options?: Roots): Promise<void> {
  const checked = groupPath(path);
  return callAsync(() => binding.cgroupFreeze({ ...rootsOf(options), path: checked }));
}

/** Writes 0 to cgroup.freeze; resolves once cgroup.events says frozen 0. */
export async function cgroupThaw(path: string, options?: Roots): Promise<void> {
  const checked = groupPath(path);
  return callAsync(() => binding.cgroupThaw({ ...rootsOf(options), path: checked }));
}

/**
 * Kills every process of the group and its descendants: cgroup.kill where the kernel has it,
 * else freeze, SIGKILL each member through a pidfd, thaw. Resolves once the group is empty or
 * 10 s have passed, with the members still there as survivors.
 */
export async function cgroupKill(path: string, options?: CgroupKillOptions): Promise<CgroupKillOutcome> {
  const checked = groupPath(path);
  const fallback = booleanOption(optionsObject(options).fallback, 'fallback', false);
  return callAsync(() => binding.cgroupKill({ ...rootsOf(options), path: checked, fallback }));
}

/** Sets memory.max (v2) or the v1 group's memory.limit_in_bytes to `bytes`; null clears the limit. */
export async function cgroupSetMemoryMax(path: string, bytes: number | null, options?: Roots): Promise<void> {
  const checked = groupPath(path);
  if (bytes !== null && (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0)) {
    throw new InvalidArgument('bytes must be a whole number of bytes ≥ 0, or null');
  }
  return callAsync(() => binding.cgroupSetMemoryMax({ ...rootsOf(options), path: checked, bytes }));
}
