// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, AlertRule } from '../../../shared/settings';
import { checkRules, issuesByField, newRule, newRuleId } from './rules';

describe('alert rules editor logic', () => {
  it('makes a valid rule of every kind except the one that needs a name', () => {
    for (const kind of ALERT_KINDS) {
      const ok = AlertRule.safeParse(newRule(kind, 'x')).success;
      expect(ok, kind).toBe(kind !== 'processMemory');
    }
  });

  it('names the field and rule a mistake is in, as the host would', () => {
    const issues = checkRules([newRule('cpu', 'a'), { ...newRule('cpu', 'a'), abovePercent: 120 } as AlertRule, newRule('processMemory', 'p')]);
    expect(Object.keys(issues).sort()).toEqual(['1.abovePercent', '1.id', '2.nameMatch']);
    expect(issues['1.id']).toMatch(/duplicate/);
    expect(checkRules([newRule('cpu', 'a')])).toEqual({});
  });

  it('GPU rules: utilization and memory in percent, temperature in °C, each checked as the host checks it', () => {
    expect(newRule('gpuTemperature', 't')).toMatchObject({ kind: 'gpuTemperature', aboveCelsius: 85 });
    const issues = checkRules([{ ...newRule('gpuUtilization', 'u'), abovePercent: 101 } as AlertRule, { ...newRule('gpuMemory', 'm'), abovePercent: -1 } as AlertRule, { ...newRule('gpuTemperature', 't'), aboveCelsius: 900 } as AlertRule]);
    expect(Object.keys(issues).sort()).toEqual(['0.abovePercent', '1.abovePercent', '2.aboveCelsius']);
  });

  it('maps the host’s issue paths onto the same keys', () => {
    expect(issuesByField([{ path: 'alertRules.2.forSeconds', message: 'too big' }, { path: 'alertRules', message: 'too many' }])).toEqual({ '2.forSeconds': 'too big', '': 'too many' });
  });

  it('makes distinct ids', () => {
    expect(newRuleId(1, 0.1)).not.toBe(newRuleId(1, 0.2));
    expect(newRuleId(1, 0.1)).toMatch(/^r[0-9a-z]+$/);
  });
});
