import type { ChildProcess } from 'node:child_process';

/** Where the cgroup v2 hierarchy is mounted (/sys/fs/cgroup, or a hybrid host's unified mount), or null. */
export function cgroup2Mount(): string | null;
/** Where the v1 hierarchy of `controller` is mounted (a hybrid host's memory, say), or null. */
export function cgroup1Mount(controller: string): string | null;
/** Why this machine and user cannot make test groups, or null where they can. */
export function cannotMakeGroups(): string | null;

export class TestGroups {
  constructor(prefix: string);
  readonly mount: string;
  readonly base: string;
  pathOf(leaf: string): string;
  dirOf(leaf: string): string;
  /** Makes the group `leaf` under the tests' parent; answers its path as Cgroup.path gives it. */
  make(leaf: string): string;
  /** Gives group `leaf` a memory controller: its own (memory.max), or the v1 memory group of the same path (made here); answers the limit file. Before `start`. */
  mirrorMemory(leaf: string): string;
  /** Starts `script` (sh) inside group `leaf`: everything it starts is born in the group. */
  start(leaf: string, script: string): Promise<ChildProcess>;
  procs(leaf: string): number[];
  field(leaf: string, file: string, key: string): number | null;
  removeAll(): Promise<void>;
}
