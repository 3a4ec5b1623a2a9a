import { z } from 'zod';

// The host's settings (one file per host, not per browser) and the alert
// rules in them. Units are the snapshot's: percent 0..100, bytes, °C, seconds.

// The tick-length bounds live here, not in schemas.ts, because schemas.ts
// imports this file (an import cycle would read them before they exist).
export const MIN_INTERVAL_MS = 250;
export const MAX_INTERVAL_MS = 60_000;

export const MAX_ALERT_RULES = 50;
/** A day: longer than that, a condition is the machine's normal state, not an episode. */
export const MAX_ALERT_FOR_SECONDS = 86_400;
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

const ruleBase = {
  id: z.string().min(1).max(64),
  enabled: z.boolean(),
  /** How long the condition must hold, unbroken, before the rule fires (0: on the first tick it holds). */
  forSeconds: z.number().int().min(0).max(MAX_ALERT_FOR_SECONDS),
};
const percent = z.number().finite().min(0).max(100);
const bytes = z.number().int().min(0).max(MAX_BYTES);

export const CpuRule = z.strictObject({ kind: z.literal('cpu'), ...ruleBase, abovePercent: percent });
export const MemoryAvailableRule = z.strictObject({ kind: z.literal('memoryAvailable'), ...ruleBase, belowBytes: bytes });
export const DiskUsageRule = z.strictObject({
  kind: z.literal('diskUsage'),
  ...ruleBase,
  abovePercent: percent,
  /** One mountpoint; absent: every mounted filesystem, each its own episode. */
  mountpoint: z.string().min(1).max(4096).optional(),
});
export const TemperatureRule = z.strictObject({
  kind: z.literal('temperature'),
  ...ruleBase,
  /** Used for sensors that report no high mark; absent: such sensors are not watched. */
  fallbackCelsius: z.number().finite().min(-50).max(250).optional(),
});
/** Fires only while the battery discharges (psutil's power_plugged is False). */
export const BatteryRule = z.strictObject({ kind: z.literal('battery'), ...ruleBase, belowPercent: percent });
export const ProcessMemoryRule = z.strictObject({
  kind: z.literal('processMemory'),
  ...ruleBase,
  /** Case-insensitive substring of the process name or of its command line joined by spaces. */
  nameMatch: z.string().trim().min(1).max(256),
  /** Resident set size (rss). */
  aboveBytes: bytes,
});

/** Each GPU on its own: its busy percent (the busiest engine where the driver has no overall figure). */
export const GpuUtilizationRule = z.strictObject({ kind: z.literal('gpuUtilization'), ...ruleBase, abovePercent: percent });
/** Each GPU on its own: its memory used as a share of its size (VRAM; GTT on a GPU without VRAM of its own). */
export const GpuMemoryRule = z.strictObject({ kind: z.literal('gpuMemory'), ...ruleBase, abovePercent: percent });
/** Each GPU temperature sensor on its own (edge, junction, memory). A GPU's own marks are critical ones, so the threshold is the rule's. */
export const GpuTemperatureRule = z.strictObject({ kind: z.literal('gpuTemperature'), ...ruleBase, aboveCelsius: z.number().finite().min(-50).max(250) });

export const AlertRule = z.discriminatedUnion('kind', [CpuRule, MemoryAvailableRule, DiskUsageRule, TemperatureRule, BatteryRule, ProcessMemoryRule, GpuUtilizationRule, GpuMemoryRule, GpuTemperatureRule]);
export type AlertRule = z.infer<typeof AlertRule>;
export type AlertKind = AlertRule['kind'];
export const ALERT_KINDS = ['cpu', 'memoryAvailable', 'diskUsage', 'temperature', 'battery', 'processMemory', 'gpuUtilization', 'gpuMemory', 'gpuTemperature'] as const satisfies readonly AlertKind[];

export const AlertRules = z
  .array(AlertRule)
  .max(MAX_ALERT_RULES)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${JSON.stringify(r.id)}` });
      seen.add(r.id);
    });
  });

export const Settings = z.strictObject({
  intervalMs: z.number().int().min(MIN_INTERVAL_MS).max(MAX_INTERVAL_MS),
  /** Electron: closing the window hides it to the tray instead of quitting. */
  closeToTray: z.boolean(),
  /** Electron: start with the desktop session. */
  startAtLogin: z.boolean(),
  alertRules: AlertRules,
});
export type Settings = z.infer<typeof Settings>;

/** Any subset of Settings; a given field replaces the old one whole (alertRules is the full new list). */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  intervalMs: 1000,
  closeToTray: true,
  startAtLogin: false,
  alertRules: [],
};

/** One alert rule's episode starting ('firing') or ending ('resolved'). */
export interface AlertEvent {
  id: string;
  ruleId: string;
  kind: AlertKind;
  state: 'firing' | 'resolved';
  /** ms since the epoch (the tick's time). */
  at: number;
  /** The watched value at that tick, in the rule's unit (percent, bytes, °C). */
  value: number;
  /** A sentence for a person, e.g. "CPU above 90 % for 30 s (now 97 %)". */
  message: string;
  /** Which mountpoint, sensor ("chip label") or process ("name (pid)") the episode is about. */
  subject?: string;
}

/** How many alert events the host keeps (newest last). */
export const ALERT_HISTORY_LIMIT = 500;
