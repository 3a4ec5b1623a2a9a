import type { GpuDevice } from '@procyon/collector';
import type { AlertEvent, AlertRule, Snapshot, Topic } from '../../shared';
import { culpritsText } from './alert-culprits';

/*
 * The alert engine: rules + one snapshot → the episodes that started or
 * ended on it. Pure apart from the state it keeps between ticks (no I/O, no
 * timers: the tick's time is passed in), so it is tested tick by tick.
 *
 * Each subject (each mountpoint, sensor, process) is watched on its own:
 * - fires once the condition has held on every tick for forSeconds (0: on the
 *   first tick it holds);
 * - then resolves only once the value is back past the threshold by a margin
 *   (hysteresis), so a value hovering at the threshold gives one notification,
 *   not one per tick: 2 points for percentages (CPU, disk, battery), 2 °C for
 *   temperatures, 5 % of the threshold for byte amounts (memory, process rss);
 * - also resolves when its subject goes (a process exits, a filesystem is
 *   unmounted, a battery is plugged in) or its rule is disabled, changed or removed.
 * A tick that lacks the rule's data (the first tick has no CPU rate; a topic
 * that failed) changes nothing.
 *
 * What is announced is one episode per rule: it fires when the first subject
 * fires (one event naming every subject that fired on that tick: "50
 * processes named sleep over 1 MiB: …"), subjects that start firing while it
 * is open join it silently, and it resolves once none fires any more. One
 * rule matching fifty processes is one notice, not fifty.
 */

const PERCENT_MARGIN = 2;
const CELSIUS_MARGIN = 2;
const BYTES_MARGIN_SHARE = 0.05;

/** One subject's reading for one rule. */
interface Reading {
  key: string;
  subject?: string;
  value: number;
  /** The rule's condition holds. */
  holds: boolean;
  /** Back past the threshold by the margin: a firing episode may end. */
  clear: boolean;
  /** The sentence for firing / resolving. */
  firing: string;
  resolved: string;
}

interface Episode {
  subject: string | undefined;
  /** When the condition started holding (null: it does not hold now). */
  since: number | null;
  firing: boolean;
  value: number;
  unit: (v: number) => string;
}

interface RuleState {
  fingerprint: string;
  rule: AlertRule;
  episodes: Map<string, Episode>;
  /** The rule's announced episode: how many subjects have fired in it so far; null while none fires. */
  open: { subjects: number } | null;
}

/** A subject that started or stopped firing on this tick. */
interface Change {
  ep: Episode;
  value: number;
  message: string;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

const pct = (v: number) => `${Math.round(v)} %`;
const celsius = (v: number) => `${Math.round(v)} °C`;
const forText = (s: number) => (s > 0 ? ` for ${s} s` : '');
const byteRate = (v: number) => `${formatBytes(v)}/s`;
const byteGrowth = (v: number) => `+${byteRate(v)}`;

function unitOf(rule: AlertRule): (v: number) => string {
  switch (rule.kind) {
    case 'memoryAvailable':
    case 'processMemory':
      return formatBytes;
    case 'temperature':
    case 'gpuTemperature':
      return celsius;
    default:
      return pct;
  }
}

/** What the rule watches on this tick, or null when the tick does not carry it. */
function read(rule: AlertRule, s: Snapshot): Reading[] | null {
  switch (rule.kind) {
    case 'cpu': {
      if (!s.cpu) return null;
      const v = s.cpu.percent;
      return [
        {
          key: '',
          value: v,
          holds: v > rule.abovePercent,
          clear: v < rule.abovePercent - PERCENT_MARGIN,
          firing: `CPU above ${pct(rule.abovePercent)}${forText(rule.forSeconds)} (now ${pct(v)})${culpritsText(s.culprits?.cpu, pct)}`,
          resolved: `CPU back below ${pct(rule.abovePercent)} (now ${pct(v)})`,
        },
      ];
    }
    case 'memoryAvailable': {
      const v = s.memory.available;
      const limit = rule.belowBytes;
      return [
        {
          key: '',
          value: v,
          holds: v < limit,
          clear: v > limit * (1 + BYTES_MARGIN_SHARE),
          firing: `Available memory below ${formatBytes(limit)}${forText(rule.forSeconds)} (now ${formatBytes(v)})${culpritsText(s.culprits?.memory, byteGrowth)}`,
          resolved: `Available memory back above ${formatBytes(limit)} (now ${formatBytes(v)})`,
        },
      ];
    }
    case 'diskUsage': {
      if (!s.partitions) return null;
      const readings: Reading[] = [];
      const seen = new Set<string>();
      for (const p of s.partitions) {
        // The same filesystem can be listed twice (bind mounts): one episode per mountpoint.
        if (!p.usage || seen.has(p.mountpoint) || (rule.mountpoint !== undefined && p.mountpoint !== rule.mountpoint)) continue;
        seen.add(p.mountpoint);
        const v = p.usage.percent;
        readings.push({
          key: p.mountpoint,
          subject: p.mountpoint,
          value: v,
          holds: v > rule.abovePercent,
          clear: v < rule.abovePercent - PERCENT_MARGIN,
          firing: `Disk ${p.mountpoint} above ${pct(rule.abovePercent)} used${forText(rule.forSeconds)} (now ${pct(v)})${culpritsText(s.culprits?.disk, byteRate)}`,
          resolved: `Disk ${p.mountpoint} back below ${pct(rule.abovePercent)} used (now ${pct(v)})`,
        });
      }
      return readings;
    }
    case 'temperature': {
      if (!s.sensors) return null;
      const readings: Reading[] = [];
      for (const [chip, sensors] of Object.entries(s.sensors.temperatures)) {
        sensors.forEach((t, i) => {
          // Some drivers report a high mark of 0 for "none".
          const high = t.high !== null && t.high > 0 ? t.high : rule.fallbackCelsius;
          if (high === undefined) return;
          const subject = `${chip} ${t.label || `temp${i + 1}`}`;
          const mark = t.high !== null && t.high > 0 ? 'its high mark' : 'the fallback';
          readings.push({
            key: `${chip}\u0000${i}`,
            subject,
            value: t.current,
            holds: t.current > high,
            clear: t.current < high - CELSIUS_MARGIN,
            firing: `${subject} above ${mark} ${celsius(high)}${forText(rule.forSeconds)} (now ${celsius(t.current)})`,
            resolved: `${subject} back below ${celsius(high)} (now ${celsius(t.current)})`,
          });
        });
      }
      return readings;
    }
    case 'battery': {
      if (s.battery === undefined) return null;
      if (s.battery === null) return [];
      const v = s.battery.percent;
      // psutil's power_plugged is None when unknown: only an explicit False is discharging.
      const discharging = s.battery.powerPlugged === false;
      return [
        {
          key: '',
          value: v,
          holds: discharging && v < rule.belowPercent,
          clear: !discharging || v > rule.belowPercent + PERCENT_MARGIN,
          firing: `Battery below ${pct(rule.belowPercent)} and discharging${forText(rule.forSeconds)} (now ${pct(v)})`,
          resolved: discharging ? `Battery back above ${pct(rule.belowPercent)} (now ${pct(v)})` : `Battery charging (now ${pct(v)})`,
        },
      ];
    }
    case 'processMemory': {
      if (!s.processes) return null;
      const needle = rule.nameMatch.toLowerCase();
      const limit = rule.aboveBytes;
      const readings: Reading[] = [];
      for (const p of s.processes) {
        if (!p.name.toLowerCase().includes(needle) && !p.cmdline.join(' ').toLowerCase().includes(needle)) continue;
        const subject = `${p.name} (${p.pid})`;
        readings.push({
          // pid and createTime: a reused pid is another process, another episode.
          key: `${p.pid}:${p.createTime}`,
          subject,
          value: p.rss,
          holds: p.rss > limit,
          clear: p.rss < limit * (1 - BYTES_MARGIN_SHARE),
          firing: `${subject} using more than ${formatBytes(limit)}${forText(rule.forSeconds)} (now ${formatBytes(p.rss)})`,
          resolved: `${subject} back below ${formatBytes(limit)} (now ${formatBytes(p.rss)})`,
        });
      }
      return readings;
    }
    case 'gpuUtilization':
      return gpuReadings(s, 'busy', (d) => [{ key: d.id, subject: gpuName(d), value: d.busyPercent }], rule.abovePercent, pct, PERCENT_MARGIN, rule.forSeconds);
    case 'gpuMemory':
      return gpuReadings(s, 'memory used', (d) => [{ key: d.id, subject: gpuName(d), value: gpuMemoryShare(d) }], rule.abovePercent, pct, PERCENT_MARGIN, rule.forSeconds);
    case 'gpuTemperature':
      return gpuReadings(
        s,
        'temperature',
        (d) => d.temperatures.map((t, i) => ({ key: `${d.id}\u0000${i}`, subject: `${gpuName(d)} ${t.label || `temp${i + 1}`}`, value: t.current })),
        rule.aboveCelsius,
        celsius,
        CELSIUS_MARGIN,
        rule.forSeconds,
      );
  }
}

/** A GPU as alerts name it: its card and model, "card0 (Radeon RX Vega)". */
function gpuName(d: GpuDevice): string {
  return d.model ? `${d.id} (${d.model})` : d.id;
}

/** What a GPU memory rule watches: its VRAM, or, on a GPU without VRAM of its own (integrated), the GTT it maps system memory through. */
export function gpuMemoryShare(d: GpuDevice): number | null {
  const { vramUsed, vramTotal, gttUsed, gttTotal } = d.memory;
  if (vramUsed !== null && vramTotal !== null && vramTotal > 0) return (vramUsed / vramTotal) * 100;
  if (gttUsed !== null && gttTotal !== null && gttTotal > 0) return (gttUsed / gttTotal) * 100;
  return null;
}

/** One reading per GPU (or per GPU sensor) for the GPU rules; `label` names the figure in the sentences. */
function gpuReadings(s: Snapshot, label: string, values: (d: GpuDevice) => { key: string; subject: string; value: number | null }[], above: number, unit: (v: number) => string, margin: number, forSeconds: number): Reading[] | null {
  if (!s.gpus) return s.gpus === null ? [] : null;
  return s.gpus.flatMap((d) =>
    values(d).flatMap(({ key, subject, value }) =>
      value === null
        ? []
        : [
            {
              key,
              subject,
              value,
              holds: value > above,
              clear: value < above - margin,
              firing: `${subject} ${label} above ${unit(above)}${forText(forSeconds)} (now ${unit(value)})`,
              resolved: `${subject} ${label} back below ${unit(above)} (now ${unit(value)})`,
            },
          ],
    ),
  );
}

const KIND_LABEL: Record<AlertRule['kind'], string> = {
  cpu: 'CPU',
  memoryAvailable: 'Available memory',
  diskUsage: 'Disk usage',
  temperature: 'Temperature',
  battery: 'Battery',
  processMemory: 'Process memory',
  gpuUtilization: 'GPU utilization',
  gpuMemory: 'GPU memory',
  gpuTemperature: 'GPU temperature',
};

/** The topics the enabled rules need sampled (CPU and memory always are). */
export function topicsForRules(rules: readonly AlertRule[]): Topic[] {
  const need: Partial<Record<AlertRule['kind'], Topic>> = {
    diskUsage: 'partitions',
    temperature: 'sensors',
    battery: 'battery',
    processMemory: 'processes',
    gpuUtilization: 'gpus',
    gpuMemory: 'gpus',
    gpuTemperature: 'gpus',
  };
  const topics = new Set<Topic>();
  for (const r of rules) {
    const t = need[r.kind];
    if (r.enabled && t) topics.add(t);
  }
  return [...topics];
}

export class AlertEngine {
  private readonly rules = new Map<string, RuleState>();
  private counter = 0;

  constructor(private readonly idPrefix = Date.now().toString(36)) {}

  evaluate(rules: readonly AlertRule[], snapshot: Snapshot, now: number): AlertEvent[] {
    const events: AlertEvent[] = [];
    const active = new Map<string, AlertRule>();
    for (const r of rules) if (r.enabled) active.set(r.id, r);

    // Rules gone, disabled or edited: their open episodes end here.
    for (const [id, state] of this.rules) {
      const rule = active.get(id);
      if (rule && JSON.stringify(rule) === state.fingerprint) continue;
      const firing = [...state.episodes.values()].filter((ep) => ep.firing);
      if (state.open && firing.length > 0) {
        const why = rule ? 'its rule was changed' : 'its rule was disabled or removed';
        const one = state.open.subjects === 1 ? firing[0]! : null;
        const on = one?.subject ? ` on ${one.subject}` : state.open.subjects > 1 ? ` on ${state.open.subjects} ${nounOf(state.rule.kind)[1]}` : '';
        events.push(this.event(state.rule, one, 'resolved', now, Math.max(...firing.map((ep) => ep.value)), `${KIND_LABEL[state.rule.kind]} alert${on} closed: ${why}`));
      }
      this.rules.delete(id);
    }

    for (const rule of active.values()) {
      let state = this.rules.get(rule.id);
      if (!state) {
        state = { fingerprint: JSON.stringify(rule), rule, episodes: new Map(), open: null };
        this.rules.set(rule.id, state);
      }
      const readings = read(rule, snapshot);
      if (readings === null) continue;
      const present = new Set<string>();
      const started: Change[] = [];
      const ended: Change[] = [];
      for (const r of readings) {
        present.add(r.key);
        let ep = state.episodes.get(r.key);
        if (!ep) {
          if (!r.holds) continue;
          ep = { subject: r.subject, since: null, firing: false, value: r.value, unit: unitOf(rule) };
          state.episodes.set(r.key, ep);
        }
        ep.value = r.value;
        if (ep.firing) {
          if (r.clear) {
            ended.push({ ep, value: r.value, message: r.resolved });
            state.episodes.delete(r.key);
          }
        } else if (r.holds) {
          ep.since ??= now;
          if (now - ep.since >= rule.forSeconds * 1000) {
            ep.firing = true;
            started.push({ ep, value: r.value, message: r.firing });
          }
        } else {
          // The condition broke before forSeconds were up: the wait starts over.
          state.episodes.delete(r.key);
        }
      }
      for (const [key, ep] of state.episodes) {
        if (present.has(key)) continue;
        state.episodes.delete(key);
        if (ep.firing) ended.push({ ep, value: ep.value, message: goneMessage(rule, ep) });
      }
      this.announce(rule, state, started, ended, now, events);
    }
    return events;
  }

  /** The subjects' changes on this tick → at most one event for the rule's episode. */
  private announce(rule: AlertRule, state: RuleState, started: Change[], ended: Change[], now: number, events: AlertEvent[]): void {
    if (started.length > 0) {
      if (state.open) {
        // Joins the episode already announced: no second notice.
        state.open.subjects += started.length;
      } else {
        state.open = { subjects: started.length };
        const only = started.length === 1 ? started[0]! : null;
        events.push(
          only
            ? this.event(rule, only.ep, 'firing', now, only.value, only.message)
            : this.event(rule, null, 'firing', now, Math.max(...started.map((c) => c.value)), groupFiring(rule, started)),
        );
      }
    }
    if (!state.open || [...state.episodes.values()].some((ep) => ep.firing)) return;
    const last = ended[ended.length - 1];
    const subjects = state.open.subjects;
    state.open = null;
    if (!last) return;
    events.push(
      subjects === 1 ? this.event(rule, last.ep, 'resolved', now, last.value, last.message) : this.event(rule, null, 'resolved', now, last.value, groupResolved(rule, subjects)),
    );
  }

  private event(rule: AlertRule, ep: Episode | null, state: AlertEvent['state'], at: number, value: number, message: string): AlertEvent {
    return {
      id: `${this.idPrefix}-${++this.counter}`,
      ruleId: rule.id,
      kind: rule.kind,
      state,
      at,
      value,
      message,
      ...(ep?.subject !== undefined && { subject: ep.subject }),
    };
  }
}

function goneMessage(rule: AlertRule, ep: Episode): string {
  switch (rule.kind) {
    case 'processMemory':
      return `${ep.subject} exited (last ${ep.unit(ep.value)})`;
    case 'diskUsage':
      return `Disk ${ep.subject} is no longer mounted (last ${ep.unit(ep.value)})`;
    case 'battery':
      return `Battery no longer reported (last ${ep.unit(ep.value)})`;
    default:
      return `${ep.subject ?? KIND_LABEL[rule.kind]} no longer reported (last ${ep.unit(ep.value)})`;
  }
}

/** What one rule watches several of: singular, plural. */
function nounOf(kind: AlertRule['kind']): [string, string] {
  switch (kind) {
    case 'processMemory':
      return ['process', 'processes'];
    case 'diskUsage':
      return ['disk', 'disks'];
    case 'temperature':
    case 'gpuTemperature':
      return ['sensor', 'sensors'];
    case 'gpuUtilization':
    case 'gpuMemory':
      return ['GPU', 'GPUs'];
    default:
      return ['reading', 'readings'];
  }
}

/** How many subjects a grouped message names before "and N more": a notice stays a few lines. */
export const GROUP_NAMES_SHOWN = 3;

/** "50 processes named sleep over 1.0 MiB: sleep (12) 2.1 MiB, sleep (13) 2.0 MiB, sleep (14) 2.0 MiB and 47 more". */
function groupFiring(rule: AlertRule, started: readonly Change[]): string {
  const n = started.length;
  const unit = unitOf(rule);
  const top = [...started].sort((a, b) => (rule.kind === 'memoryAvailable' || rule.kind === 'battery' ? a.value - b.value : b.value - a.value)).slice(0, GROUP_NAMES_SHOWN);
  const list = top.map((c) => `${c.ep.subject ?? '?'} ${rule.kind === 'processMemory' ? unit(c.value) : `(${unit(c.value)})`}`).join(', ');
  const more = n > top.length ? ` and ${n - top.length} more` : '';
  return `${groupCondition(rule, n)}${forText(rule.forSeconds)}: ${list}${more}`;
}

function groupCondition(rule: AlertRule, n: number): string {
  const noun = nounOf(rule.kind)[1];
  switch (rule.kind) {
    case 'processMemory':
      return `${n} ${noun} named ${rule.nameMatch} over ${formatBytes(rule.aboveBytes)}`;
    case 'diskUsage':
      return `${n} ${noun} above ${pct(rule.abovePercent)} used`;
    case 'temperature':
      return `${n} ${noun} above their high mark`;
    default:
      return `${n} ${noun} past the threshold`;
  }
}

function groupResolved(rule: AlertRule, n: number): string {
  const noun = nounOf(rule.kind)[1];
  switch (rule.kind) {
    case 'processMemory':
      return `All ${n} ${noun} named ${rule.nameMatch} back below ${formatBytes(rule.aboveBytes)} or exited`;
    case 'diskUsage':
      return `All ${n} ${noun} back below ${pct(rule.abovePercent)} used`;
    case 'temperature':
      return `All ${n} ${noun} back below their high mark`;
    default:
      return `All ${n} ${noun} back past the threshold`;
  }
}
