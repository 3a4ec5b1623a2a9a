import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../shared';
import { amdgpuCard0, amdgpuCard0WithHwmon } from '../core/gpu-fixture.test-util';
import { linuxTick, processRow, scrapeLines as scrape } from './linux-tick.test-util';
import { topsOf } from './metrics-top';

// GPUs in /metrics: node_exporter's drm collector names for the captured amdgpu
// card's figures (collector/drm_linux.go), procyon_gpu_* for the rest, and the
// top processes by GPU use, rendered by prom-client as a scrape sees them.

const row = (pid: number, name: string, gpu: ProcessRow['gpu']): ProcessRow => processRow(pid, name, { gpu });

describe('GPUs in /metrics', () => {
  it("the captured amdgpu card under node_exporter's drm names, with its exact figures", async () => {
    const lines = await scrape(linuxTick({ gpus: [amdgpuCard0()] }));
    expect(lines).toContain('node_drm_card_info{card="card0",memory_vendor="",power_performance_level="manual",unique_id="",vendor="amd"} 1');
    expect(lines).toContain('node_drm_gpu_busy_percent{card="card0"} 4');
    expect(lines).toContain('node_drm_memory_vram_size_bytes{card="card0"} 8573157376');
    expect(lines).toContain('node_drm_memory_vram_used_bytes{card="card0"} 1490378752');
    expect(lines).toContain('node_drm_memory_vis_vram_size_bytes{card="card0"} 8573157376');
    expect(lines).toContain('node_drm_memory_vis_vram_used_bytes{card="card0"} 1490378752');
    expect(lines).toContain('node_drm_memory_gtt_size_bytes{card="card0"} 8573157376');
    expect(lines).toContain('node_drm_memory_gtt_used_bytes{card="card0"} 144560128');
    expect(lines).toContain('# TYPE node_drm_gpu_busy_percent gauge');
    expect(lines).toContain('# HELP node_drm_gpu_busy_percent How busy the GPU is as a percentage.');
    // The capture has no PCI id database: its names are empty.
    expect(lines).toContain('procyon_gpu_info{card="card0",source="drm",driver="amdgpu",pci_slot="0000:09:00.0",vendor="",model=""} 1');
    // Its clocks are pp_dpm_sclk's and pp_dpm_mclk's current and highest levels.
    expect(lines).toContain('procyon_gpu_graphics_clock_hertz{card="card0"} 852000000');
    expect(lines).toContain('procyon_gpu_graphics_clock_max_hertz{card="card0"} 1630000000');
    expect(lines).toContain('procyon_gpu_memory_clock_hertz{card="card0"} 167000000');
    // And no hwmon: no power, temperature or fan series rather than zeros.
    expect(lines.filter((l) => /^procyon_gpu_(power|temperature|fan|engine)/.test(l))).toEqual([]);
  });

  it('procyon_gpu_* for engines, temperature by sensor, power and its limit, clocks in hertz, fan', async () => {
    const lines = await scrape(linuxTick({ gpus: [amdgpuCard0WithHwmon()] }));
    expect(lines).toContain('procyon_gpu_engine_busy_percent{card="card0",engine="gfx"} 3.5');
    expect(lines).toContain('procyon_gpu_engine_busy_percent{card="card0",engine="compute"} 0.5');
    expect(lines).toContain('procyon_gpu_temperature_celsius{card="card0",sensor="junction"} 52');
    expect(lines).toContain('procyon_gpu_power_watts{card="card0"} 31');
    expect(lines).toContain('procyon_gpu_power_limit_watts{card="card0"} 220');
    expect(lines).toContain('procyon_gpu_fan_rpm{card="card0"} 1020');
    expect(lines).toContain('procyon_gpu_info{card="card0",source="drm",driver="amdgpu",pci_slot="0000:09:00.0",vendor="Advanced Micro Devices, Inc. [AMD/ATI]",model="Vega 10 XL/XT [Radeon RX Vega 56/64]"} 1');
  });

  it('a machine without a GPU publishes no GPU series', async () => {
    for (const gpus of [[], null]) {
      const lines = await scrape(linuxTick({ gpus }));
      expect(lines.filter((l) => /^(node_drm|procyon_gpu)_/.test(l))).toEqual([]);
    }
  });

  it('the top 10 processes by GPU use and by GPU memory, only processes that hold a GPU, bounded', async () => {
    const rows = [
      ...Array.from({ length: 14 }, (_, i) => row(100 + i, `render${i}`, { busyPercent: i, engines: { gfx: i }, memoryBytes: 1000 * (14 - i), devices: ['0000:09:00.0'] })),
      row(5, 'idle', null),
      row(6, 'unread', undefined),
    ];
    const lines = await scrape(linuxTick({}, topsOf(rows)));
    const busy = lines.filter((l) => l.startsWith('procyon_process_gpu_busy_percent{'));
    expect(busy).toHaveLength(10);
    expect(busy[0]).toBe('procyon_process_gpu_busy_percent{pid="113",name="render13"} 13');
    const memory = lines.filter((l) => l.startsWith('procyon_process_gpu_memory_bytes{'));
    expect(memory).toHaveLength(10);
    expect(memory[0]).toBe('procyon_process_gpu_memory_bytes{pid="100",name="render0"} 14000');
    expect([...busy, ...memory].some((l) => /name="(idle|unread)"/.test(l))).toBe(false);
  });
});
