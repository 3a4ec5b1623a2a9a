import { binding, callAsync } from './native';
import { booleanOption, optionsObject } from './options';
import { resolveRoots } from './roots';
import type { Battery, Fan, Roots, SensorsTemperaturesOptions, Temperature } from './types';

/**
 * psutil.sensors_temperatures(): hwmon temperatures per chip in °C (°F with
 * `fahrenheit: true`), or the thermal zones when hwmon has none. high and
 * critical are null when unknown (each filling in for the other, as psutil).
 * A sensor whose files cannot be read is left out.
 */
export async function sensorsTemperatures(options?: SensorsTemperaturesOptions): Promise<Record<string, Temperature[]>> {
  const opts = optionsObject(options);
  const fahrenheit = booleanOption(opts.fahrenheit, 'fahrenheit', false);
  const roots = resolveRoots(opts);
  return callAsync(() => binding.sensorsTemperatures({ ...roots, fahrenheit }));
}

/** psutil.sensors_fans(): hwmon fan speeds per chip, in RPM. */
export async function sensorsFans(options?: Roots): Promise<Record<string, Fan[]>> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.sensorsFans(roots));
}

/**
 * psutil.sensors_battery(): charge percent, seconds left (POWER_TIME_UNLIMITED
 * on AC power, POWER_TIME_UNKNOWN when it cannot be estimated) and whether
 * AC power is plugged in (null if unknown); null without a battery.
 */
export async function sensorsBattery(options?: Roots): Promise<Battery | null> {
  const roots = resolveRoots(optionsObject(options));
  return callAsync(() => binding.sensorsBattery(roots));
}
