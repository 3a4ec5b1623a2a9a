import type { Point } from '../charts/series';

export interface CsvColumn {
  key: string;
  name: string;
}

/** RFC 4180: quote a field only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row per point: ISO time, then each column's raw number (the unit is in
 * the header), so a spreadsheet gets values it can compute with.
 */
export function buildCsv(points: readonly Point[], columns: readonly CsvColumn[], unit?: string): string {
  const header = ['time', ...columns.map((c) => (unit ? `${c.name} (${unit})` : c.name))].map(csvField).join(',');
  const rows = points.map((p) => [new Date(p.t).toISOString(), ...columns.map((c) => (Number.isFinite(p[c.key]) ? String(p[c.key]) : ''))].join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}

/** A file name safe on every OS: "cpu-total-2024-05-01T12-00-00.csv". */
export function exportFileName(title: string, time: number, extension: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const stamp = new Date(time).toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
  return `${slug || 'export'}-${stamp}.${extension}`;
}
