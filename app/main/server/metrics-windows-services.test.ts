import type { WinService } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { parseExposition } from './metrics-exposition.test-util';
import { MetricsExporter, TABLE_EVERY_MS, type ExtraReading } from './metrics-exporter';

// windows_exporter's service families: exposed where the collector has
// services (Windows; the Wine suite runs the real list), from the exporter's
// own read; absent altogether here on Linux, where the collector has none.

const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
const service = (s: Partial<WinService>): WinService => ({
  name: 'Spooler',
  displayName: 'Print Spooler',
  binpath: 'C:\\windows\\system32\\spoolsv.exe',
  username: 'LocalSystem',
  startType: 'manual',
  pid: null,
  status: 'stopped',
  description: 'Loads files to memory for later printing',
  ...s,
});
const NO_EXTRA: ExtraReading = { perCpu: null, cpuStats: null, disks: null, hwmon: null, powerSupplies: null };

async function scrape(options: { services?: boolean; extra?: () => Promise<ExtraReading> }) {
  const topics = new TopicRegistry();
  const clock = { now: Date.now() };
  const sampler = new Sampler(new Collector(roots), { topics: () => topics.union(), now: () => clock.now });
  const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
  const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots, topics });
  const readers = { processes: async () => ({ timestamp: 1, rows: [] }), ...(options.extra && { extra: options.extra }) };
  // A host with services is a Windows collector's: its families go out under windows_exporter's names.
  const exporter = new MetricsExporter({ sampler, connect, roots, readers, now: () => clock.now, ...(options.services !== undefined && { services: options.services, platform: 'win32' }) });
  await exporter.start();
  clock.now += TABLE_EVERY_MS;
  await sampler.tick();
  const { body } = await exporter.scrape(undefined);
  exporter.stop();
  return { body, x: parseExposition(body) };
}

describe('windows_service_* (windows_exporter’s service collector)', () => {
  it('every state and start mode per service, 1 for its own; info with display name, pid and account; the name lowercased', async () => {
    const services = [
      service({}),
      service({ name: 'RpcSs', displayName: 'Remote Procedure Call (RPC)', status: 'running', pid: 236, startType: 'automatic' }),
      service({ name: 'Hidden', displayName: 'Hidden', status: 'start_pending', pid: 9, startType: null, username: null, binpath: null, description: null }),
    ];
    const { x } = await scrape({ services: true, extra: async () => ({ ...NO_EXTRA, services }) });
    expect(x.types.get('windows_service_state')).toBe('gauge');
    expect(x.values('windows_service_state', { name: 'spooler' })).toHaveLength(8);
    expect(x.samples.filter((s) => s.name === 'windows_service_state' && s.labels.name === 'spooler' && s.value === 1).map((s) => s.labels.state)).toEqual(['stopped']);
    expect(x.value('windows_service_state', { name: 'rpcss', state: 'running' })).toBe(1);
    expect(x.value('windows_service_state', { name: 'rpcss', state: 'stopped' })).toBe(0);
    expect(x.value('windows_service_state', { name: 'hidden', state: 'start pending' })).toBe(1);
    expect(x.value('windows_service_start_mode', { name: 'rpcss', start_mode: 'auto' })).toBe(1);
    expect(x.value('windows_service_start_mode', { name: 'spooler', start_mode: 'manual' })).toBe(1);
    expect(x.values('windows_service_start_mode', { name: 'spooler' }).reduce((a, b) => a + b)).toBe(1);
    // A configuration the service manager hid: no start mode to tell.
    expect(x.values('windows_service_start_mode', { name: 'hidden' })).toEqual([]);
    expect(x.samples.find((s) => s.name === 'windows_service_info' && s.labels.name === 'rpcss')?.labels).toEqual({
      name: 'rpcss',
      display_name: 'Remote Procedure Call (RPC)',
      process_id: '236',
      run_as: 'LocalSystem',
    });
    expect(x.value('windows_service_info', { name: 'spooler', process_id: '0' })).toBe(1);
    expect(x.value('procyon_collector_topic_up', { topic: 'services' })).toBe(1);
  });

  it('a failed read publishes no service series and says the topic is down', async () => {
    const { x } = await scrape({ services: true, extra: async () => ({ ...NO_EXTRA, services: null }) });
    expect(x.values('windows_service_state')).toEqual([]);
    expect(x.value('procyon_collector_topic_up', { topic: 'services' })).toBe(0);
  });

  it('on Linux (no services in the collector) nothing of them: no family, no help line, no topic', async () => {
    const { body, x } = await scrape({});
    expect(body).not.toContain('windows_service');
    expect(x.values('procyon_collector_topic_up', { topic: 'services' })).toEqual([]);
    expect(x.value('node_memory_MemTotal_bytes')).toBeGreaterThan(0);
  });
});
