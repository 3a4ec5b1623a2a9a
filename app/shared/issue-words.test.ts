import { describe, expect, it } from 'vitest';
import { AlertRules } from './settings';
import { issuesInWords } from './issue-words';

const rule = { id: 'r', enabled: true, forSeconds: 0 };
const words = (rules: unknown) => {
  const r = AlertRules.safeParse(rules);
  if (r.success) throw new Error('expected a failure');
  return issuesInWords(r.error);
};

describe('validation issues in words', () => {
  it('says what to type instead of zod text', () => {
    expect(words([{ ...rule, kind: 'cpu', abovePercent: 101 }])).toEqual([{ path: '0.abovePercent', message: 'Must be 100 or less.' }]);
    expect(words([{ ...rule, kind: 'cpu', abovePercent: -1 }])).toEqual([{ path: '0.abovePercent', message: 'Must be 0 or more.' }]);
    expect(words([{ ...rule, kind: 'cpu', abovePercent: Number.NaN }])).toEqual([{ path: '0.abovePercent', message: 'Enter a number.' }]);
    expect(words([{ ...rule, kind: 'cpu', abovePercent: 5, forSeconds: 1.5 }])).toEqual([{ path: '0.forSeconds', message: 'Enter a whole number.' }]);
    expect(words([{ ...rule, kind: 'processMemory', nameMatch: '  ', aboveBytes: 1 }])).toEqual([{ path: '0.nameMatch', message: 'Cannot be empty.' }]);
  });
  it('never passes on zod wording', () => {
    for (const bad of [{ abovePercent: 1e9 }, { abovePercent: 'x' }, { forSeconds: 1e9 }]) {
      for (const i of words([{ ...rule, kind: 'cpu', abovePercent: 5, ...bad }])) expect(i.message).not.toMatch(/expected|received|Too big|Too small|Invalid input/);
    }
  });
});
