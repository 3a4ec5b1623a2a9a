// node_exporter's hwmon and powersupplyclass collectors, as rules over the
// collector's raw reads (hwmonChips(), powerSupplies()): the same files give
// the same series, names, labels and units as node_exporter, for the metrics
// the catalogue declares. node_exporter's rules, from its
// collector/hwmon_linux.go and collector/powersupplyclass_linux.go, are
// restated here as facts, not copied code.

import type { HwmonChip, PowerSupply } from '@procyon/collector';
import { CATALOGUE, POWER_SUPPLY_INFO, POWER_SUPPLY_VALUES, type MetricName } from './metrics-catalogue';
import type { Families, Series } from './metrics-families';

/** Go's strconv.ParseFloat on a sysfs value, in its decimal and inf/nan forms; null where Go fails. */
export function parseGoFloat(text: string): number | null {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (!special) return null;
  if (special[2]!.toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** procfs's integer attributes: decimal, or hexadecimal after 0x; null where procfs fails. */
function parseInteger(text: string): number | null {
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  return /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : null;
}

/**
 * node_exporter's metric for one sensor file: `node_hwmon_<type>` plus
 * `_<property>` (nothing for `input`, unless a bare `<type><n>` file exists),
 * plus the unit of the type, with the value scaled from sysfs's milli- and
 * micro-units. null for the types node_exporter names apart (beep_enable,
 * vrm, update_interval, freq), none of which Procyon exports.
 */
export function hwmonMetric(type: string, property: string, hasBareFile: boolean): { name: string; scale: (v: number) => number } | null {
  if (type === 'beep_enable' || type === 'vrm' || type === 'update_interval' || type === 'freq') return null;
  let name = `node_hwmon_${type}`;
  if (property === 'input') {
    if (hasBareFile) name += '_input';
  } else if (property !== '') {
    // node_exporter cleans the property too; one that needs it names no metric Procyon exports.
    name += `_${property}`;
  }
  const same = (v: number) => v;
  const milli = (v: number) => v * 0.001;
  const micro = (v: number) => v / 1000000.0;
  if (property === 'fault' || property === 'alarm') return { name, scale: same };
  if (property === 'beep') return { name: `${name}_enabled`, scale: same };
  if (type === 'in' || type === 'cpu') return { name: `${name}_volts`, scale: milli };
  if (type === 'temp' && property !== 'type') return { name: `${name}_celsius`, scale: milli };
  if (type === 'curr') return { name: `${name}_amps`, scale: milli };
  if (type === 'energy') return { name: `${name}_joule_total`, scale: micro };
  if (type === 'power' && property === 'accuracy') return { name, scale: micro };
  if (type === 'power' && /^average_interval(_min|_max)?$/.test(property)) return { name: `${name}_seconds`, scale: milli };
  if (type === 'power') return { name: `${name}_watt`, scale: micro };
  if (type === 'humidity') return { name, scale: micro };
  if (type === 'fan' && ['input', 'min', 'max', 'target'].includes(property)) return { name: `${name}_rpm`, scale: same };
  return { name, scale: same };
}

const isExported = (name: string): name is MetricName => Object.hasOwn(CATALOGUE, name);

function pushTo(f: Families, name: string, series: Series): void {
  if (isExported(name)) (f[name] ??= []).push(series);
}

/** Pure: the chips → node_hwmon_* series, node_hwmon_chip_names and node_hwmon_sensor_label included. */
export function hwmonFamilies(chips: readonly HwmonChip[]): Families {
  const f: Families = {};
  for (const chip of chips) {
    if (chip.chipName !== null) pushTo(f, 'node_hwmon_chip_names', { labels: { chip: chip.chip, chip_name: chip.chipName }, value: 1 });
    for (const s of chip.sensors) {
      const files = new Map(s.files);
      const labels = { chip: chip.chip, sensor: s.sensor };
      const label = files.get('label');
      if (label !== undefined) pushTo(f, 'node_hwmon_sensor_label', { labels: { ...labels, label }, value: 1 });
      for (const [property, raw] of files) {
        if (property === 'label') continue;
        const metric = hwmonMetric(s.type, property, files.has(''));
        const value = parseGoFloat(raw);
        if (metric && value !== null) pushTo(f, metric.name, { labels, value: metric.scale(value) });
      }
    }
  }
  return f;
}

/** Pure: the supplies → node_power_supply_* series, labelled by sysfs name, and node_power_supply_info. */
export function powerSupplyFamilies(supplies: readonly PowerSupply[]): Families {
  const f: Families = {};
  for (const supply of supplies) {
    const attributes = new Map(supply.attributes);
    const labels = { power_supply: supply.name };
    for (const [file, suffix, divisor] of POWER_SUPPLY_VALUES) {
      const raw = attributes.get(file);
      const value = raw === undefined ? null : parseInteger(raw);
      if (value !== null) pushTo(f, `node_power_supply_${suffix}`, { labels, value: value / divisor });
    }
    const info: Record<string, string> = { ...labels };
    for (const key of POWER_SUPPLY_INFO) {
      const text = attributes.get(key);
      if (text) info[key] = text;
    }
    pushTo(f, 'node_power_supply_info', { labels: info, value: 1 });
  }
  return f;
}
