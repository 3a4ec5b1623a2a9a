// Sensors against trees in the kernel's layout: committed hwmon trees
// (test/fixtures), the captured thermal zones and battery, and small
// power_supply trees written per test. Expected values are worked out by
// hand from the files.

import { lstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { FIXTURE, FIXTURE_ROOTS, collector, makeTree } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const HWMON = { procfs: '/nonexistent-procfs', sysfs: path.join(here, 'fixtures', 'hwmon-basic', 'sys') };
const { POWER_TIME_UNKNOWN, POWER_TIME_UNLIMITED } = collector;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function sysTree(files: Record<string, string>) {
  const { dir, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return { procfs: path.join(dir, 'proc'), sysfs: path.join(dir, 'sys') };
}

const fahrenheit = (celsius: number) => (celsius * 9) / 5 + 32;

describe('sensorsTemperatures: hwmon', () => {
  const expected = {
    // sorted paths: temp1, temp10, temp2
    coretemp: [
      { label: 'Package id 0', current: 45, high: 80, critical: 100 },
      { label: '', current: 38.5, high: null, critical: null },
      // max only: psutil copies it into critical
      { label: 'Core 0', current: 51.5, high: 84, critical: 84 },
    ],
    // temp1_input is a directory and temp2_input garbage: both skipped; temp3 has crit only
    acpitz: [{ label: '', current: 27.8, high: 105, critical: 105 }],
    // the hwmonN/device/ variant
    nvme: [{ label: 'Composite', current: 33.85, high: 84.85, critical: 84.85 }],
  };

  it('reads temp*_input/label/max/crit per chip, in psutil order, skipping unreadable sensors', async () => {
    const temps = await collector.sensorsTemperatures(HWMON);
    expect(temps).toEqual(expected);
    expect(Object.keys(temps)).toEqual(['coretemp', 'acpitz', 'nvme']);
  });

  it('fahrenheit converts current, high and critical', async () => {
    const temps = await collector.sensorsTemperatures({ ...HWMON, fahrenheit: true });
    expect(temps.coretemp![0]).toEqual({ label: 'Package id 0', current: 113, high: 176, critical: 212 });
    expect(temps.coretemp![1]).toEqual({ label: '', current: fahrenheit(38.5), high: null, critical: null });
    expect(temps.acpitz).toEqual([{ label: '', current: fahrenheit(27.8), high: 221, critical: 221 }]);
    expect(temps.nvme![0]!.current).toBeCloseTo(92.93, 10);
  });

  it('rejects a non-boolean fahrenheit', async () => {
    await expect(collector.sensorsTemperatures({ ...HWMON, fahrenheit: 1 as unknown as boolean })).rejects.toBeInstanceOf(
      collector.InvalidArgument,
    );
  });
});

describe('sensorsTemperatures: thermal zones (no hwmon)', () => {
  it('the captured tree: thermal_zone0 and 1, no trip points', async () => {
    expect(await collector.sensorsTemperatures(FIXTURE_ROOTS)).toEqual({
      bcm2835_thermal: [{ label: '', current: 49.925, high: null, critical: null }],
      acpitz: [{ label: '', current: -44, high: null, critical: null }],
    });
    const f = await collector.sensorsTemperatures({ ...FIXTURE_ROOTS, fahrenheit: true });
    expect(f.acpitz![0]!.current).toBe(-47.2);
  });

  it('trip points give high and critical; an unreadable zone is skipped', async () => {
    const roots = sysTree({
      'sys/class/thermal/thermal_zone0/type': 'x86_pkg_temp\n',
      'sys/class/thermal/thermal_zone0/temp': '61000\n',
      'sys/class/thermal/thermal_zone0/trip_point_0_type': 'critical\n',
      'sys/class/thermal/thermal_zone0/trip_point_0_temp': '105000\n',
      'sys/class/thermal/thermal_zone0/trip_point_1_type': 'high\n',
      'sys/class/thermal/thermal_zone0/trip_point_1_temp': '90000\n',
      'sys/class/thermal/thermal_zone0/trip_point_2_type': 'passive\n',
      'sys/class/thermal/thermal_zone0/trip_point_2_temp': '80000\n',
      'sys/class/thermal/thermal_zone1/type': 'broken\n',
      'sys/class/thermal/thermal_zone1/temp': 'not a number\n',
      'sys/class/thermal/cooling_device0/type': 'Processor\n',
    });
    expect(await collector.sensorsTemperatures(roots)).toEqual({
      x86_pkg_temp: [{ label: '', current: 61, high: 90, critical: 105 }],
    });
  });

  it('hwmon wins over thermal zones when it has any temp*_* file', async () => {
    const roots = sysTree({
      'sys/class/hwmon/hwmon0/name': 'k10temp\n',
      'sys/class/hwmon/hwmon0/temp1_input': '40125\n',
      'sys/class/thermal/thermal_zone0/type': 'acpitz\n',
      'sys/class/thermal/thermal_zone0/temp': '30000\n',
    });
    expect(await collector.sensorsTemperatures(roots)).toEqual({
      k10temp: [{ label: '', current: 40.125, high: null, critical: null }],
    });
  });

  it('nothing at all: {}', async () => {
    expect(await collector.sensorsTemperatures({ procfs: '/nonexistent', sysfs: '/nonexistent' })).toEqual({});
  });
});

describe('sensorsFans', () => {
  it('fan*_input in RPM with labels; garbage skipped', async () => {
    expect(await collector.sensorsFans(HWMON)).toEqual({
      nct6775: [
        { label: 'CPU Fan', current: 1200 },
        { label: '', current: 0 },
      ],
    });
  });

  it('the device/ variant is used only when no hwmonN has fans', async () => {
    const roots = sysTree({
      'sys/class/hwmon/hwmon0/device/name': 'thinkpad\n',
      'sys/class/hwmon/hwmon0/device/fan1_input': '2950\n',
    });
    expect(await collector.sensorsFans(roots)).toEqual({ thinkpad: [{ label: '', current: 2950 }] });
    expect(await collector.sensorsFans(FIXTURE_ROOTS)).toEqual({});
  });
});

describe('sensorsBattery', () => {
  it('the captured BAT0 + AC (class/power_supply symlinks into devices/): energy ratio, AC offline, secsleft from power_now', async () => {
    const supplies = path.join(FIXTURE, 'sys/class/power_supply');
    // The links are what psutil follows on a real machine; a copy that lost them would find no battery.
    expect(lstatSync(path.join(supplies, 'BAT0')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(supplies, 'AC')).isSymbolicLink()).toBe(true);
    // energy_now 49450000 / energy_full 50060000; power_now 4830000; AC/online 0
    expect(await collector.sensorsBattery(FIXTURE_ROOTS)).toEqual({
      percent: (100 * 49450000) / 50060000,
      secsleft: 36857, // int(49450000 / 4830000 * 3600)
      powerPlugged: false,
    });
  });

  it('charging on AC: POWER_TIME_UNLIMITED', async () => {
    const roots = sysTree({
      'sys/class/power_supply/BAT0/energy_now': '30000000\n',
      'sys/class/power_supply/BAT0/energy_full': '60000000\n',
      'sys/class/power_supply/BAT0/power_now': '15000000\n',
      'sys/class/power_supply/BAT0/status': 'Charging\n',
      'sys/class/power_supply/AC/online': '1\n',
    });
    expect(await collector.sensorsBattery(roots)).toEqual({ percent: 50, secsleft: POWER_TIME_UNLIMITED, powerPlugged: true });
    expect(POWER_TIME_UNLIMITED).toBe(-2);
  });

  it('discharging without an AC supply: status decides, secsleft = int(now / rate * 3600)', async () => {
    const roots = sysTree({
      'sys/class/power_supply/BAT1/charge_now': '40730000\n',
      'sys/class/power_supply/BAT1/charge_full': '47390000\n',
      'sys/class/power_supply/BAT1/current_now': '5064000\n',
      'sys/class/power_supply/BAT1/capacity': '85\n',
      'sys/class/power_supply/BAT1/status': 'Discharging\n',
    });
    expect(await collector.sensorsBattery(roots)).toEqual({ percent: 85.94640219455582, secsleft: 28954, powerPlugged: false });
  });

  it('full: capacity percent, plugged by status, POWER_TIME_UNLIMITED', async () => {
    const roots = sysTree({
      'sys/class/power_supply/BAT0/capacity': '100\n',
      'sys/class/power_supply/BAT0/status': 'Full\n',
    });
    expect(await collector.sensorsBattery(roots)).toEqual({ percent: 100, secsleft: POWER_TIME_UNLIMITED, powerPlugged: true });
  });

  it('unknown state: powerPlugged null, POWER_TIME_UNKNOWN; time_to_empty_now in minutes when discharging', async () => {
    const unknown = sysTree({
      'sys/class/power_supply/BAT0/capacity': '42\n',
      'sys/class/power_supply/BAT0/status': 'Unknown\n',
    });
    expect(await collector.sensorsBattery(unknown)).toEqual({ percent: 42, secsleft: POWER_TIME_UNKNOWN, powerPlugged: null });
    const minutes = sysTree({
      'sys/class/power_supply/BAT0/capacity': '80\n',
      'sys/class/power_supply/BAT0/status': 'Discharging\n',
      'sys/class/power_supply/BAT0/time_to_empty_now': '90\n',
    });
    expect(await collector.sensorsBattery(minutes)).toEqual({ percent: 80, secsleft: 5400, powerPlugged: false });
    const zeroRate = sysTree({
      'sys/class/power_supply/BAT0/energy_now': '100\n',
      'sys/class/power_supply/BAT0/energy_full': '0\n',
      'sys/class/power_supply/BAT0/power_now': '0\n',
      'sys/class/power_supply/AC0/online': '0\n',
    });
    expect(await collector.sensorsBattery(zeroRate)).toEqual({ percent: 0, secsleft: POWER_TIME_UNKNOWN, powerPlugged: false });
  });

  it('picks the first battery by name (BAT0 before BAT1, *battery* names count)', async () => {
    const roots = sysTree({
      'sys/class/power_supply/BAT1/capacity': '10\n',
      'sys/class/power_supply/BAT0/capacity': '20\n',
      'sys/class/power_supply/hid-battery/capacity': '30\n',
    });
    expect((await collector.sensorsBattery(roots))?.percent).toBe(20);
  });

  it('no battery: null (only AC, no percentage, or no power_supply at all)', async () => {
    expect(await collector.sensorsBattery(sysTree({ 'sys/class/power_supply/AC/online': '1\n' }))).toBeNull();
    expect(await collector.sensorsBattery(sysTree({ 'sys/class/power_supply/BAT0/status': 'Full\n' }))).toBeNull();
    expect(await collector.sensorsBattery({ sysfs: '/nonexistent-sysfs' })).toBeNull();
  });
});

describe('sensors capabilities', () => {
  it('are reported on Linux where the tree has them', () => {
    // The fixture has thermal zones and a battery but no hwmon: no fans to read.
    expect(collector.capabilities(FIXTURE_ROOTS)).toMatchObject({ sensorsTemperatures: true, sensorsFans: false, sensorsBattery: true });
  });
});
