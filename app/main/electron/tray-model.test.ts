import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../shared';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { actionErrorText, hottestTemperature, parseTerminateId, terminateId, terminatePrompt, topByCpu, topByGpu, trayMenuModel, trayTooltip, type TopProcess } from './tray-model';

function row(pid: number, cpuTimes: number, extra: Partial<ProcessRow> = {}): ProcessRow {
  return {
    pid, createTime: 1_700_000_000 + pid, ppid: 1, name: `p${pid}`, username: 'ada', status: 'running', cpuPercent: null, cpuTimes,
    rss: 0, vms: 0, memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0, ...extra,
  };
}

describe('tray tooltip', () => {
  it('states CPU, memory, swap, network and the hottest sensor of a real tick', async () => {
    // The captured /proc and /sys tree: two ticks so CPU has a rate, sensors and network sampled.
    const sampler = new Sampler(new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }), { topics: () => new Set(['network', 'sensors'] as const) });
    await sampler.tick();
    const s = (await sampler.tick())!;
    const lines = trayTooltip(s).split('\n');
    expect(lines[0]).toBe('Procyon');
    expect(lines[1]).toMatch(/^CPU \d+(\.\d)? %$/);
    expect(lines[2]).toMatch(/^Memory \d+(\.\d)? % of \d+(\.\d)? [KMGT]iB$/);
    expect(lines[3]).toMatch(/^Swap (none|\d+(\.\d)? % of .+)$/);
    expect(lines).toContain('Net ↓ 0 B/s ↑ 0 B/s'); // a fixture's counters do not move between ticks
    const hot = hottestTemperature(s.sensors);
    expect(hot).not.toBeNull();
    expect(lines.at(-1)).toBe(`Hottest ${Math.round(hot!.celsius)} °C`);
    expect(trayTooltip(s, true).split('\n')[0]).toBe('Procyon (updates paused)');
    expect(trayTooltip(s).length).toBeLessThanOrEqual(127);
  });

  it('says so before the first tick and leaves out what was not sampled', async () => {
    expect(trayTooltip(null)).toBe('Procyon: starting…');
    const sampler = new Sampler(new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }));
    const first = (await sampler.tick())!;
    const text = trayTooltip(first);
    expect(text).toContain('CPU —');
    expect(text).not.toContain('Net');
    expect(text).not.toContain('Hottest');
  });

  it('picks the hottest reading across chips, ignoring nonsense', () => {
    expect(
      hottestTemperature({
        temperatures: { acpitz: [{ label: '', current: 51, high: null, critical: 95 }], coretemp: [{ label: 'Core 0', current: 67.6, high: 80, critical: 100 }, { label: 'Core 1', current: Number.NaN, high: 80, critical: 100 }] },
        fans: {},
      }),
    ).toEqual({ where: 'coretemp Core 0', celsius: 67.6 });
    expect(hottestTemperature({ temperatures: {}, fans: {} })).toBeNull();
  });
});

describe('top processes', () => {
  it('ranks by CPU time used between two peeks, matching pid and start time', () => {
    const prev = { time: 0, rows: [row(10, 1), row(11, 5), row(12, 0), row(13, 2)] };
    const cur = {
      time: 5000,
      // 10: 2.5 s of CPU in 5 s = 50 %; 11: 0.5 s = 10 %; 12 reused its pid (new createTime): no baseline, no one-tick rate → left out.
      rows: [row(10, 3.5), row(11, 5.5), row(12, 9, { createTime: 1 }), row(13, 2), row(14, 0, { cpuPercent: 80 })],
    };
    const top = topByCpu(prev, cur, 3);
    expect(top.map((p) => [p.pid, Math.round(p.cpuPercent)])).toEqual([[14, 80], [10, 50], [11, 10]]);
    expect(top[1]).toMatchObject({ name: 'p10', username: 'ada', createTime: 1_700_000_010 });
  });

  it('uses one-tick rates without an earlier peek, and leaves out excluded pids', () => {
    const cur = { time: 1, rows: [row(1, 0, { cpuPercent: 3 }), row(2, 0, { cpuPercent: 90 }), row(3, 0, { cpuPercent: 90 }), row(4, 0)] };
    expect(topByCpu(null, cur, 5, new Set([2])).map((p) => p.pid)).toEqual([3, 1]);
    // Equal rates keep pid order, so the menu does not reshuffle them.
    expect(topByCpu(null, cur).map((p) => p.pid)).toEqual([2, 3, 1]);
  });
});

describe('tray menu', () => {
  const ffmpeg: TopProcess = { pid: 4242, createTime: 1_700_000_123.45, name: 'ffmpeg', username: 'ada', cpuPercent: 187.4 };
  const top = [ffmpeg];

  it('has show, the top processes with terminate, pause, start at login and quit', () => {
    const m = trayMenuModel({ top, paused: true, startAtLogin: false, startAtLoginSupported: true, readOnly: false });
    expect(m.map((i) => ('id' in i ? i.id : i.type))).toEqual(['show', 'popup', 'separator', 'header', 'process:4242', 'separator', 'pause', 'startAtLogin', 'separator', 'quit']);
    const proc = m[4];
    expect(proc).toMatchObject({ type: 'submenu', label: 'ffmpeg (4242) 187 %' });
    const terminate = proc?.type === 'submenu' ? proc.submenu[0] : null;
    expect(terminate).toEqual({ type: 'normal', id: 'terminate:4242:1700000123.45', label: 'Terminate…', enabled: true });
    expect(parseTerminateId(terminateId(ffmpeg))).toEqual({ pid: 4242, createTime: 1_700_000_123.45 });
    expect(m[6]).toMatchObject({ type: 'checkbox', checked: true });
  });

  it('says when the list is not known yet, disables terminate when read-only, hides an unsupported login item', () => {
    const measuring = trayMenuModel({ top: null, paused: false, startAtLogin: false, startAtLoginSupported: false, readOnly: false });
    expect(measuring).toContainEqual({ type: 'header', label: 'Top processes: measuring…' });
    expect(measuring.some((i) => 'id' in i && i.id === 'startAtLogin')).toBe(false);
    const ro = trayMenuModel({ top, paused: false, startAtLogin: true, startAtLoginSupported: true, readOnly: true });
    const proc = ro.find((i) => i.type === 'submenu');
    expect(proc?.type === 'submenu' && proc.submenu[0]).toMatchObject({ enabled: false });
  });

  it('rejects ids that are not terminate ids', () => {
    expect(parseTerminateId('terminate:12')).toBeNull();
    expect(parseTerminateId('terminate:-1:5')).toBeNull();
    expect(parseTerminateId('quit')).toBeNull();
  });

  it('names pid, process and owner when asking, and explains failures by their code', () => {
    expect(terminatePrompt(ffmpeg)).toEqual({
      message: 'Terminate ffmpeg (pid 4242)?',
      detail: 'Owner: ada. It is asked to exit (SIGTERM) and may save its work first.',
    });
    expect(actionErrorText(ffmpeg, { code: 'NO_SUCH_PROCESS', message: 'x' })).toBe('ffmpeg (pid 4242): the process no longer exists.');
    expect(actionErrorText(ffmpeg, { code: 'ACCESS_DENIED', message: 'x' })).toMatch(/permission denied/);
    expect(actionErrorText(ffmpeg, { code: 'INTERNAL', message: 'boom' })).toBe('ffmpeg (pid 4242): boom');
  });
});

describe('tray top list by GPU', () => {
  const gpu = (busyPercent: number) => ({ busyPercent, engines: { gfx: busyPercent }, memoryBytes: 1, devices: [] });
  it('ranks the processes that use a GPU by their share, ties by pid; the menu says GPU and offers the switch', () => {
    const peek = { time: 0, rows: [row(1, 0, { gpu: gpu(5) }), row(2, 0, { gpu: gpu(40) }), row(3, 0, { gpu: null }), row(4, 0), row(5, 0, { gpu: gpu(5) })] };
    const top = topByGpu(peek, 5, new Set([9]));
    expect(top.map((p) => [p.pid, p.gpuPercent])).toEqual([[2, 40], [1, 5], [5, 5]]);
    const menu = trayMenuModel({ top, rank: 'gpu', gpuRanking: true, paused: false, startAtLogin: false, startAtLoginSupported: false, readOnly: false });
    expect(menu).toContainEqual({ type: 'header', label: 'Top processes by GPU' });
    expect(menu).toContainEqual(expect.objectContaining({ label: 'p2 (2) 40 %' }));
    expect(menu).toContainEqual({ type: 'checkbox', id: 'rankGpu', label: 'Rank by GPU', checked: true });
    // Where the host reads no GPUs, no switch.
    expect(trayMenuModel({ top, paused: false, startAtLogin: false, startAtLoginSupported: false, readOnly: false }).some((i) => 'id' in i && i.id === 'rankGpu')).toBe(false);
    expect(trayMenuModel({ top: [], rank: 'gpu', paused: false, startAtLogin: false, startAtLoginSupported: false, readOnly: false })).toContainEqual({ type: 'header', label: 'Top processes by GPU: none uses a GPU' });
  });
});
