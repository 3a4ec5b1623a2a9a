import type { Culprit } from '../../shared';

/**
 * What a system-wide alert appends when it fires: the tick's top processes
 * for the rule's resource, ": ffmpeg (71 %), chromium (12 %)", or nothing
 * when the tick named none (the table was not read, or nobody did anything).
 */
export function culpritsText(list: readonly Culprit[] | undefined, format: (value: number) => string): string {
  if (list === undefined || list.length === 0) return '';
  return `: ${list.map((c) => `${c.name} (${format(c.value)})`).join(', ')}`;
}
