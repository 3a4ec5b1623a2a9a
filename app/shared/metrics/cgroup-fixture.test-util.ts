import type { Cgroup } from '@procyon/collector';

/** A group record for tests: a service holding pid 100, no controllers, `over` replacing any field. */
export function group(path: string, over: Partial<Cgroup> = {}): Cgroup {
  return {
    path,
    kind: 'service',
    name: path.slice(path.lastIndexOf('/') + 1),
    id: path.slice(path.lastIndexOf('/') + 1),
    engine: null,
    uid: 0,
    pids: [100],
    pidsCurrent: null,
    cpu: { usageUsec: 0, userUsec: 0, systemUsec: 0, nrThrottled: null, throttledUsec: null },
    memory: null,
    io: null,
    pressure: { cpu: null, memory: null, io: null },
    frozen: false,
    ...over,
  };
}
