// I/O priority classes as the host has them: their names and numbers come from
// the host's collector (HostInfo.constants.ioprioClasses); only the words a
// person reads are the UI's, keyed by psutil's constant names.

const WORDS: Readonly<Record<string, string>> = {
  IOPRIO_CLASS_NONE: 'none',
  IOPRIO_CLASS_RT: 'realtime',
  IOPRIO_CLASS_BE: 'best-effort',
  IOPRIO_CLASS_IDLE: 'idle',
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

/** The host's classes in number order; empty where the platform has none. */
export function ioClasses(table: IoClassTable): IoClass[] {
  return Object.entries(table ?? {})
    .map(([name, value]) => ({ name, value, word: WORDS[name] ?? name.replace(/^IOPRIO_CLASS_/, '').toLowerCase(), leveled: LEVELED.has(name) }))
    .sort((a, b) => a.value - b.value);
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
