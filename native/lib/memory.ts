import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots, SwapMemory, VirtualMemory } from './types';

/** psutil.virtual_memory(): physical memory usage in bytes. */
export async function virtualMemory(options?: Roots): Promise<VirtualMemory> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.virtualMemory(roots));
}

/** psutil.swap_memory(): swap usage in bytes, and bytes swapped in/out since boot. */
export async function swapMemory(options?: Roots): Promise<SwapMemory> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.swapMemory(roots));
}
