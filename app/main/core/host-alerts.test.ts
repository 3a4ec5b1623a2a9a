import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent, Snapshot } from '../../shared';
import { startHost } from './host';

// The whole host on this machine: a rule read from a real settings file, the
// real sampler. "/" is surely more than 0 % used, so the rule fires on the
// first tick that has partitions; no client asks for partitions, so that tick
// exists only because the engine asked for the topic itself.

describe('alerts in the host', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('samples what enabled rules need, fires once, puts the event on the tick and in the history, not in the sampler history', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-host-alerts-'));
    dirs.push(dir);
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ intervalMs: 250, alertRules: [{ id: 'root', kind: 'diskUsage', enabled: true, abovePercent: 0, mountpoint: '/', forSeconds: 0 }] }));
    const host = await startHost({ transport: 'websocket', settingsFile: file });
    try {
      expect(host.sampler.intervalMs).toBe(250);
      const notified: AlertEvent[] = [];
      host.alerts.onAlert((e) => notified.push(e));
      const client = host.connect();
      const ticks: Snapshot[] = [];
      await new Promise<void>((resolve) => {
        const off = client.onSnapshot((s) => {
          ticks.push(s);
          // Three more ticks after the first alert: it must not fire again.
          if (ticks.findIndex((t) => t.alerts) >= 0 && ticks.length - ticks.findIndex((t) => t.alerts) > 3) {
            off();
            resolve();
          }
        });
      });
      const withAlerts = ticks.filter((t) => t.alerts);
      expect(withAlerts).toHaveLength(1);
      expect(withAlerts[0]!.alerts).toMatchObject([{ ruleId: 'root', kind: 'diskUsage', state: 'firing', subject: '/' }]);
      expect(notified).toEqual(withAlerts[0]!.alerts);
      expect(await client.getAlertHistory()).toEqual(notified);
      expect(host.sampler.historySince(60).some((s) => 'alerts' in s)).toBe(false);

      // Disabling the rule closes the episode on the next tick.
      await client.updateSettings({ alertRules: [{ id: 'root', kind: 'diskUsage', enabled: false, abovePercent: 0, mountpoint: '/', forSeconds: 0 }] });
      await new Promise<void>((resolve) => {
        const off = client.onSnapshot((s) => {
          if (!s.alerts) return;
          expect(s.alerts).toMatchObject([{ ruleId: 'root', state: 'resolved' }]);
          off();
          resolve();
        });
      });
      expect((await client.getAlertHistory()).map((e) => e.state)).toEqual(['firing', 'resolved']);
      client.dispose();
    } finally {
      host.stop();
    }
  }, 20_000);
});
