// hwmon chips and power supplies under their sysfs names, as node_exporter
// labels them (psutil's sensors_* merge and rename them; see sensors.ts).

import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Roots } from './types';

/** One sensor: the files that share a prefix, with their raw contents. */
export interface HwmonSensor {
  /** The file prefix: `temp1` for temp1_input, temp1_label, …; node_exporter's `sensor` label. */
  sensor: string;
  /** `temp`, `fan`, `in`, `curr`, `power`, … */
  type: string;
  /** [property, raw value] sorted by property: ['input', '55000'], ['label', 'Core 0']; a bare file's property is ''. */
  files: [string, string][];
}

export interface HwmonChip {
  /**
   * node_exporter's `chip` label: `<bus>_<device>` from the resolved device
   * link (`platform_coretemp_0`, `pci0000:00_0000:00:18_3`), else the cleaned
   * `name` file, else `hwmonN`; chips of one device are told apart by a suffix.
   */
  chip: string;
  /** The cleaned `name` file (`coretemp`), node_exporter's `chip_name`; null without one. */
  chipName: string | null;
  /** Sorted by sensor. */
  sensors: HwmonSensor[];
}

/** One /sys/class/power_supply entry under its sysfs name (`BAT0`, `AC`). */
export interface PowerSupply {
  name: string;
  /** [attribute file, raw value] sorted by attribute: ['capacity', '81'], ['type', 'Battery']. */
  attributes: [string, string][];
}

/**
 * Every /sys/class/hwmon chip with node_exporter's chip id and the files of
 * the sensor types node_exporter reads (hwmonN/ and hwmonN/device/). Values
 * are raw: millidegrees, millivolts, microwatts, RPM.
 */
export async function hwmonChips(options?: Roots): Promise<HwmonChip[]> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.hwmonChips(roots));
}

/** Every /sys/class/power_supply entry with its readable attribute files (uevent aside), raw. */
export async function powerSupplies(options?: Roots): Promise<PowerSupply[]> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.powerSupplies(roots));
}
