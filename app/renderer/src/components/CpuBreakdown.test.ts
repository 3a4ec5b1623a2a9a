import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CpuBreakdown } from './CpuBreakdown';

// The breakdown names the platform's own modes: a Windows collector's record
// (psutil's user, system, idle, interrupt, dpc) has no nice, I/O wait or steal.
const label = (times: object) => /aria-label="CPU time by mode: ([^"]*)"/.exec(renderToStaticMarkup(createElement(CpuBreakdown, { times: times as never })))?.[1];

describe('CpuBreakdown', () => {
  it('shows user, system, interrupt, DPC and idle for a Windows record', () => {
    expect(label({ user: 20, system: 10, idle: 60, interrupt: 6, dpc: 4 })).toBe('User 20.0%, System 10.0%, Interrupt 6.0%, DPC 4.0%, Idle 60.0%');
  });

  it('keeps top(1)\'s modes for a Linux record, irq and softirq as one', () => {
    const linux = { user: 20, nice: 1, system: 10, idle: 60, iowait: 4, irq: 2, softirq: 1, steal: 2, guest: 0, guestNice: 0 };
    expect(label(linux)).toBe('User 20.0%, System 10.0%, Nice 1.0%, I/O wait 4.0%, IRQ 3.0%, Steal 2.0%, Idle 60.0%');
  });
});
