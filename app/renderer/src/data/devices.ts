import type { DiskSample, NicSample, SensorsSample, TemperatureSample } from '../../../shared/payloads';

/** "sda1" of "sda", "nvme0n1p2" of "nvme0n1", "mmcblk0p1" of "mmcblk0". */
export function isPartitionName(name: string, all: readonly string[]): boolean {
  return all.some((d) => d !== name && name.startsWith(d) && /^p?\d+$/.test(name.slice(d.length)));
}

/** Never read or written since boot: unused loop and ram devices, mostly. */
export function isIdleDisk(d: DiskSample): boolean {
  return d.readBytes === 0 && d.writeBytes === 0;
}

/**
 * Disks worth a tile or a card: whole devices that have done any I/O. The
 * Disks page can still show the rest on request.
 */
export function mainDisks(disks: readonly DiskSample[]): DiskSample[] {
  const names = disks.map((d) => d.name);
  return disks.filter((d) => !isIdleDisk(d) && !isPartitionName(d.name, names));
}

/** Loopback last: it is rarely what anyone opens the network page for. */
export function sortedNics(nics: readonly NicSample[]): NicSample[] {
  return [...nics].sort((a, b) => Number(a.name === 'lo') - Number(b.name === 'lo') || a.name.localeCompare(b.name));
}

/** Interfaces worth an overview tile: up, or with any traffic since boot (not an unused ifb or tunnel). */
export function activeNics(nics: readonly NicSample[]): NicSample[] {
  return sortedNics(nics).filter((n) => n.stats?.isup || n.bytesRecv + n.bytesSent > 0);
}

/** Prefix length of a dotted IPv4 or colon IPv6 netmask ("255.255.255.0" → 24); null when not a contiguous mask. */
export function prefixLength(netmask: string): number | null {
  let bits = '';
  if (netmask.includes('.')) {
    const parts = netmask.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
    bits = parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  } else if (netmask.includes(':')) {
    const [head = '', tail = ''] = netmask.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
    bits = groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
  } else return null;
  const n = bits.indexOf('0') === -1 ? bits.length : bits.indexOf('0');
  return bits.slice(n).includes('1') ? null : n;
}

export interface HottestSensor {
  chip: string;
  sensor: TemperatureSample;
}

export function hottest(sensors: SensorsSample | undefined): HottestSensor | null {
  let best: HottestSensor | null = null;
  for (const [chip, list] of Object.entries(sensors?.temperatures ?? {})) {
    for (const sensor of list) if (!best || sensor.current > best.sensor.current) best = { chip, sensor };
  }
  return best;
}

export type Heat = 'ok' | 'warm' | 'hot' | 'critical';

/** How close a reading is to its marks: at critical, at high, within 10 °C of high, or fine. */
export function heatLevel(t: TemperatureSample): Heat {
  if (t.critical !== null && t.critical > 0 && t.current >= t.critical) return 'critical';
  if (t.high !== null && t.high > 0 && t.current >= t.high) return 'hot';
  if (t.high !== null && t.high > 0 && t.current >= t.high - 10) return 'warm';
  return 'ok';
}

export function sensorName(chip: string, t: TemperatureSample, index: number): string {
  return t.label || `${chip} ${index + 1}`;
}
