import { isUnreadable, supported, type Unreadable } from './values';

/** What the details' Memory section shows: its heading, the record (or why it is missing), and uss when it could not be read. */
export interface MemorySection {
  heading: 'Memory' | 'Memory (full info)';
  value: unknown;
  /** memory_full_info failed, memory_info did not: uss is marked unavailable beside memory_info's fields. */
  uss?: Unreadable;
}

/**
 * memory_full_info where it was read. Where the platform has none, memory_info.
 * Where it failed for another reason than access (Wine's QueryWorkingSet
 * always does), memory_info's fields with uss marked unavailable. Access
 * denied is said for the whole section, as before (Linux: another user's
 * process, whose smaps only root reads).
 */
export function memorySection(d: Record<string, unknown>): MemorySection {
  const full = d.memoryFullInfo;
  if (full === undefined || !supported(full)) return { heading: 'Memory', value: d.memoryInfo };
  if (isUnreadable(full) && full.error.code !== 'ACCESS_DENIED' && !isUnreadable(d.memoryInfo) && d.memoryInfo !== undefined) {
    return { heading: 'Memory', value: d.memoryInfo, uss: full };
  }
  return { heading: 'Memory (full info)', value: full };
}
