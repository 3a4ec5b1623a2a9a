import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../shared';
import { unmountedMountpoints } from './mountpoint-check';

const disk = (id: string, mountpoint?: string): AlertRule => ({ id, kind: 'diskUsage', enabled: true, forSeconds: 0, abovePercent: 90, ...(mountpoint !== undefined && { mountpoint }) });

describe('disk rules name a mounted filesystem', () => {
  it('accepts / and every-mountpoint rules, refuses a path nothing is mounted at, naming the field', async () => {
    const issues = await unmountedMountpoints([disk('a', '/'), disk('b'), disk('c', '/no/such/mount')], [], {});
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('alertRules.2.mountpoint');
    expect(issues[0]!.message).toMatch(/^Nothing is mounted at "\/no\/such\/mount"\. Mounted here: \//);
  });
  it('leaves a saved rule alone (its disk may be unplugged now)', async () => {
    expect(await unmountedMountpoints([disk('c', '/media/usb')], [disk('c', '/media/usb')], {})).toEqual([]);
    expect(await unmountedMountpoints([disk('c', '/media/usb2')], [disk('c', '/media/usb')], {})).toHaveLength(1);
  });
});
