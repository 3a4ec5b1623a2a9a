import { AlertRules, type AlertKind, type AlertRule } from '../../../shared/settings';
import { issuesInWords } from '../../../shared/issue-words';

// The rules editor's pure half: labels, new-rule defaults, and turning
// validation issues into a message per rule field.

export const KIND_LABELS: Record<AlertKind, string> = {
  cpu: 'CPU usage',
  memoryAvailable: 'Available memory',
  diskUsage: 'Disk usage',
  temperature: 'Temperature',
  battery: 'Battery',
  processMemory: 'Process memory',
  gpuUtilization: 'GPU utilization',
  gpuMemory: 'GPU memory',
  gpuTemperature: 'GPU temperature',
};

export const MiB = 1024 * 1024;

/** A short id, unique enough for one host's ≤ 50 rules (crypto.randomUUID needs a secure context, which a LAN http host is not). */
export function newRuleId(now = Date.now(), random = Math.random()): string {
  return `r${now.toString(36)}${Math.floor(random * 36 ** 4).toString(36)}`;
}

/** A rule of `kind` with defaults a person would likely keep. */
export function newRule(kind: AlertKind, id = newRuleId()): AlertRule {
  const base = { id, enabled: true, forSeconds: 30 };
  switch (kind) {
    case 'cpu':
      return { ...base, kind, abovePercent: 90 };
    case 'memoryAvailable':
      return { ...base, kind, belowBytes: 512 * MiB };
    case 'diskUsage':
      return { ...base, kind, abovePercent: 90, forSeconds: 0 };
    case 'temperature':
      return { ...base, kind, forSeconds: 10 };
    case 'battery':
      return { ...base, kind, belowPercent: 15, forSeconds: 0 };
    case 'processMemory':
      return { ...base, kind, nameMatch: '', aboveBytes: 1024 * MiB, forSeconds: 10 };
    case 'gpuUtilization':
      return { ...base, kind, abovePercent: 95, forSeconds: 60 };
    case 'gpuMemory':
      return { ...base, kind, abovePercent: 90 };
    case 'gpuTemperature':
      return { ...base, kind, aboveCelsius: 85, forSeconds: 10 };
  }
}

/** Messages by "ruleIndex.field" ("3.abovePercent"), and "" for the list as a whole. */
export type RuleIssues = Record<string, string>;

export function issuesByField(issues: readonly { path: string; message: string }[]): RuleIssues {
  const out: RuleIssues = {};
  for (const i of issues) {
    // The server reports paths from the patch ("alertRules.2.id"); the client from the list ("2.id").
    const key = i.path.replace(/^alertRules\.?/, '');
    out[key] ??= i.message;
  }
  return out;
}

/** Validates as the host will, so mistakes show before the round trip. */
export function checkRules(rules: readonly AlertRule[]): RuleIssues {
  const r = AlertRules.safeParse(rules);
  return r.success ? {} : issuesByField(issuesInWords(r.error));
}
