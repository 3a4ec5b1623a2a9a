import { binding } from './native';
import type { Capabilities, CollectorFunction } from './types';

const FUNCTIONS: readonly CollectorFunction[] = [
  'cpuTimes',
  'cpuCount',
  'virtualMemory',
  'swapMemory',
  'bootTime',
  // --- cpu (percent, stats, freq, load) ---
  'cpuPercent',
  'cpuTimesPercent',
  'cpuStats',
  'cpuFreq',
  'getloadavg',
  // --- disks ---
  'diskPartitions',
  'diskUsage',
  'diskIoCounters',
  // --- other system info (users, pids) ---
  'users',
  'pids',
  'pidExists',
  // --- snapshot ---
  'systemSnapshot',
  // --- network ---
  'netIoCounters',
  'netConnections',
  'netIfAddrs',
  'netIfStats',
  // --- sensors ---
  'sensorsTemperatures',
  'sensorsFans',
  'sensorsBattery',
  'hwmonChips',
  'powerSupplies',
  // --- processes ---
  'Process',
  'processIter',
  'waitProcs',
  'processTable',
];

let cached: Capabilities | undefined;

/**
 * Which functions this platform implements. A missing function is reported
 * here rather than discovered by calling it (which would reject with Unsupported).
 */
export function capabilities(): Capabilities {
  if (!cached) {
    const supported = new Set(binding.capabilities());
    cached = Object.freeze(Object.fromEntries(FUNCTIONS.map((name) => [name, supported.has(name)])) as Record<
      CollectorFunction,
      boolean
    >);
  }
  return cached;
}
