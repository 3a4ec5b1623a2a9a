import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../app/main/server/metrics-catalogue';
import { parseExposition, promtoolAvailability, promtoolProblems, type Sample } from '../../app/main/server/metrics-exposition.test-util';
import { MetricsExporter } from '../../app/main/server/metrics-exporter';
import { startHost, type Host } from '../../app/main/core/host';
import { unpackTtar } from '../fixtures/ttar';

// The same sysfs files node_exporter's own end-to-end test reads, through the
// collector and the exporter's rules: every node_hwmon_* and
// node_power_supply_* family Procyon publishes must hold exactly the series
// (names, label sets, values) and help text node_exporter's expected output
// holds for that tree.

const FIXTURE = path.resolve(__dirname, '../fixtures/node-exporter');
// node_exporter's end-to-end run passes --collector.hwmon.chip-include with
// this pattern (end-to-end-test.sh), which leaves out the tree's `bogus` chip;
// Procyon has no such filter, so the comparison applies it to Procyon's side.
const CHIP_INCLUDE = /(applesmc|asus_nb_wmi|coretemp|hwmon4|ieee80211|nct6779)/;

interface Family {
  help: string | undefined;
  series: Map<string, number>;
}

const key = (s: Sample) =>
  JSON.stringify(
    Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

function families(text: string): Map<string, Family> {
  const out = new Map<string, Family>();
  const family = (name: string) => out.get(name) ?? out.set(name, { help: undefined, series: new Map() }).get(name)!;
  for (const line of text.split('\n')) {
    const help = /^# HELP (\S+) (.*)$/.exec(line);
    if (help) family(help[1]!).help = help[2];
  }
  for (const s of parseExposition(text).samples) {
    if (s.labels.chip === undefined || CHIP_INCLUDE.test(s.labels.chip)) family(s.name).series.set(key(s), s.value);
  }
  return out;
}

describe("node_hwmon_* and node_power_supply_* on node_exporter's fixture tree", () => {
  let dir: string;
  let ours: Map<string, Family>;
  let text: string;
  const theirs = families(readFileSync(path.join(FIXTURE, 'e2e-output-sysfs.txt'), 'utf8'));

  let host: Host;
  let exporter: MetricsExporter;

  beforeAll(async () => {
    dir = unpackTtar(path.join(FIXTURE, 'sys.ttar'), 'procyon-node-exporter-');
    // The whole path a scrape takes: the sampler and exporter over this sysfs (and the live /proc).
    const roots = { sysfs: path.join(dir, 'sys') };
    host = await startHost({ roots, transport: 'websocket', intervalMs: 500 });
    exporter = new MetricsExporter({ sampler: host.sampler, connect: host.connect, roots });
    await exporter.start();
    text = (await exporter.scrape(undefined)).body;
    ours = families(text);
    for (const [name, f] of ours) if (f.series.size === 0 || !/^node_(hwmon|power_supply)_/.test(name)) ours.delete(name);
  });
  afterAll(() => {
    exporter?.stop();
    host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every family the catalogue declares and node_exporter gives is there, with the same series, values and help', () => {
    const declared = [...theirs.keys()].filter((name) => Object.hasOwn(CATALOGUE, name));
    // At least what the README's table lists, and the two info series.
    expect(declared).toEqual(
      expect.arrayContaining([
        'node_hwmon_chip_names',
        'node_hwmon_sensor_label',
        'node_hwmon_temp_celsius',
        'node_hwmon_temp_max_celsius',
        'node_hwmon_temp_crit_celsius',
        'node_hwmon_fan_rpm',
        'node_hwmon_in_volts',
        'node_power_supply_capacity',
        'node_power_supply_online',
        'node_power_supply_info',
      ]),
    );
    for (const name of declared) {
      expect(ours.get(name)?.series, name).toEqual(theirs.get(name)!.series);
      expect(ours.get(name)?.help, name).toBe(theirs.get(name)!.help);
    }
  });

  it('publishes no family node_exporter does not give on these files', () => {
    expect([...ours.keys()].filter((name) => !theirs.has(name))).toEqual([]);
  });

  it('chips are named from the device path, sensors by file prefix (spot checks of the rules)', () => {
    const x = parseExposition(text);
    expect(x.value('node_hwmon_temp_celsius', { chip: 'platform_coretemp_1', sensor: 'temp3' })).toBe(52);
    expect(x.value('node_hwmon_sensor_label', { chip: 'platform_coretemp_1', sensor: 'temp3', label: 'Core 1' })).toBe(1);
    // Two hwmon nodes of one device, told apart by their names.
    expect(x.values('node_hwmon_chip_names', { chip_name: 'asus_wmi_sensors' })).toEqual([1]);
    expect(x.samples.filter((s) => s.name === 'node_hwmon_chip_names').map((s) => s.labels.chip)).toContain('platform_asus_nb_wmi_asus_wmi_sensors');
    // Fans kept in the device's own folder (applesmc).
    expect(x.value('node_hwmon_fan_rpm', { chip: 'platform_applesmc_768', sensor: 'fan2' })).toBe(1998);
    expect(x.value('node_power_supply_capacity', { power_supply: 'BAT0' })).toBe(81);
    expect(x.value('node_power_supply_online', { power_supply: 'AC' })).toBe(0);
  });

  const promtool = promtoolAvailability();
  it.skipIf(promtool === 'skip')('promtool check metrics accepts the exposition with these families', () => {
    const r = promtoolProblems(text);
    expect(r.missing).toBe(false);
    if (!r.missing) expect(r.problems).toEqual([]);
  });
});
