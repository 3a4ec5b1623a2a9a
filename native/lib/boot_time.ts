import { binding, callAsync, callSync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots } from './types';

/** psutil.boot_time(): when the system booted, in seconds since the epoch. */
export async function bootTime(options?: Roots): Promise<number> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.bootTime(roots));
}

/** bootTime() without the thread hop: one small read, cheap enough to block on. */
export function bootTimeSync(options?: Roots): number {
  const roots = resolveRoots(optionsObject(options));
  return callSync(() => binding.bootTimeSync(roots));
}
