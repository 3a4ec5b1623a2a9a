import { describe, expect, it } from 'vitest';
import { fieldWords, psutilName } from './field-names';
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
});
