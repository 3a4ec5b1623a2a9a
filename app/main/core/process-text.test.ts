import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEXT_CUT_BYTES, PROCESS_TEXT_FULL_BYTES, type DetailsTextCut } from '../../shared';
import { untilSleeping } from './child.test-util';
import { collectProc, processText } from './process-details';

// A process's argv and environment are its own to fill: details carry them
// cut (PROCESS_TEXT_CUT_BYTES) and marked; getProcessText gives more, up to
// PROCESS_TEXT_FULL_BYTES.

const wire = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

async function longProcess(argBytes: number, envBytes: number) {
  // bash stays (the `; :`), keeping its argv; sleep would refuse the extra arguments.
  const args = Array.from({ length: Math.ceil(argBytes / 100_000) }, (_, i) => String.fromCharCode(97 + i).repeat(100_000));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', BIG: '\x01'.repeat(Math.min(envBytes, 100_000)), BIG2: 'z'.repeat(Math.max(0, envBytes - 100_000)) };
  const child = spawn('bash', ['-c', 'sleep 300; :', 'x', ...args], { stdio: 'ignore', env });
  children.push(child);
  await untilSleeping(child.pid!, 'bash');
  return { pid: child.pid!, args: ['bash', '-c', 'sleep 300; :', 'x', ...args], env };
}

describe('process text in details', () => {
  it('is cut to the budget and marked with its whole size', async () => {
    const { pid, args } = await longProcess(300_000, 120_000);
    const d = await collectProc(pid, {});
    const cut = d.textCut as DetailsTextCut;
    expect(wire(d.cmdline)).toBeLessThanOrEqual(PROCESS_TEXT_CUT_BYTES);
    expect(wire(d.environ)).toBeLessThanOrEqual(PROCESS_TEXT_CUT_BYTES);
    expect(cut.cmdline).toEqual({ bytes: args.reduce((n, a) => n + a.length + 1, 0) });
    expect(cut.environ!.bytes).toBeGreaterThan(120_000);
    expect((d.cmdline as string[]).slice(0, 4)).toEqual(args.slice(0, 4));
  });

  it('comes whole from processText up to its cap, and cut past it', async () => {
    const small = await longProcess(100_000, 1000);
    const whole = await processText(small.pid, {}, 'cmdline');
    expect(whole).toEqual({ field: 'cmdline', value: small.args });

    const big = await longProcess(600_000, 0);
    const capped = await processText(big.pid, {}, 'cmdline');
    expect(wire(capped.value)).toBeLessThanOrEqual(PROCESS_TEXT_FULL_BYTES);
    expect(wire(capped.value)).toBeGreaterThan(PROCESS_TEXT_FULL_BYTES - 16);
    expect(capped.cut!.bytes).toBe(big.args.reduce((n, a) => n + a.length + 1, 0));

    const env = await processText(small.pid, {}, 'environ');
    expect(env).toMatchObject({ field: 'environ', value: { BIG: small.env.BIG } });
  });
});
