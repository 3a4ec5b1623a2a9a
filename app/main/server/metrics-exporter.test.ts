import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcessTableResult } from '@procyon/collector';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { until } from '../../../test/support/until.mjs';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import type { ClientApi } from '../core/api';
import { startHost, type Host } from '../core/host';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { CATALOGUE, publishedFamilies, TOP_N } from './metrics-catalogue';
import { parseExposition, promtoolAvailability, promtoolProblems, type Exposition } from './metrics-exposition.test-util';
import { ExporterNotReady, hasGpus, MetricsExporter, missingTopics, TABLE_EVERY_MS, type ExporterReaders } from './metrics-exporter';

const FIXTURE_ROOTS = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
const fixture = (file: string) => readFileSync(path.join(FIXTURE_PROC, file), 'utf8');

function fixtureExporter(readers: Partial<ExporterReaders> = {}, roots = FIXTURE_ROOTS) {
  const collector = new Collector(roots);
  const topics = new TopicRegistry();
  // One clock for sampler and exporter; each tick below moves it past the process-table throttle.
  const clock = { now: Date.now() };
  const sampler = new Sampler(collector, { topics: () => topics.union(), now: () => clock.now });
  const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
  const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots, topics });
  const exporter = new MetricsExporter({ sampler, connect, roots, readers, now: () => clock.now });
  return { sampler, topics, exporter, clock };
}

async function tickAndScrape(f: ReturnType<typeof fixtureExporter>, accept?: string): Promise<string> {
  f.clock.now += TABLE_EVERY_MS;
  await f.sampler.tick();
  await f.exporter.whenIdle();
  return (await f.exporter.scrape(accept)).body;
}

describe('the exporter costs nothing when nobody scrapes', () => {
  it('ticks alone read nothing; a scrape updates once per tick, its process table at most every 5 s', async () => {
    let tables = 0;
    let extras = 0;
    const f = fixtureExporter({
      processes: async () => {
        tables++;
        return { timestamp: tables, rows: [] };
      },
      extra: async () => {
        extras++;
        return { perCpu: null, cpuStats: null, disks: null, hwmon: null, powerSupplies: null };
      },
    });
    await f.exporter.start(); // one table: the base of the first scrape's CPU rates
    expect([tables, extras]).toEqual([1, 0]);
    for (let i = 0; i < 3; i++) await f.sampler.tick();
    await f.exporter.whenIdle();
    expect([tables, extras]).toEqual([1, 0]);
    await tickAndScrape(f); // clock +5 s: the table too
    expect([tables, extras]).toEqual([2, 1]);
    await Promise.all([f.exporter.scrape(undefined), f.exporter.scrape(undefined)]); // the same tick: nothing new
    expect([tables, extras]).toEqual([2, 1]);
    await f.sampler.tick(); // same clock: the table is fresh enough
    await f.exporter.scrape(undefined);
    expect([tables, extras]).toEqual([2, 2]);
    f.exporter.stop();
  });

  it('a failed update fails that scrape only: the next one tries again', async () => {
    let fail = true;
    const f = fixtureExporter({
      extra: async () => ({ perCpu: null, cpuStats: null, disks: null, hwmon: null, powerSupplies: null }),
      processes: async () => ({ timestamp: 1, rows: [] }),
    });
    await f.exporter.start();
    await f.sampler.tick();
    const apply = MetricsExporter.prototype.update;
    const spy = async function (this: MetricsExporter, s: Parameters<typeof apply>[0]) {
      if (fail) throw new Error('boom');
      return apply.call(this, s);
    };
    f.exporter.update = spy;
    await expect(f.exporter.scrape(undefined)).rejects.toThrow('boom');
    fail = false;
    expect((await f.exporter.scrape(undefined)).body).toContain('node_memory_MemTotal_bytes');
    f.exporter.stop();
  });
});

describe('the exporter on the captured /proc and /sys', () => {
  let f: ReturnType<typeof fixtureExporter>;
  let text: string;
  let x: Exposition;

  beforeAll(async () => {
    f = fixtureExporter();
    await f.exporter.start();
    await tickAndScrape(f); // the first tick has no process CPU rate yet
    text = await tickAndScrape(f);
    x = parseExposition(text);
  });
  afterAll(() => f.exporter.stop());

  it('keeps the topics it needs sampled while it runs, and lets go when stopped', () => {
    // With a GPU (the captured tree has two cards, where the collector reads GPUs) the exporter also has the process table carry GPU shares.
    const gpu = hasGpus(FIXTURE_ROOTS) ? ['processGpu'] : [];
    expect([...f.topics.union()].sort()).toEqual(['battery', 'cpu', 'gpus', 'network', 'partitions', 'pressure', ...gpu, 'sockets']);
    const g = fixtureExporter();
    return g.exporter.start().then(() => {
      g.exporter.stop();
      expect(g.topics.union().size).toBe(0);
    });
  });

  it('node_cpu_seconds_total: per CPU and mode, the fixture jiffies / USER_HZ', () => {
    const cpuLines = fixture('stat')
      .split('\n')
      .filter((l) => /^cpu\d+ /.test(l))
      .map((l) => l.split(/\s+/).slice(1).map(Number));
    expect(cpuLines.length).toBeGreaterThan(1);
    expect(x.types.get('node_cpu_seconds_total')).toBe('counter');
    expect(x.values('node_cpu_seconds_total')).toHaveLength(cpuLines.length * 8);
    const modes = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'];
    cpuLines.forEach((j, cpu) => {
      modes.forEach((mode, k) => expect(x.value('node_cpu_seconds_total', { cpu: String(cpu), mode })).toBeCloseTo(j[k]! / 100, 6));
      expect(x.value('node_cpu_guest_seconds_total', { cpu: String(cpu), mode: 'user' })).toBeCloseTo(j[8]! / 100, 6);
      expect(x.value('node_cpu_guest_seconds_total', { cpu: String(cpu), mode: 'nice' })).toBeCloseTo(j[9]! / 100, 6);
    });
    expect(x.value('node_cpu_seconds_total', { cpu: '0', mode: 'user' })).toBe(444.9); // cpu0 user 44490 jiffies
    expect(x.values('node_cpu_seconds_total', { mode: 'guest' })).toEqual([]); // guest is its own metric, as in node_exporter
  });

  it('node_memory_*: the meminfo lines in bytes', () => {
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(fixture('meminfo'))![1]) * 1024;
    expect(x.types.get('node_memory_MemTotal_bytes')).toBe('gauge');
    expect(x.value('node_memory_MemTotal_bytes')).toBe(kb('MemTotal'));
    expect(x.value('node_memory_MemTotal_bytes')).toBe(15666184 * 1024);
    for (const k of ['MemFree', 'Buffers', 'Shmem', 'Slab', 'Active', 'Inactive', 'SwapTotal', 'SwapFree']) expect(x.value(`node_memory_${k}_bytes`), k).toBe(kb(k));
    // psutil's cached is Cached + SReclaimable: not node_exporter's Cached, so it is procyon_-prefixed.
    expect(x.value('procyon_memory_cached_bytes')).toBe(kb('Cached') + kb('SReclaimable'));
    expect(x.value('node_memory_Cached_bytes')).toBeUndefined();
  });

  it('load, context switches, interrupts and boot time from /proc/stat and /proc/loadavg', () => {
    const stat = fixture('stat');
    const field = (k: string) => Number(new RegExp(`^${k} (\\d+)`, 'm').exec(stat)![1]);
    expect(x.value('node_context_switches_total')).toBe(field('ctxt'));
    expect(x.value('node_intr_total')).toBe(field('intr'));
    expect(x.value('node_boot_time_seconds')).toBe(field('btime'));
    expect(x.types.get('node_intr_total')).toBe('counter');
    const [l1, l5, l15] = fixture('loadavg').split(' ').map(Number);
    expect([x.value('node_load1'), x.value('node_load5'), x.value('node_load15')]).toEqual([l1, l5, l15]);
  });

  it('node_disk_*: diskstats counters in bytes and seconds, without partitions, RAM, loop and floppy devices', () => {
    // sda: reads 25354637, sectors read 1003346126, writes 28444756, sectors written 505697032, io ms 9653880
    expect(x.value('node_disk_read_bytes_total', { device: 'sda' })).toBe(1003346126 * 512);
    expect(x.value('node_disk_written_bytes_total', { device: 'sda' })).toBe(505697032 * 512);
    expect(x.value('node_disk_reads_completed_total', { device: 'sda' })).toBe(25354637);
    expect(x.value('node_disk_writes_completed_total', { device: 'sda' })).toBe(28444756);
    expect(x.value('node_disk_io_time_seconds_total', { device: 'sda' })).toBeCloseTo(9653.88, 6);
    expect(x.value('node_disk_read_time_seconds_total', { device: 'sda' })).toBeCloseTo(18492.372, 6);
    const devices = x.samples.filter((s) => s.name === 'node_disk_read_bytes_total').map((s) => s.labels.device);
    expect(devices).toEqual(expect.arrayContaining(['sda', 'nvme0n1', 'dm-0', 'vda']));
    for (const gone of ['sda1', 'ram0', 'loop0', 'fd0', 'nvme0n1p1', 'vda1']) expect(devices).not.toContain(gone);
  });

  it('node_network_*: /proc/net/dev counters per device', () => {
    expect(x.value('node_network_receive_bytes_total', { device: 'eth0' })).toBe(874354587);
    expect(x.value('node_network_transmit_bytes_total', { device: 'eth0' })).toBe(563352563);
    expect(x.value('node_network_receive_packets_total', { device: 'eth0' })).toBe(1036395);
    expect(x.value('node_network_transmit_packets_total', { device: 'docker0' })).toBe(5);
    expect(x.value('node_network_receive_errs_total', { device: 'lo' })).toBe(0);
    expect(x.value('node_network_mtu_bytes', { device: 'eth0' })).toBe(1500);
    expect(x.value('node_network_speed_bytes', { device: 'eth0' })).toBe(125_000_000); // 1000 Mbit/s
    expect(x.values('node_network_receive_bytes_total')).toHaveLength(4);
  });

  it("node_pressure_*: /proc/pressure's totals (µs) in seconds under node_exporter's names and help; lines the kernel lacks publish nothing", () => {
    // The capture's cpu has a some line only (total=15); io and memory some total=15, full total=25; no irq file.
    const help = {
      node_pressure_cpu_waiting_seconds_total: 'Total time in seconds that processes have waited for CPU time',
      node_pressure_memory_waiting_seconds_total: 'Total time in seconds that processes have waited for memory',
      node_pressure_memory_stalled_seconds_total: 'Total time in seconds no process could make progress due to memory congestion',
      node_pressure_io_waiting_seconds_total: 'Total time in seconds that processes have waited due to IO congestion',
      node_pressure_io_stalled_seconds_total: 'Total time in seconds no process could make progress due to IO congestion',
      node_pressure_irq_stalled_seconds_total: 'Total time in seconds no process could make progress due to IRQ congestion',
    };
    for (const [name, h] of Object.entries(help)) {
      expect(text).toContain(`# HELP ${name} ${h}\n# TYPE ${name} counter\n`);
    }
    const lines = text.split('\n').filter((l) => l.startsWith('node_pressure_'));
    expect(lines.sort()).toEqual([
      'node_pressure_cpu_waiting_seconds_total 0.000015',
      'node_pressure_io_stalled_seconds_total 0.000025',
      'node_pressure_io_waiting_seconds_total 0.000015',
      'node_pressure_memory_stalled_seconds_total 0.000025',
      'node_pressure_memory_waiting_seconds_total 0.000015',
    ]);
    expect(x.value('procyon_collector_topic_up', { topic: 'pressure' })).toBe(1);
  });

  it("node_sockstat_*: /proc/net/sockstat and sockstat6 under node_exporter's names, help and type; mem also in bytes; counts a line lacks publish nothing", () => {
    // The capture: sockets used 1602; TCP inuse 35 orphan 0 tw 4 alloc 59 mem 22; UDP inuse 12 mem 62; UDPLITE, RAW, FRAG 0;
    // TCP6 17, UDP6 9, UDPLITE6 0, RAW6 1, FRAG6 0. mem is in pages: node_exporter multiplies by its own page size, as Procyon does.
    const page = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
    const lines = text.split('\n').filter((l) => l.startsWith('node_sockstat_'));
    expect(lines.sort()).toEqual(
      [
        'node_sockstat_FRAG6_inuse 0',
        'node_sockstat_FRAG6_memory 0',
        'node_sockstat_FRAG_inuse 0',
        'node_sockstat_FRAG_memory 0',
        'node_sockstat_RAW6_inuse 1',
        'node_sockstat_RAW_inuse 0',
        'node_sockstat_TCP6_inuse 17',
        'node_sockstat_TCP_alloc 59',
        'node_sockstat_TCP_inuse 35',
        'node_sockstat_TCP_mem 22',
        `node_sockstat_TCP_mem_bytes ${22 * page}`,
        'node_sockstat_TCP_orphan 0',
        'node_sockstat_TCP_tw 4',
        'node_sockstat_UDP6_inuse 9',
        'node_sockstat_UDPLITE6_inuse 0',
        'node_sockstat_UDPLITE_inuse 0',
        'node_sockstat_UDP_inuse 12',
        'node_sockstat_UDP_mem 62',
        `node_sockstat_UDP_mem_bytes ${62 * page}`,
        'node_sockstat_sockets_used 1602',
      ].sort(),
    );
    expect(text).toContain('# HELP node_sockstat_sockets_used Number of IPv4 sockets in use.\n# TYPE node_sockstat_sockets_used gauge\n');
    expect(text).toContain('# HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.\n# TYPE node_sockstat_TCP_tw gauge\n');
    expect(text).toContain('# HELP node_sockstat_UDP_mem_bytes Number of UDP sockets in state mem_bytes.\n# TYPE node_sockstat_UDP_mem_bytes gauge\n');
    expect(x.value('procyon_collector_topic_up', { topic: 'sockets' })).toBe(1);
  });

  it('node_hwmon_* comes from hwmon only, as in node_exporter: the thermal zones psutil falls back to are not hwmon chips', () => {
    // This capture has thermal zones (bcm2835_thermal, acpitz) and no /sys/class/hwmon.
    expect(x.samples.filter((s) => s.name.startsWith('node_hwmon_'))).toEqual([]);
    expect(x.value('procyon_collector_topic_up', { topic: 'hwmon' })).toBe(1);
  });

  it('top processes carry pid and name labels, escaped', () => {
    const mem = x.samples.filter((s) => s.name === 'procyon_process_resident_memory_bytes');
    // psutil's rss, statm's resident (pages): vim 12547; the others have no statm in the tree, so stat's rss: '(a b ) ( c d) ' 155, pthread_load 138, ata_sff 0.
    expect(mem.map((s) => s.labels.pid)).toEqual(['26231', '584', '27079', '26232']);
    expect(mem.map((s) => s.value)).toEqual([12547, 155, 138, 0].map((pages) => pages * 4096));
    expect(mem[0]).toMatchObject({ labels: { name: 'vim' } });
    expect(mem[0]!.value).toBeGreaterThan(0);
    expect(mem.find((s) => s.labels.pid === '584')!.labels.name).toBe('(a b ) ( c d) ');
    expect(x.value('procyon_processes')).toBe(4);
    expect(x.values('procyon_process_cpu_percent')).toHaveLength(4); // second tick: every process has a rate
  });

  it('every series has exactly the labels and type the catalogue declares', () => {
    for (const s of x.samples) {
      const def = CATALOGUE[s.name as keyof typeof CATALOGUE];
      expect(def, s.name).toBeDefined();
      if (s.name === 'node_power_supply_info') {
        // Like node_exporter's: only the text attributes the supply has (the captured AC has only its type).
        expect(s.labels, s.name).toHaveProperty('power_supply');
        expect(def.labels, s.name).toEqual(expect.arrayContaining(Object.keys(s.labels)));
      } else {
        expect(Object.keys(s.labels).sort(), s.name).toEqual([...def.labels].sort());
      }
    }
    // Every family a Linux collector publishes (windows_exporter's are for a Windows one: metrics-windows.test.ts).
    for (const f of publishedFamilies('linux')) expect(x.types.get(f.name), f.name).toBe(f.type);
  });

  it('self-timing: tick count, interval, update duration, cache age', () => {
    // start() takes the first reading (one with the exporter's topics), then two ticks and scrapes.
    expect(x.value('procyon_sampler_ticks_total')).toBe(3);
    expect(x.value('procyon_sampler_interval_seconds')).toBe(1);
    expect(x.value('procyon_exporter_update_duration_seconds')).toBeGreaterThan(0);
    expect(x.value('procyon_collector_tick_duration_seconds')).toBeGreaterThan(0);
    const age = x.value('procyon_scrape_cache_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(5);
    expect(Math.abs(x.value('node_time_seconds')! - f.clock.now / 1000)).toBeLessThan(5);
  });

  it('two scrapes of one tick update once and give the same data', async () => {
    const strip = (t: string) => t.replace(/^(node_time_seconds|procyon_scrape_cache_age_seconds) .*$/gm, '');
    const a = (await f.exporter.scrape(undefined)).body;
    const b = (await f.exporter.scrape(undefined)).body;
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).toBe(strip(text));
  });

  it('OpenMetrics when the Accept header asks for it: its content type, counters without _total in TYPE, and # EOF', async () => {
    const om = await f.exporter.scrape('application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5');
    expect(om.contentType).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(om.body.endsWith('# EOF\n')).toBe(true);
    expect(om.body).toContain('# TYPE node_cpu_seconds counter\n');
    expect(om.body).toMatch(/^node_cpu_seconds_total\{cpu="0",mode="user"\} 444\.9$/m);
    // …and the classic format is untouched by the OpenMetrics rendering.
    const plain = await f.exporter.scrape('text/plain');
    expect(plain.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(plain.body).toContain('# TYPE node_cpu_seconds_total counter\n');
    expect(plain.body).not.toContain('# EOF');
  });

  it('promtool check metrics accepts the exposition', (ctx) => {
    const availability = promtoolAvailability();
    if (availability === 'skip') {
      console.warn('promtool is not installed (apt-get install prometheus): skipping `promtool check metrics`');
      return ctx.skip();
    }
    expect(availability, 'CI is set but promtool is missing: .ci/run should have installed the prometheus package').toBe('present');
    const r = promtoolProblems(text);
    expect(r).toEqual({ missing: false, problems: [], status: expect.any(Number) });
  });
});

describe('a kernel without PSI', () => {
  it('publishes no node_pressure_* series, says the topic was read, and is ready all the same', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-no-psi-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(FIXTURE_PROC, dir, { recursive: true, verbatimSymlinks: true });
    rmSync(path.join(dir, 'pressure'), { recursive: true });
    const f = fixtureExporter({}, { procfs: dir, sysfs: FIXTURE_SYS });
    await f.exporter.start();
    try {
      const x = parseExposition(await tickAndScrape(f));
      expect(x.samples.filter((s) => s.name.startsWith('node_pressure_'))).toEqual([]);
      expect(x.value('procyon_collector_topic_up', { topic: 'pressure' })).toBe(1);
      expect(x.value('node_load1')).toBeGreaterThan(0);
    } finally {
      f.exporter.stop();
    }
  });
});

describe('bounded cardinality and failure handling (fake readers)', () => {
  const ROWS = 5000;
  /** Process i (pid 1000+i) has used i ms more CPU per tick and has i pages resident. */
  const table = (tick: number, count = ROWS): ProcessTableResult => ({
    timestamp: tick,
    rows: Array.from({ length: count }, (_, i) => ({ pid: 1000 + i, createTime: 1, name: `p${i}`, cpuTimes: tick * i * 0.001, rss: i * 4096 })),
  });

  it('5,000 processes → at most 10 pids per top-N metric, and the right ten', async () => {
    let tick = 0;
    const f = fixtureExporter({ processes: async () => table(++tick) });
    await f.exporter.start();
    await tickAndScrape(f);
    const x = parseExposition(await tickAndScrape(f));
    const top = Array.from({ length: TOP_N }, (_, k) => String(1000 + ROWS - 1 - k));
    expect(x.samples.filter((s) => s.name === 'procyon_process_cpu_percent').map((s) => s.labels.pid)).toEqual(top);
    expect(x.samples.filter((s) => s.name === 'procyon_process_resident_memory_bytes').map((s) => s.labels.pid)).toEqual(top);
    expect(x.value('procyon_process_cpu_percent', { pid: '5999' })).toBeCloseTo(499.9, 6); // 4.999 s of CPU in 1 s
    expect(x.value('procyon_processes')).toBe(ROWS);
    f.exporter.stop();
  });

  it('series of processes that are gone vanish at the next tick', async () => {
    let tick = 0;
    // start() reads the first table, the first scrape the second: both 20 processes; then 3.
    const f = fixtureExporter({ processes: async () => table(++tick, tick <= 2 ? 20 : 3) });
    await f.exporter.start();
    expect(parseExposition(await tickAndScrape(f)).values('procyon_process_resident_memory_bytes')).toHaveLength(TOP_N);
    const x = parseExposition(await tickAndScrape(f));
    expect(x.samples.filter((s) => s.name === 'procyon_process_resident_memory_bytes').map((s) => s.labels.pid)).toEqual(['1002', '1001', '1000']);
    f.exporter.stop();
  });

  it('while a UI client shows processes, ranks the snapshot rows and reads no table of its own', async () => {
    let reads = 0;
    const f = fixtureExporter({ processes: async () => (++reads, table(reads)) });
    const ui = f.topics.register();
    f.topics.set(ui, ['processes']);
    await f.exporter.start();
    await tickAndScrape(f);
    const x = parseExposition(await tickAndScrape(f));
    expect(reads).toBe(0);
    expect(x.samples.filter((s) => s.name === 'procyon_process_resident_memory_bytes').map((s) => s.labels.name)[0]).toBe('vim');
    expect(x.value('procyon_processes')).toBe(4);
    f.topics.release(ui); // the UI goes: the exporter reads its own table again
    await tickAndScrape(f);
    expect(reads).toBe(1);
    f.exporter.stop();
  });

  it('a failed read leaves its metrics out (never a made-up 0) and says so in procyon_collector_topic_up', async () => {
    const f = fixtureExporter({
      extra: () => Promise.reject(new Error('boom')),
      processes: () => Promise.reject(new Error('boom')),
    });
    await f.exporter.start();
    const x = parseExposition(await tickAndScrape(f));
    for (const name of ['node_context_switches_total', 'node_intr_total', 'node_cpu_seconds_total', 'node_disk_read_bytes_total', 'procyon_processes']) {
      expect(x.values(name), name).toEqual([]);
    }
    expect(x.value('procyon_collector_topic_up', { topic: 'cpu_times' })).toBe(0);
    expect(x.value('procyon_collector_topic_up', { topic: 'processes' })).toBe(0);
    expect(x.value('procyon_collector_topic_up', { topic: 'hwmon' })).toBe(0);
    expect(x.value('procyon_collector_topic_up', { topic: 'network' })).toBe(1);
    expect(x.value('node_memory_MemTotal_bytes')).toBe(15666184 * 1024);
    f.exporter.stop();
  });
});

describe('promtool on this machine', () => {
  let host: Host;
  let exporter: MetricsExporter;
  beforeAll(async () => {
    host = await startHost({ transport: 'websocket', intervalMs: 250 });
    exporter = new MetricsExporter({ sampler: host.sampler, connect: host.connect });
    await exporter.start();
    await host.sampler.tick();
    await exporter.whenIdle();
  });
  afterAll(() => {
    exporter.stop();
    host.stop();
  });

  it('accepts the live exposition of the real /proc and /sys, and it has this machine’s counters', async (ctx) => {
    const { body } = await exporter.scrape(undefined);
    const x = parseExposition(body);
    expect(x.values('node_cpu_seconds_total', { mode: 'idle' }).length).toBeGreaterThan(0);
    expect(x.value('node_memory_MemTotal_bytes')).toBeGreaterThan(0);
    const availability = promtoolAvailability();
    if (availability === 'skip') {
      console.warn('promtool is not installed (apt-get install prometheus): skipping `promtool check metrics`');
      return ctx.skip();
    }
    expect(availability, 'CI is set but promtool is missing').toBe('present');
    expect(promtoolProblems(body)).toEqual({ missing: false, problems: [], status: expect.any(Number) });
  });
});

/** The metric families that have at least one sample. */
const familiesOf = (body: string) => new Set(parseExposition(body).samples.map((s) => s.name));


describe('the first scrape after start', () => {
  it('has every family later scrapes have, though the sampler had ticked before the exporter subscribed', async () => {
    const host = await startHost({ transport: 'websocket', intervalMs: 500 });
    const exporter = new MetricsExporter({ sampler: host.sampler, connect: host.connect });
    try {
      await until(() => host.sampler.latest !== null, { what: "the sampler's first tick" });
      // The restart case: the newest tick predates the exporter's topics.
      expect(missingTopics(host.sampler.latest!)).toEqual(['cpu', 'partitions', 'network', 'battery', 'gpus', 'pressure', 'sockets']);
      await exporter.start();
      const first = familiesOf((await exporter.scrape(undefined)).body);
      for (const name of ['node_load1', 'node_network_receive_bytes_total', 'node_cpu_seconds_total', 'procyon_process_cpu_percent']) {
        expect(first, name).toContain(name);
      }
      const seq = host.sampler.latest!.seq;
      await until(() => host.sampler.latest!.seq >= seq + 2, { what: 'two more ticks' });
      const later = familiesOf((await exporter.scrape(undefined)).body);
      expect([...later].filter((name) => !first.has(name))).toEqual([]);
    } finally {
      exporter.stop();
      host.stop();
    }
  });

  it('a scrape waits for a complete reading, bounded: past the bound it is refused as not ready (503), naming what is missing', async () => {
    // A collector whose reads never finish (a hung /proc): no tick ever completes.
    const stuck = { readTick: () => new Promise<never>(() => {}) } as unknown as Collector;
    const sampler = new Sampler(stuck);
    const client = { setTopics: async () => ({ ok: true }), dispose: () => {} } as unknown as ClientApi;
    const exporter = new MetricsExporter({ sampler, connect: () => client, readyWaitMs: 100, readers: { processes: async () => ({ timestamp: 0, rows: [] }), bootTime: async () => 0 } });
    await exporter.start(); // gives up waiting, and does not fail
    const scrapes = [exporter.scrape(undefined), exporter.scrape(undefined)].map((p) =>
      p.then(
        () => null,
        (err: unknown) => err,
      ),
    );
    await until(() => sampler.listenerCount('snapshot') > 0, { what: 'the scrapes to wait' });
    expect(sampler.listenerCount('snapshot')).toBe(1); // scrapes that arrive together share one wait
    const [refused, other] = await Promise.all(scrapes);
    expect(other).toBe(refused);
    expect(refused).toBeInstanceOf(ExporterNotReady);
    expect(refused).toMatchObject({ statusCode: 503, message: expect.stringMatching(/no complete reading yet.*cpu, partitions, network, battery/) });
    exporter.stop();
  });
});
