// A sensor file that cannot be read or parsed drops that one sensor, never
// the chip's other sensors, the sensors topic, or the rest of the snapshot.

import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { collector, FIXTURE_ROOTS, treeFactory } from './helpers';

const tree = treeFactory(afterAll);

describe('broken sensor files', () => {
  const roots = tree({
    'proc/stat': readFileSync(path.join(FIXTURE_ROOTS.procfs, 'stat')),
    'sys/class/hwmon/hwmon0/name': 'good\n',
    'sys/class/hwmon/hwmon0/temp1_input': '41000\n',
    'sys/class/hwmon/hwmon0/temp2_input': 'garbage\n',
    'sys/class/hwmon/hwmon0/temp3_input': new Uint8Array([0xff, 0x00, 0xfe, 0x0a]),
    'sys/class/hwmon/hwmon0/temp4_input': '',
    'sys/class/hwmon/hwmon0/fan1_input': 'n/a\n',
    'sys/class/hwmon/hwmon0/fan2_input': '1200\n',
    'sys/class/hwmon/hwmon1/name': 'broken\n',
    'sys/class/hwmon/hwmon1/temp1_input': '\n',
  });
  // A file the kernel would fail to read (EISDIR stands in for EIO/EACCES: this suite runs as root).
  mkdirSync(path.join(roots.sysfs, 'class/hwmon/hwmon0/temp5_input'));

  it('skips each broken sensor and keeps the good one next to it', async () => {
    expect(statSync(path.join(roots.sysfs, 'class/hwmon/hwmon0/temp5_input')).isDirectory()).toBe(true);
    expect(await collector.sensorsTemperatures(roots)).toEqual({ good: [{ label: '', current: 41, high: null, critical: null }] });
    expect(await collector.sensorsFans(roots)).toEqual({ good: [{ label: '', current: 1200 }] });
  });

  it('the snapshot still has every topic, sensors included', async () => {
    const snap = await collector.systemSnapshot({ ...roots, topics: ['cpuTimes', 'sensorsTemperatures', 'sensorsFans'] });
    expect(collector.isSnapshotError(snap.cpuTimes)).toBe(false);
    expect(snap.cpuTimes).toEqual(await collector.cpuTimes(roots));
    expect(snap.sensorsTemperatures).toEqual({ good: [{ label: '', current: 41, high: null, critical: null }] });
    expect(snap.sensorsFans).toEqual({ good: [{ label: '', current: 1200 }] });
  });
});
