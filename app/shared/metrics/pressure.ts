import type { PressureLine, PressureResource, PressureStall } from '@procyon/collector';
import { defineMetric, type CardDeclaration, type CardLine } from './define';

// Pressure-stall information (/proc/pressure): how much of the time tasks could
// not run because they waited for a CPU, memory or I/O. Utilisation says how
// busy a resource is; this says whether work queued for it.

/** One PSI line (some or full) as the kernel reports it, plus its share of the last tick. */
export interface PressureLineSample extends PressureLine {
  /**
   * Percent of the last tick in which some (or all) non-idle tasks were
   * stalled on the resource: the change in `total` over the tick's elapsed
   * time, exact where avg10 is the kernel's decaying 10 s average sampled
   * every 2 s. null on the first reading (a rate needs two).
   */
  stalledPercent: number | null;
}

/**
 * The collector's pressureStall() with each line's share of the tick. A
 * resource the kernel does not report (no irq line before Linux 6.1) is null.
 */
export type PressureSample = { [R in keyof PressureStall]: { [L in keyof PressureResource]: PressureLineSample | null } | null };

type Line = keyof PressureResource;

/** Each PSI line with the share of the last `seconds` it was stalled (its total's change), where the previous reading had it too. */
function sample(cur: PressureStall, prev: PressureStall | undefined, seconds: number): PressureSample {
  const line = (c: PressureLine | null, p: PressureLine | null | undefined): PressureLineSample | null => {
    if (c === null) return null;
    // A total that went backwards (a kernel would not; a swapped captured tree might) gives no share rather than a negative one;
    // the tick's time is taken after the read, so a share can overshoot 100 by that jitter: capped.
    const stalledPercent = p && seconds > 0 && c.total >= p.total ? Math.min(100, ((c.total - p.total) / seconds) * 100) : null;
    return { ...c, stalledPercent };
  };
  const out = {} as PressureSample;
  for (const k of Object.keys(cur) as (keyof PressureStall)[]) {
    const c = cur[k];
    out[k] = c && { some: line(c.some, prev?.[k]?.some), full: line(c.full, prev?.[k]?.full) };
  }
  return out;
}

const LINE_NAMES: Record<Line, string> = { some: 'Some', full: 'Full' };

/** A resource's card on its page: `lines` are the lines charted, with their colours. */
function card(page: string, resource: 'cpu' | 'memory' | 'io', title: string, lines: readonly (CardLine & { key: Line })[], note: string): CardDeclaration<PressureSample> {
  const keys = lines.map((l) => l.key);
  return {
    page,
    id: `pressure-${resource}`,
    title,
    lines,
    note,
    has: (s) => s[resource] !== null,
    point(s) {
      const point: Record<string, number> = {};
      for (const k of keys) {
        const v = s[resource]?.[k]?.stalledPercent;
        if (v !== null && v !== undefined) point[k] = v;
      }
      return Object.keys(point).length > 0 ? point : null;
    },
    summary(s, f) {
      const r = s[resource];
      const now = keys.map((k) => {
        const v = r?.[k]?.stalledPercent;
        return `${k} ${v === null || v === undefined ? '—' : f.percent(v)}`;
      });
      const averages = keys.flatMap((k) => {
        const l = r?.[k];
        return l ? [`${LINE_NAMES[k]}: ${[l.avg10, l.avg60, l.avg300].map((v) => f.percent(v, 2)).join(' · ')}`] : [];
      });
      return { text: now.join(' · '), title: `The kernel’s 10 s · 60 s · 300 s averages\n${averages.join('\n')}` };
    },
    // Stalls are usually a few percent: an auto scale with a 10% floor shows them, a 0–100 one would flatten them.
    scale: (f) => ({ format: (v) => f.percent(v, v % 1 === 0 ? 0 : 1), floor: 10, width: 44 }),
    csvUnit: '% of time stalled',
    absent(why, captured) {
      if (captured) return `Not reported: the captured tree has no /proc/pressure${why === 'none' ? '' : `/${resource}`}.`;
      return why === 'none'
        ? 'Not reported: this host’s kernel has no pressure-stall information (/proc/pressure needs Linux 4.20 or later built with PSI, and not booted with psi=0).'
        : `Not reported: this host’s kernel has no /proc/pressure/${resource}.`;
    },
  };
}

export default defineMetric({
  topic: 'pressure',
  source: 'pressureStall',
  // The collector's NOT_FOUND for pressure/ is a kernel without PSI: a fact, like no battery, not a failed read.
  noneWhen: 'NOT_FOUND',
  sample,
  history: true,
  cards: [
    // No `full` chart for the CPU: at system level the kernel reports it as zero (something always runs).
    card('cpu', 'cpu', 'CPU pressure', [{ key: 'some', name: LINE_NAMES.some, color: 'var(--cpu)' }], 'Share of time at least one runnable task waited for a CPU.'),
    card(
      'memory',
      'memory',
      'Memory pressure',
      [
        { key: 'some', name: LINE_NAMES.some, color: 'var(--mem)' },
        { key: 'full', name: LINE_NAMES.full, color: 'var(--swap)', line: true },
      ],
      'Share of time some tasks (some) or all non-idle tasks at once (full) waited for memory: reclaim, swap-in, refaults.',
    ),
    card(
      'disks',
      'io',
      'I/O pressure',
      [
        { key: 'some', name: LINE_NAMES.some, color: 'var(--disk)' },
        { key: 'full', name: LINE_NAMES.full, color: 'var(--disk-write)', line: true },
      ],
      'Share of time some tasks (some) or all non-idle tasks at once (full) waited for I/O.',
    ),
  ],
  // node_exporter's pressure collector: each /proc/pressure line's total, with its help texts.
  // Not cpu full (zero at system level) nor irq some (the kernel has none); a line the kernel lacks publishes nothing.
  exporter: {
    node_pressure_cpu_waiting_seconds_total: { type: 'counter', help: 'Total time in seconds that processes have waited for CPU time', value: (r) => r.cpu?.some?.total },
    node_pressure_memory_waiting_seconds_total: { type: 'counter', help: 'Total time in seconds that processes have waited for memory', value: (r) => r.memory?.some?.total },
    node_pressure_memory_stalled_seconds_total: {
      type: 'counter',
      help: 'Total time in seconds no process could make progress due to memory congestion',
      value: (r) => r.memory?.full?.total,
    },
    node_pressure_io_waiting_seconds_total: { type: 'counter', help: 'Total time in seconds that processes have waited due to IO congestion', value: (r) => r.io?.some?.total },
    node_pressure_io_stalled_seconds_total: { type: 'counter', help: 'Total time in seconds no process could make progress due to IO congestion', value: (r) => r.io?.full?.total },
    node_pressure_irq_stalled_seconds_total: { type: 'counter', help: 'Total time in seconds no process could make progress due to IRQ congestion', value: (r) => r.irq?.full?.total },
  },
});
