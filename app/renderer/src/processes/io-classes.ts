// I/O priorities as the host has them: their names and numbers come from the
// host's collector (HostInfo.constants: Linux's ioprioClasses, or Windows'
// ioPriorities levels where it lists them); only the words a person reads are
// the UI's, keyed by psutil's constant names.

import type { HostConstants } from '../../../shared';

const WORDS: Readonly<Record<string, string>> = {
  IOPRIO_CLASS_NONE: 'none',
  IOPRIO_CLASS_RT: 'realtime',
  IOPRIO_CLASS_BE: 'best-effort',
  IOPRIO_CLASS_IDLE: 'idle',
  IOPRIO_VERYLOW: 'very low',
  IOPRIO_LOW: 'low',
  IOPRIO_NORMAL: 'normal',
  IOPRIO_HIGH: 'high',
};

/** The classes that take a level (0 highest … 7 lowest), as ionice(1) says. */
const LEVELED: ReadonlySet<string> = new Set(['IOPRIO_CLASS_RT', 'IOPRIO_CLASS_BE']);

export interface IoClass {
  name: string;
  value: number;
  word: string;
  leveled: boolean;
}

export type IoClassTable = Readonly<Record<string, number>> | undefined;

/** What Process.ionice() takes on this host: its levels where the collector lists them (Windows), else its classes. */
export function ioTableOf(constants: Partial<Pick<HostConstants, 'ioprioClasses' | 'ioPriorities'>> | undefined): IoClassTable {
  const levels = constants?.ioPriorities;
  return levels && Object.keys(levels).length > 0 ? levels : constants?.ioprioClasses;
}

/** The host's classes in number order; empty where the platform has none. */
export function ioClasses(table: IoClassTable): IoClass[] {
  return Object.entries(table ?? {})
    .map(([name, value]) => ({ name, value, word: WORDS[name] ?? name.replace(/^IOPRIO_(CLASS_)?/, '').toLowerCase(), leveled: LEVELED.has(name) }))
    .sort((a, b) => a.value - b.value);
}

/**
 * The I/O priority dialog's choices: the host's classes (or levels), whether any
 * takes a level (Linux's realtime and best-effort; none of Windows' levels), and
 * which to preselect (the process's own, else the first).
 */
export function ioDialogChoices(table: IoClassTable, current: number): { options: IoClass[]; leveled: boolean; selected: number } {
  const options = ioClasses(table);
  const selected = options.some((c) => c.value === current) ? current : (options[0]?.value ?? current);
  return { options, leveled: options.some((c) => c.leveled), selected };
}

export function ioClassOf(table: IoClassTable, value: number): IoClass | undefined {
  return ioClasses(table).find((c) => c.value === value);
}

/** "best-effort, level 4", "idle", or the bare number for a class the host does not name. */
export function ioClassText(table: IoClassTable, ioclass: number, level?: number): string {
  const c = ioClassOf(table, ioclass);
  if (!c) return String(ioclass);
  return c.leveled && level !== undefined ? `${c.word}, level ${level}` : c.word;
}
