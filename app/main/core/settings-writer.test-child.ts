import { existsSync } from 'node:fs';
import type { AlertRule } from '../../shared';
import { openSettings } from './settings';

// One host's settings store adding 20 alert rules, one acknowledged update at
// a time, as the Settings page does; started by settings-shared.test.ts.
// argv: the settings file, the rule-id prefix, a file whose appearance says go.
// Prints "ready" once its store is open, then the acknowledged ids as JSON.

async function main(): Promise<void> {
  const [file, prefix, go] = process.argv.slice(2) as [string, string, string];
  const store = await openSettings(file, (m) => process.stderr.write(`${m}\n`));
  process.stdout.write('ready\n');
  while (!existsSync(go)) await new Promise((r) => setTimeout(r, 5));
  const acknowledged: string[] = [];
  for (let i = 0; i < 20; i++) {
    const rule: AlertRule = { id: `${prefix}${i}`, kind: 'cpu', enabled: true, abovePercent: 50, forSeconds: i };
    await store.update({ alertRules: [...store.get().alertRules, rule] });
    acknowledged.push(rule.id);
  }
  process.stdout.write(JSON.stringify(acknowledged));
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
