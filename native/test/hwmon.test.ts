// hwmonChips and powerSupplies on small trees in the kernel's layout
// (Documentation/hwmon/sysfs-interface, ABI sysfs-class-power): class
// entries are links into /sys/devices, as on a real machine. The chip ids
// expected here follow node_exporter's rules (collector/hwmon_linux.go).

import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { collector, treeFactory } from './helpers';

const tree = treeFactory(afterAll);

/** Writes files, then links `links` (path → target, both relative to the tree's sys/). */
function sysTree(files: Record<string, string>, links: Record<string, string> = {}, dirs: string[] = []) {
  const roots = tree(Object.fromEntries(Object.entries(files).map(([p, c]) => [`sys/${p}`, c])));
  for (const d of dirs) mkdirSync(path.join(roots.sysfs, d), { recursive: true });
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(roots.sysfs, link)), { recursive: true });
    symlinkSync(target, path.join(roots.sysfs, link));
  }
  return roots;
}

describe('hwmonChips: node_exporter chip ids', () => {
  it('names a chip <bus>_<device> from its resolved device link, with its name file as chipName', async () => {
    const k10 = 'devices/pci0000:00/0000:00:18.3';
    const roots = sysTree(
      {
        [`${k10}/hwmon/hwmon2/name`]: 'k10temp\n',
        [`${k10}/hwmon/hwmon2/temp1_input`]: '45125\n',
        [`${k10}/hwmon/hwmon2/temp1_label`]: 'Tctl\n',
        [`${k10}/hwmon/hwmon2/uevent`]: 'OF_NAME=x\n',
        'devices/platform/coretemp.0/hwmon/hwmon0/name': 'coretemp\n',
        'devices/platform/coretemp.0/hwmon/hwmon0/temp1_input': '50000\n',
        'devices/platform/coretemp.1/hwmon/hwmon1/name': 'coretemp\n',
        'devices/platform/coretemp.1/hwmon/hwmon1/temp1_input': '51000\n',
      },
      {
        'class/hwmon/hwmon2': `../../${k10}/hwmon/hwmon2`,
        [`${k10}/hwmon/hwmon2/device`]: '../../../0000:00:18.3',
        'class/hwmon/hwmon0': '../../devices/platform/coretemp.0/hwmon/hwmon0',
        'devices/platform/coretemp.0/hwmon/hwmon0/device': '../../../coretemp.0',
        'class/hwmon/hwmon1': '../../devices/platform/coretemp.1/hwmon/hwmon1',
        'devices/platform/coretemp.1/hwmon/hwmon1/device': '../../../coretemp.1',
      },
    );
    const chips = await collector.hwmonChips(roots);
    const byChip = Object.fromEntries(chips.map((c) => [c.chip, c]));
    expect(Object.keys(byChip).sort()).toEqual(['pci0000:00_0000:00:18_3', 'platform_coretemp_0', 'platform_coretemp_1']);
    expect(byChip['pci0000:00_0000:00:18_3']).toEqual({
      chip: 'pci0000:00_0000:00:18_3',
      chipName: 'k10temp',
      sensors: [{ sensor: 'temp1', type: 'temp', files: [['input', '45125'], ['label', 'Tctl']] }],
    });
    expect(byChip.platform_coretemp_1!.chipName).toBe('coretemp');
  });

  it('tells apart hwmon nodes of one device by name, else by hwmonN; without device or name a chip is hwmonN', async () => {
    const wmi = 'devices/platform/asus-nb-wmi';
    const roots = sysTree(
      {
        [`${wmi}/hwmon/hwmon6/name`]: 'asus\n',
        [`${wmi}/hwmon/hwmon6/pwm1_enable`]: '2\n',
        [`${wmi}/hwmon/hwmon7/name`]: 'asus\n',
        [`${wmi}/hwmon/hwmon7/pwm1_enable`]: '2\n',
        [`${wmi}/hwmon/hwmon8/name`]: 'asus_wmi_sensors\n',
        'class/hwmon/hwmon9/temp1_input': '1000\n',
        'class/hwmon/hwmon10/name': 'My Chip-2 °C\n',
        'class/hwmon/hwmon10/temp01_input': '2000\n',
      },
      {
        'class/hwmon/hwmon6': `../../${wmi}/hwmon/hwmon6`,
        [`${wmi}/hwmon/hwmon6/device`]: '../../../asus-nb-wmi',
        'class/hwmon/hwmon7': `../../${wmi}/hwmon/hwmon7`,
        [`${wmi}/hwmon/hwmon7/device`]: '../../../asus-nb-wmi',
        'class/hwmon/hwmon8': `../../${wmi}/hwmon/hwmon8`,
        [`${wmi}/hwmon/hwmon8/device`]: '../../../asus-nb-wmi',
      },
    );
    const chips = await collector.hwmonChips(roots);
    expect(chips.map((c) => [c.chip, c.chipName]).sort()).toEqual([
      ['hwmon9', null],
      // Lower case, each character outside [a-z0-9:_] (a whole UTF-8 sequence counting once) an '_', '_' trimmed.
      ['my_chip_2__c', 'my_chip_2__c'],
      ['platform_asus_nb_wmi_asus_wmi_sensors', 'asus_wmi_sensors'],
      ['platform_asus_nb_wmi_hwmon6', 'asus'],
      ['platform_asus_nb_wmi_hwmon7', 'asus'],
    ]);
    // temp01 is sensor temp1, as node_exporter reads the number.
    expect(chips.find((c) => c.chip === 'my_chip_2__c')!.sensors.map((s) => s.sensor)).toEqual(['temp1']);
  });

  it("reads the device's sensor files too (the same file there wins), only sensor types, and keeps file names as data", async () => {
    const smc = 'devices/platform/applesmc.768';
    const roots = sysTree(
      {
        [`${smc}/fan1_input`]: '2000\n',
        [`${smc}/fan1_label`]: 'Left side  \n',
        [`${smc}/hwmon/hwmon2/fan1_min`]: '1\n',
        [`${smc}/fan1_min`]: '2160\n',
        [`${smc}/temp1___proto__`]: '7\n',
        [`${smc}/modalias`]: 'platform:applesmc\n',
        [`${smc}/beep_enable`]: '1\n',
      },
      {
        'class/hwmon/hwmon2': `../../${smc}/hwmon/hwmon2`,
        [`${smc}/hwmon/hwmon2/device`]: '../../../applesmc.768',
      },
      [`${smc}/power`],
    );
    const [chip] = await collector.hwmonChips(roots);
    expect(chip).toEqual({
      chip: 'platform_applesmc_768',
      chipName: null,
      sensors: [
        { sensor: 'beep_enable0', type: 'beep_enable', files: [['', '1']] },
        // Only newlines are trimmed from a value, as node_exporter does.
        { sensor: 'fan1', type: 'fan', files: [['input', '2000'], ['label', 'Left side  '], ['min', '2160']] },
        { sensor: 'temp1', type: 'temp', files: [['__proto__', '7']] },
      ],
    });
  });

  it('reads at most 128 bytes of a sensor file, as node_exporter does: a runaway file is bounded', async () => {
    const roots = sysTree({ 'class/hwmon/hwmon0/name': 'x\n', 'class/hwmon/hwmon0/temp1_label': 'L'.repeat(100_000) });
    const [chip] = await collector.hwmonChips(roots);
    expect(chip!.sensors[0]!.files).toEqual([['label', 'L'.repeat(128)]]);
  });

  it('no hwmon class at all: no chips', async () => {
    expect(await collector.hwmonChips(sysTree({ 'class/thermal/thermal_zone0/temp': '1000\n' }))).toEqual([]);
  });
});

describe('powerSupplies: by sysfs name', () => {
  it('lists each supply with its readable attribute files, raw and trimmed; links, folders and uevent left out', async () => {
    const bat = 'devices/LNXSYSTM:00/LNXSYBUS:00/PNP0C0A:00/power_supply/BAT0';
    const roots = sysTree(
      {
        [`${bat}/capacity`]: '81\n',
        [`${bat}/status`]: 'Discharging\n',
        [`${bat}/type`]: 'Battery\n',
        [`${bat}/uevent`]: 'POWER_SUPPLY_NAME=BAT0\n',
        'class/power_supply/AC/online': '1\n',
        'class/power_supply/AC/type': 'Mains\n',
      },
      { 'class/power_supply/BAT0': `../../${bat}`, [`${bat}/device`]: '../../../PNP0C0A:00' },
      [`${bat}/power`],
    );
    expect(await collector.powerSupplies(roots)).toEqual([
      { name: 'AC', attributes: [['online', '1'], ['type', 'Mains']] },
      { name: 'BAT0', attributes: [['capacity', '81'], ['status', 'Discharging'], ['type', 'Battery']] },
    ]);
  });

  it('both are topics of systemSnapshot and capabilities of this platform', async () => {
    const roots = sysTree({ 'class/power_supply/AC/online': '0\n' });
    const s = await collector.systemSnapshot({ ...roots, topics: ['hwmonChips', 'powerSupplies'] });
    expect(s).toEqual({ hwmonChips: [], powerSupplies: [{ name: 'AC', attributes: [['online', '0']] }] });
    // No class/hwmon in this tree: an empty list to read, and a capability that says why.
    expect(collector.capabilities(roots)).toMatchObject({ hwmonChips: false, powerSupplies: true });
    expect(collector.capabilityReport(roots).find((c) => c.name === 'hwmonChips')).toEqual({
      name: 'hwmonChips',
      available: false,
      reason: 'missing-file',
      path: `${roots.sysfs}/class/hwmon`,
    });
  });
});
