// `procyon capabilities`: what this machine's collector can and cannot do
// over the given roots, and why not (the addon's own account: describe()).

import * as native from '@procyon/collector';
import type { CapabilityStatus, Roots } from '@procyon/collector';
import { terminalSafe } from '../../shared/terminal-text';

export interface CapabilitiesReport {
  platform: string;
  capabilities: CapabilityStatus[];
}

export function collectCapabilities(roots: Roots): CapabilitiesReport {
  return { platform: native.describe().platform, capabilities: native.capabilityReport(roots) };
}

const WHY: Record<NonNullable<CapabilityStatus['reason']>, string> = {
  'missing-file': 'missing file',
  permission: 'no permission to read',
  platform: 'not on this platform',
  'captured-tree': 'reads the live system, not a captured tree',
};

/** One line per function: name, yes/no, and for a no the reason and the file. */
export function formatCapabilities(report: CapabilitiesReport): string {
  const width = Math.max(...report.capabilities.map((c) => c.name.length));
  const lines = [`Platform: ${terminalSafe(report.platform)}`, '', `${'FUNCTION'.padEnd(width)}  OK   WHY NOT`];
  for (const c of report.capabilities) {
    const why = c.available ? '' : `${c.reason ? WHY[c.reason] : 'unavailable'}${c.path ? `: ${terminalSafe(c.path)}` : ''}`;
    lines.push(`${c.name.padEnd(width)}  ${c.available ? 'yes' : 'no '}  ${why}`.trimEnd());
  }
  const missing = report.capabilities.filter((c) => !c.available).length;
  lines.push('', `${report.capabilities.length - missing} of ${report.capabilities.length} available`);
  return lines.join('\n');
}
