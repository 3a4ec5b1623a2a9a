import type { z } from 'zod';

/**
 * A validation problem in words a person reads at the field, in place of
 * zod's own text ("Too big: expected number to be <=100", "expected number,
 * received NaN"). One place, used wherever issues leave for a person: the
 * host's answers and the rules editor's own check before saving.
 */
export function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return 'Enter a number.';
      if (issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'string') return 'Enter some text.';
      return issue.message;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${max} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${max} allowed.`;
      return issue.inclusive === false ? `Must be less than ${max}.` : `Must be ${max} or less.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Cannot be empty.' : `Use at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At least ${min} needed.`;
      return issue.inclusive === false ? `Must be more than ${min}.` : `Must be ${min} or more.`;
    }
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}.`;
    default:
      return issue.message;
  }
}

/** The issues of a failed parse, each as a dotted path and words. */
export function issuesInWords(error: { issues: readonly z.core.$ZodIssue[] }): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueWords(i) }));
}
