// A process's priority as its host has it: a nice value (Linux), or, where
// the host's collector lists priority classes (HostInfo.constants.priorityClasses,
// Windows), one of those classes by name, as Task Manager says it. The numbers
// are the host's; only the words a person reads are the UI's, keyed by psutil's
// constant names and listed from the least favoured to the most.

const CLASS_WORDS: readonly (readonly [string, string])[] = [
  ['IDLE_PRIORITY_CLASS', 'Idle'],
  ['BELOW_NORMAL_PRIORITY_CLASS', 'Below normal'],
  ['NORMAL_PRIORITY_CLASS', 'Normal'],
  ['ABOVE_NORMAL_PRIORITY_CLASS', 'Above normal'],
  ['HIGH_PRIORITY_CLASS', 'High'],
  ['REALTIME_PRIORITY_CLASS', 'Realtime'],
];

export type PriorityClassTable = Readonly<Record<string, number>> | undefined;

export interface PriorityClass {
  name: string;
  value: number;
  word: string;
}

/** "ABOVE_NORMAL_PRIORITY_CLASS" → "Above normal", for a class the words above do not name. */
const wordOf = (name: string) => {
  const known = CLASS_WORDS.find(([n]) => n === name)?.[1];
  if (known) return known;
  const bare = name.replace(/_PRIORITY_CLASS$/, '').replace(/_/g, ' ').toLowerCase();
  return bare.charAt(0).toUpperCase() + bare.slice(1);
};

const rankOf = (name: string) => {
  const i = CLASS_WORDS.findIndex(([n]) => n === name);
  return i < 0 ? CLASS_WORDS.length : i;
};

/** The host's priority classes, least favoured first; empty where priority is a nice value. */
export function priorityClasses(table: PriorityClassTable): PriorityClass[] {
  return Object.entries(table ?? {})
    .map(([name, value]) => ({ name, value, word: wordOf(name) }))
    .sort((a, b) => rankOf(a.name) - rankOf(b.name) || a.value - b.value);
}

/** Whether the host's priority is a class rather than a nice value. */
export const hasPriorityClasses = (table: PriorityClassTable) => Object.keys(table ?? {}).length > 0;

/**
 * What the Nice column and the details say: the class's word where the host has
 * classes ("Normal"), else the nice value. A number no class names is unknown
 * ("—"): the Windows collector reads 0 where it may not open the process.
 */
export function priorityText(table: PriorityClassTable, nice: number): string {
  if (!hasPriorityClasses(table)) return String(nice);
  return priorityClasses(table).find((c) => c.value === nice)?.word ?? '—';
}

/** Each class's place in priorityClasses(), by its number; null where priority is a nice value. */
function classRanks(table: PriorityClassTable): ReadonlyMap<number, number> | null {
  return hasPriorityClasses(table) ? new Map(priorityClasses(table).map((c, i) => [c.value, i])) : null;
}

const sortKey = (ranks: ReadonlyMap<number, number> | null, nice: number): number => {
  if (ranks === null) return nice;
  const i = ranks.get(nice);
  return i === undefined ? Number.MAX_SAFE_INTEGER : -i;
};

/**
 * What the Nice column sorts by, in nice's direction (the most favoured is the
 * smallest): the nice value, or where the host has classes, minus the class's
 * place in the list (a class number says nothing of order: BELOW_NORMAL is 0x4000,
 * HIGH 0x80). A number no class names sorts last.
 */
export function prioritySortKey(table: PriorityClassTable, nice: number): number {
  return sortKey(classRanks(table), nice);
}

/** The connected host's class ranks, made once per HostInfo rather than per row sorted. */
let hostRanks: ReadonlyMap<number, number> | null = null;

/**
 * The connected host's classes, for the table's sort (the columns are one
 * module-wide declaration, sorted by code that knows no HostInfo): set when
 * HostInfo arrives (store.setInfo).
 */
export function setHostPriorityClasses(table: PriorityClassTable): void {
  hostRanks = classRanks(table);
}

export const hostPrioritySortKey = (nice: number) => sortKey(hostRanks, nice);
