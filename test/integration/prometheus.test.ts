import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cpuCount, virtualMemory } from '@procyon/collector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition } from '../../app/main/server/metrics-exposition.test-util';
import { WS_PATH } from '../../app/shared';
import { ensureCliBuilt } from '../security/cli-build';

// A real Prometheus scraping `procyon serve --metrics-only`: proves the
// exposition parses in Prometheus itself (it negotiates OpenMetrics), that
// counters are counters (rate() is sane) and that values are this machine's.

const REPO = path.resolve(__dirname, '../..');
const SCRAPE_SECONDS = 1;
const RATE_WINDOW = '10s';
const DEADLINE_MS = 40_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the first stdout match of `re`, or rejects with what the process said. */
function waitForLine(child: ChildProcess, re: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms; output:\n${out}`)), ms);
    const on = (c: Buffer) => {
      out += c.toString();
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${re}; output:\n${out}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

type Vector = { metric: Record<string, string>; value: [number, string] }[];

const availability = spawnSync('prometheus', ['--version']).error ? (process.env.CI ? 'fail' : 'skip') : 'present';
if (availability === 'skip') console.warn('prometheus is not installed (apt-get install prometheus): skipping the Prometheus integration test');

describe.skipIf(availability === 'skip')('Prometheus scrapes `procyon serve --metrics-only`', () => {
  let tmp: string;
  let procyon: ChildProcess | undefined;
  let prometheus: ChildProcess | undefined;
  let metricsUrl: string;
  let api: string;

  const query = async (q: string): Promise<Vector> => {
    const r = await get(`${api}/api/v1/query?query=${encodeURIComponent(q)}`);
    const j = JSON.parse(r.body) as { status: string; data?: { result: Vector }; error?: string };
    if (j.status !== 'success') throw new Error(`query ${q} failed: ${j.error}`);
    return j.data!.result;
  };
  const prometheusLog = () => readFileSync(path.join(tmp, 'prometheus.log'), 'utf8').split('\n').slice(-15).join('\n');

  beforeAll(async () => {
    expect(availability, 'CI is set but prometheus is missing: .ci/run should have installed it').toBe('present');
    ensureCliBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-prometheus-'));

    procyon = spawn(process.execPath, [path.join(REPO, 'bin/procyon.js'), 'serve', '--metrics-only', '--port', '0', '--interval', '500'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    metricsUrl = (await waitForLine(procyon, /http:\/\/127\.0\.0\.1:\d+\/metrics/, 15_000))[0];
    const target = new URL(metricsUrl).host;

    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    writeFileSync(
      path.join(tmp, 'prometheus.yml'),
      [
        'global:',
        `  scrape_interval: ${SCRAPE_SECONDS}s`,
        `  scrape_timeout: ${SCRAPE_SECONDS}s`,
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: procyon',
        '    static_configs:',
        `      - targets: ['${target}']`,
        '',
      ].join('\n'),
    );
    const log = openSync(path.join(tmp, 'prometheus.log'), 'w');
    prometheus = spawn(
      'prometheus',
      [`--config.file=${path.join(tmp, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(tmp, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { cwd: tmp, stdio: ['ignore', log, log] },
    );

    // Up, and enough scrapes for a rate over RATE_WINDOW.
    const t0 = Date.now();
    let scrapes = 0;
    while (Date.now() - t0 < DEADLINE_MS) {
      await sleep(1000);
      if (prometheus.exitCode !== null) throw new Error(`prometheus exited ${prometheus.exitCode}:\n${prometheusLog()}`);
      try {
        const r = await query('sum(count_over_time(up{job="procyon"}[1m])) and on() (up{job="procyon"} == 1)');
        scrapes = Number(r[0]?.value[1] ?? 0);
      } catch {
        continue; // the API is not up yet
      }
      if (scrapes >= 13) return;
    }
    throw new Error(`only ${scrapes} successful scrapes within ${DEADLINE_MS} ms:\n${prometheusLog()}`);
  }, DEADLINE_MS + 30_000);

  afterAll(async () => {
    await Promise.all([stop(prometheus), stop(procyon)]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 15_000);

  it('the target is up and each scrape brings the whole exposition', async () => {
    const up = await query('up{job="procyon"}');
    expect(up.map((s) => s.value[1])).toEqual(['1']);
    const samples = Number((await query('scrape_samples_scraped{job="procyon"}'))[0]!.value[1]);
    expect(samples).toBeGreaterThan(60);
  });

  it('rate(node_cpu_seconds_total): every CPU and mode, each 0..1 CPU-second per second, and each CPU sums to about 1', async () => {
    const rates = await query(`rate(node_cpu_seconds_total[${RATE_WINDOW}])`);
    const cpus = (await cpuCount({ logical: true }))!;
    expect(rates).toHaveLength(cpus * 8);
    const perCpu = new Map<string, number>();
    for (const r of rates) {
      const v = Number(r.value[1]);
      // Ticks (every 500 ms) and scrapes (every 1 s) are not aligned: over a 10 s window the data's span differs from the scrapes' by at most one tick, ~5 %.
      expect(v, `${r.metric.cpu}/${r.metric.mode}`).toBeGreaterThanOrEqual(0);
      expect(v, `${r.metric.cpu}/${r.metric.mode}`).toBeLessThanOrEqual(1.1);
      perCpu.set(r.metric.cpu!, (perCpu.get(r.metric.cpu!) ?? 0) + v);
    }
    expect(perCpu.size).toBe(cpus);
    for (const [cpu, total] of perCpu) {
      expect(total, `cpu ${cpu}`).toBeGreaterThan(0.85);
      expect(total, `cpu ${cpu}`).toBeLessThan(1.15);
    }
  });

  it("node_memory_MemTotal_bytes is this machine's virtual_memory().total", async () => {
    const r = await query('node_memory_MemTotal_bytes{job="procyon"}');
    expect(r).toHaveLength(1);
    expect(Number(r[0]!.value[1])).toBe((await virtualMemory()).total);
  });

  it('the metrics-only listener serves neither the UI nor the WebSocket', async () => {
    const origin = new URL(metricsUrl).origin;
    expect((await get(`${origin}/`)).status).toBe(404);
    expect((await get(`${origin}${WS_PATH}`, { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' })).status).toBe(404);
    expect((await get(metricsUrl)).status).toBe(200);
  });
});

describe('`procyon serve --metrics-only`, scraped the moment it says it listens', () => {
  let procyon: ChildProcess | undefined;
  afterAll(() => stop(procyon), 15_000);

  it('the first scrape has every family a later scrape has (no family appears a tick late after a restart)', async () => {
    ensureCliBuilt();
    procyon = spawn(process.execPath, [path.join(REPO, 'bin/procyon.js'), 'serve', '--metrics-only', '--port', '0', '--interval', '500'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = (await waitForLine(procyon, /http:\/\/127\.0\.0\.1:\d+\/metrics/, 15_000))[0];
    const first = await get(url);
    expect(first.status).toBe(200);
    const families = (body: string) => new Set(parseExposition(body).samples.map((s) => s.name));
    const ticks = (body: string) => parseExposition(body).value('procyon_sampler_ticks_total') ?? 0;
    const firstFamilies = families(first.body);
    for (const name of ['node_load1', 'node_network_receive_bytes_total', 'node_cpu_seconds_total', 'node_memory_MemTotal_bytes']) expect(firstFamilies, name).toContain(name);
    // A later scrape, two ticks on.
    let later = first;
    const deadline = Date.now() + DEADLINE_MS;
    while (ticks(later.body) < ticks(first.body) + 2) {
      if (Date.now() > deadline) throw new Error('the sampler did not tick twice');
      await sleep(100);
      later = await get(url);
    }
    expect([...families(later.body)].filter((name) => !firstFamilies.has(name))).toEqual([]);
  }, DEADLINE_MS + 20_000);
});
