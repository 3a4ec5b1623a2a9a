import { describe, expect, it } from 'vitest';
import { formatProc } from './proc-format';

describe('procyon proc text', () => {
  it('one attribute a line, unreadable ones by their code, long values cut', () => {
    const text = formatProc({ name: 'sleep', environ: { error: { code: 'ACCESS_DENIED', message: 'no' } }, cmdline: ['x'.repeat(300)] });
    expect(text.split('\n')).toEqual([
      'name     sleep',
      'environ  <ACCESS_DENIED>',
      `cmdline  ${JSON.stringify(['x'.repeat(300)]).slice(0, 197)}...`,
    ]);
  });
});
