import type { ProcessRow, Snapshot } from '../../../shared/payloads';

/** What the JSON export holds: the readings on screen, the process table with them, and a line saying so. */
export interface SnapshotFile extends Snapshot {
  about: string;
  /** The process table as the page holds it, with the time it is from; null when no page has asked for processes yet. */
  processTable: { time: string; count: number; rows: ProcessRow[] } | null;
}

export function snapshotFile(latest: Snapshot, host: string | undefined, processes: { time: number; rows: ProcessRow[] } | null): SnapshotFile {
  const at = new Date(latest.time).toISOString();
  const table = processes
    ? `and the process table (${processes.rows.length} processes, from ${new Date(processes.time).toISOString()})`
    : 'and no process table (the host had not read one yet: try again in a few seconds)';
  return {
    about: `Procyon snapshot of ${host ?? 'this host'} at ${at}: the system readings (psutil's names in camelCase, psutil's units: bytes, seconds, percent) ${table}.`,
    ...latest,
    processTable: processes ? { time: new Date(processes.time).toISOString(), count: processes.rows.length, rows: processes.rows } : null,
  };
}
