import { describe, expect, it } from 'vitest';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { formatProc } from './proc-format';
import { formatPs, type PsRow } from './ps';
import { formatSnapshotText } from './report';
import { collectSnapshot } from './snapshot';
import { terminalJson, terminalSafe, terminalSafeDeep } from '../../shared/terminal-text';
import { rawControls } from './terminal-text.test-util';

const HOSTILE = '\u001b[31mFAKE\nroot 1 fake-line\r\t\u0001\u007f\u009b2J\u202eevil\u2066';

describe('terminal-safe text', () => {
  it('shows every control, C1 and bidi character as a visible escape', () => {
    expect(terminalSafe(HOSTILE)).toBe('\\e[31mFAKE\\nroot 1 fake-line\\r\\t\\x01\\x7f\\u009b2J\\u202eevil\\u2066');
  });

  it('leaves ordinary text, other scripts and backslashes alone', () => {
    for (const text of ['sleep 60', 'grep -E a\\d+', 'naïve 日本語 עברית 🦝']) expect(terminalSafe(text)).toBe(text);
  });

  it('JSON for a terminal is the exact value, with nothing raw a terminal acts on', () => {
    const value = { name: HOSTILE, [HOSTILE]: [HOSTILE, 1, null] };
    const text = terminalJson(value);
    expect(JSON.parse(text)).toEqual(value);
    // Only the pretty-printing's own newlines remain.
    expect(rawControls(text)).toEqual([]);
  });

  it('escapes keys and values deep in plain data', () => {
    expect(terminalSafeDeep({ '\u001b': ['\n', { x: '\u202e' }], n: 1, b: null })).toEqual({ '\\e': ['\\n', { x: '\\u202e' }], n: 1, b: null });
  });
});

describe('human-readable output escapes what a process or a file controls', () => {
  const row: PsRow = {
    pid: 4242, ppid: 1, user: 'ann\u001b[0m', status: 'sleeping', cpuPercent: 0, memoryPercent: 0, rss: 0, vms: 0, numThreads: 1, nice: 0, createTime: 0,
    name: 'sleep', cmdline: [HOSTILE, '60'], gpuPercent: null, gpuMemory: null,
  };

  it('ps: one line per process, nothing raw', () => {
    const lines = formatPs([{ row, depth: 0 }, { row: { ...row, pid: 4243, cmdline: [], name: HOSTILE }, depth: 1 }]).split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(rawControls(l, { newlines: true })).toEqual([]);
    expect(lines[1]).toMatch(/^4242 +1 +ann\\e\[0m .*\\e\[31mFAKE\\nroot 1 fake-line.* 60$/);
    expect(lines[2]).toContain('└─ [\\e[31mFAKE\\nroot');
  });

  it('proc: one line per attribute, strings and JSON values alike', () => {
    const lines = formatProc({ name: HOSTILE, cmdline: [HOSTILE], environ: { X: HOSTILE } }).split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(rawControls(l, { newlines: true })).toEqual([]);
    expect(lines[0]).toBe(`name     ${terminalSafe(HOSTILE)}`);
  });

  it('snapshot: names and error messages from a captured tree', async () => {
    const s = await collectSnapshot({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
    const hostile = {
      ...s,
      netConnections: { error: { code: 'PARSE_ERROR', message: `unknown TCP state '${HOSTILE}' on line 2` } },
      sensorsTemperatures: { [`chip${HOSTILE}`]: [{ label: HOSTILE, current: 40, high: null, critical: null }] },
      // A topic printed by the generic printer: sysfs names and values.
      powerSupplies: [{ name: HOSTILE, attributes: [[HOSTILE, HOSTILE]] }],
    } as typeof s;
    const text = formatSnapshotText(hostile);
    expect(rawControls(text)).toEqual([]);
    expect(text).toContain(`unavailable: PARSE_ERROR: unknown TCP state '${terminalSafe(HOSTILE)}' on line 2`);
    expect(text.split('\n').filter((l) => l.includes('fake-line'))).toHaveLength(5);
    expect(text).toContain(`    name: ${terminalSafe(HOSTILE)}\n`);
  });
});
