// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DiskSample, NicSample, TemperatureSample } from '../../../shared/payloads';
import { activeNics, heatLevel, hottest, isPartitionName, mainDisks, prefixLength } from './devices';

const disk = (name: string, bytes: number) => ({ name, readBytes: bytes, writeBytes: 0 }) as DiskSample;
const nic = (name: string, isup: boolean, bytes: number) => ({ name, bytesRecv: bytes, bytesSent: 0, stats: { isup } }) as NicSample;
const temp = (current: number, high: number | null, critical: number | null): TemperatureSample => ({ label: '', current, high, critical });

describe('devices', () => {
  it('recognise partitions of a listed disk', () => {
    const all = ['sda', 'sda1', 'nvme0n1', 'nvme0n1p2', 'mmcblk0', 'mmcblk0p1', 'loop0'];
    expect(all.filter((n) => isPartitionName(n, all))).toEqual(['sda1', 'nvme0n1p2', 'mmcblk0p1']);
    expect(isPartitionName('sdb1', ['sdb1'])).toBe(false);
  });
  it('keep whole disks that did I/O', () => {
    expect(mainDisks([disk('loop0', 0), disk('vda', 10), disk('vda1', 10)]).map((d) => d.name)).toEqual(['vda']);
  });
  it('keep interfaces that are up or carried traffic, loopback last', () => {
    expect(activeNics([nic('lo', true, 5), nic('ifb0', false, 0), nic('wg0', false, 9), nic('eth0', true, 0)]).map((n) => n.name)).toEqual(['eth0', 'wg0', 'lo']);
  });
  it('turn netmasks into prefix lengths', () => {
    expect(prefixLength('255.255.255.0')).toBe(24);
    expect(prefixLength('255.255.255.255')).toBe(32);
    expect(prefixLength('0.0.0.0')).toBe(0);
    expect(prefixLength('ffff:ffff:ffff:ffff::')).toBe(64);
    expect(prefixLength('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(128);
    expect(prefixLength('255.0.255.0')).toBeNull();
    expect(prefixLength('garbage')).toBeNull();
  });
  it('grade heat against the high and critical marks', () => {
    expect(heatLevel(temp(50, 80, 100))).toBe('ok');
    expect(heatLevel(temp(70, 80, 100))).toBe('warm');
    expect(heatLevel(temp(83, 80, 100))).toBe('hot');
    expect(heatLevel(temp(100, 80, 100))).toBe('critical');
    expect(heatLevel(temp(95, null, null))).toBe('ok');
  });
  it('find the hottest sensor across chips', () => {
    expect(hottest({ temperatures: { a: [temp(40, null, null)], b: [temp(39, null, null), temp(83, 80, 100)] }, fans: {} })).toEqual({ chip: 'b', sensor: temp(83, 80, 100) });
    expect(hottest({ temperatures: {}, fans: {} })).toBeNull();
    expect(hottest(undefined)).toBeNull();
  });
});
