// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Point } from '../charts/series';
import { buildCsv, csvField, exportFileName } from './csv';

describe('csvField', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('buildCsv', () => {
  const points = [{ t: 0, read: 1.5, write: 0 }, { t: 1000, read: 2048 } as Point] as Point[];
  it('writes ISO times and raw numbers, one row per point, CRLF-terminated', () => {
    expect(
      buildCsv(
        points,
        [
          { key: 'read', name: 'Read' },
          { key: 'write', name: 'Write' },
        ],
        'bytes/s',
      ),
    ).toBe('time,Read (bytes/s),Write (bytes/s)\r\n1970-01-01T00:00:00.000Z,1.5,0\r\n1970-01-01T00:00:01.000Z,2048,\r\n');
  });
  it('quotes a header that needs it and works without a unit', () => {
    expect(buildCsv([], [{ key: 'a', name: 'Errors, in' }])).toBe('time,"Errors, in"\r\n');
  });
});

describe('exportFileName', () => {
  it('slugs the title and stamps the time without colons', () => {
    expect(exportFileName('Total CPU', Date.UTC(2024, 4, 1, 12, 3, 4, 567), 'csv')).toBe('total-cpu-2024-05-01T12-03-04.csv');
    expect(exportFileName('eth0 throughput', 0, 'csv')).toBe('eth0-throughput-1970-01-01T00-00-00.csv');
    expect(exportFileName('***', 0, 'json')).toBe('export-1970-01-01T00-00-00.json');
  });
});
