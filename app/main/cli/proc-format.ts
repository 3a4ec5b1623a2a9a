import { terminalSafe } from '../../shared/terminal-text';

/** `procyon proc` without --json: one attribute a line; unreadable ones as <CODE>; what the process controls escaped. */
export function formatProc(d: Record<string, unknown>): string {
  const width = Math.max(...Object.keys(d).map((k) => k.length));
  return Object.entries(d)
    .map(([k, v]) => {
      const err = (v as { error?: { code: string } } | null)?.error;
      const shown = terminalSafe(err ? `<${err.code}>` : typeof v === 'string' ? v : JSON.stringify(v));
      return `${k.padEnd(width)}  ${shown.length > 200 ? `${shown.slice(0, 197)}...` : shown}`;
    })
    .join('\n');
}
