import { binding } from './native';

/**
 * Beyond psutil: returns the C heap's free pages to the system (glibc
 * malloc_trim). True if any were returned, false if none were free, null
 * where the C library has no such call.
 */
export function releaseFreeMemory(): boolean | null {
  return binding.releaseFreeMemory();
}
