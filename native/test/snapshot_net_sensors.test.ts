// The network and sensor topics of systemSnapshot carry exactly what their own
// functions return for the same tree, in one worker trip.

import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { collector, FIXTURE_ROOTS } from './helpers';

const HWMON = { procfs: FIXTURE_ROOTS.procfs, sysfs: path.join(__dirname, 'fixtures', 'hwmon-basic', 'sys') };

describe('systemSnapshot: network and sensors topics', () => {
  it('perNicIoCounters and netIfStats equal netIoCounters (raw) and netIfStats on the fixture', async () => {
    const snap = await collector.systemSnapshot({ ...FIXTURE_ROOTS, topics: ['perNicIoCounters', 'netIfStats'] });
    expect(snap.perNicIoCounters).toEqual(await collector.netIoCounters({ ...FIXTURE_ROOTS, pernic: true, nowrap: false }));
    expect(Object.keys(snap.perNicIoCounters).length).toBeGreaterThan(0);
    expect(snap.netIfStats).toEqual(await collector.netIfStats(FIXTURE_ROOTS));
  });

  it('sensor topics equal the sensor functions on a hwmon tree', async () => {
    const snap = await collector.systemSnapshot({ ...HWMON, topics: ['sensorsTemperatures', 'sensorsFans', 'sensorsBattery'] });
    const temps = await collector.sensorsTemperatures(HWMON);
    expect(Object.keys(temps).length).toBeGreaterThan(0);
    expect(snap.sensorsTemperatures).toEqual(temps);
    expect(snap.sensorsFans).toEqual(await collector.sensorsFans(HWMON));
    expect(snap.sensorsBattery).toEqual(await collector.sensorsBattery(HWMON));
  });
});
