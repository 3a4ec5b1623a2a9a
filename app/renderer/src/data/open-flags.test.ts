import { describe, expect, it } from 'vitest';
import { countsAllIo, fieldWords, psutilName } from './field-names';
import { decodeOpenFlags } from './open-flags';

describe('open flags', () => {
  it('decodes Linux open(2) flags as psutil reports them', () => {
    expect(decodeOpenFlags(557057)).toBe('O_WRONLY|O_LARGEFILE|O_CLOEXEC');
    expect(decodeOpenFlags(0)).toBe('O_RDONLY');
    expect(decodeOpenFlags(0o2 | 0o2000 | 0o2000000)).toBe('O_RDWR|O_APPEND|O_CLOEXEC');
    expect(decodeOpenFlags(0o4010001)).toBe('O_WRONLY|O_SYNC');
    expect(decodeOpenFlags(0o10000 | 1)).toBe('O_WRONLY|O_DSYNC');
    expect(decodeOpenFlags(0o40000000)).toBe('O_RDONLY|0o40000000');
  });
});

describe('field names', () => {
  it('gives words, and psutil its own spelling', () => {
    expect(fieldWords('childrenUser')).toBe('Children, user');
    expect(psutilName('childrenUser')).toBe('children_user');
    expect(psutilName('readCount')).toBe('read_count');
    expect(fieldWords('somethingNew')).toBe('somethingNew');
  });

  it('io_counters: storage on Linux (beside readChars), every read and write on Windows (beside otherBytes)', () => {
    const linux = { readCount: 1, writeCount: 1, readBytes: 1, writeBytes: 1, readChars: 1, writeChars: 1 };
    const windows = { readCount: 1, writeCount: 1, readBytes: 1, writeBytes: 1, otherCount: 1, otherBytes: 1 };
    expect(fieldWords('readBytes', linux)).toBe('Read from storage');
    expect(fieldWords('readBytes', windows)).toBe('Read');
    expect(fieldWords('writeBytes', windows)).toBe('Written');
    expect(fieldWords('otherBytes', windows)).toBe('Other transferred');
    expect(countsAllIo(windows)).toBe(true);
    expect(countsAllIo(linux)).toBe(false);
    expect(countsAllIo({ error: { code: 'ACCESS_DENIED', message: '' } })).toBe(false);
  });
});
