// The addon and the one wrapper every call to it goes through, so native
// failures always surface as ProcyonError subclasses (via fromNative).

import path from 'node:path';

import { fromNative } from './errors';
import type { ResolvedRoots } from './roots';
import type { CpuTimes, SwapMemory, VirtualMemory } from './types';
// --- processes ---
import type { NativeProcessAction, NativeProcessSnapshot, NativeProcessTable } from './process_types';

export interface NativeBinding {
  cpuTimes(options: ResolvedRoots & { percpu: boolean }): Promise<CpuTimes | CpuTimes[]>;
  cpuCount(options: ResolvedRoots & { logical: boolean }): Promise<number | null>;
  cpuCountSync(options: ResolvedRoots & { logical: boolean }): number | null;
  virtualMemory(options: ResolvedRoots): Promise<VirtualMemory>;
  swapMemory(options: ResolvedRoots): Promise<SwapMemory>;
  bootTime(options: ResolvedRoots): Promise<number>;
  bootTimeSync(options: ResolvedRoots): number;
  capabilities(): string[];
  // --- processes ---
  processPids(options: ResolvedRoots): Promise<number[]>;
  processPidExists(options: ResolvedRoots & { pid: number }): Promise<boolean>;
  processRead(options: ResolvedRoots & { pid: number; sections: number; kind?: string }): Promise<NativeProcessSnapshot>;
  processAction(options: ResolvedRoots & NativeProcessAction): Promise<void>;
  processTable(options: ResolvedRoots & { fields: number }): Promise<NativeProcessTable>;
}

function load(): NativeBinding {
  const buildDir = path.join(__dirname, '..', 'build');
  // Release is what `npm ci` builds; Debug only with PROCYON_DEBUG_NATIVE.
  const candidates = ['Release', 'Debug'].map((config) => path.join(buildDir, config, 'procyon_collector.node'));
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node file can only be loaded by require
      return require(candidate) as NativeBinding;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'MODULE_NOT_FOUND') throw err;
      failures.push(candidate);
    }
  }
  throw new Error(
    `@procyon/collector: the native addon is not built (looked for ${failures.join(', ')}); ` +
      'run `npm run build --workspace @procyon/collector`',
  );
}

export const binding: NativeBinding = load();

export async function callAsync<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw fromNative(err);
  }
}

export function callSync<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw fromNative(err);
  }
}
