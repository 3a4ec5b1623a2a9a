// Failures: typed, coded, always through a rejected promise (or a throw for
// the sync variants), never a crash.

import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { FIXTURE_ROOTS, PACKAGE_DIR, collector } from './helpers';

const {
  ERROR_CODES,
  ProcyonError,
  NotFound,
  InvalidArgument,
  NoSuchProcess,
  ZombieProcess,
  AccessDenied,
  TimeoutExpired,
  ParseError,
  IoError,
  InvalidFile,
  NotLive,
  Unsupported,
  fromNative,
} = collector;

const missing = { procfs: '/nonexistent/procyon/proc', sysfs: '/nonexistent/procyon/sys' };

describe('missing root', () => {
  const calls: Record<string, () => Promise<unknown>> = {
    cpuTimes: () => collector.cpuTimes(missing),
    'cpuTimes percpu': () => collector.cpuTimes({ ...missing, percpu: true }),
    'cpuCount logical': () => collector.cpuCount(missing),
    'cpuCount physical': () => collector.cpuCount({ ...missing, logical: false }),
    virtualMemory: () => collector.virtualMemory(missing),
    swapMemory: () => collector.swapMemory(missing),
    bootTime: () => collector.bootTime(missing),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name} rejects with NotFound naming the file`, async () => {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NotFound);
      expect(error).toBeInstanceOf(ProcyonError);
      expect(error).toBeInstanceOf(Error);
      const notFound = error as InstanceType<typeof NotFound>;
      expect(notFound.code).toBe('NOT_FOUND');
      expect(notFound.name).toBe('NotFound');
      expect(notFound.path).toMatch(/^\/nonexistent\/procyon\/proc\/(stat|meminfo|cpuinfo)$/);
      expect(notFound.errno).toBe(2);
      expect(notFound.message).toContain(notFound.path);
    });
  }

  it('the sync variants throw NotFound', () => {
    expect(() => collector.bootTimeSync(missing)).toThrow(NotFound);
    expect(() => collector.cpuCountSync({ ...missing, logical: false })).toThrow(NotFound);
  });

  it('env roots are used when no option is given, and an option beats them', async () => {
    const saved = { procfs: process.env.PROCYON_PROCFS, sysfs: process.env.PROCYON_SYSFS };
    try {
      process.env.PROCYON_PROCFS = FIXTURE_ROOTS.procfs;
      process.env.PROCYON_SYSFS = FIXTURE_ROOTS.sysfs;
      expect(await collector.bootTime()).toBe(1418183276);
      expect(await collector.cpuCount({ logical: false })).toBe(2);
      await expect(collector.bootTime({ procfs: missing.procfs })).rejects.toBeInstanceOf(NotFound);
      expect(collector.resolveRoots({ sysfs: '/x' })).toEqual({ procfs: FIXTURE_ROOTS.procfs, sysfs: '/x' });
    } finally {
      for (const [key, value] of [['PROCYON_PROCFS', saved.procfs], ['PROCYON_SYSFS', saved.sysfs]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(collector.resolveRoots()).toEqual({ procfs: '/proc', sysfs: '/sys' });
  });
});

describe('invalid arguments', () => {
  const bad: [string, () => Promise<unknown>][] = [
    ['numeric procfs', () => collector.cpuTimes({ procfs: 42 as unknown as string })],
    ['object sysfs', () => collector.cpuCount({ sysfs: {} as unknown as string, logical: false })],
    ['empty procfs', () => collector.virtualMemory({ procfs: '' })],
    ['null procfs', () => collector.swapMemory({ procfs: null as unknown as string })],
    ['string percpu', () => collector.cpuTimes({ percpu: 'yes' as unknown as boolean })],
    ['numeric logical', () => collector.cpuCount({ logical: 0 as unknown as boolean })],
    ['options not an object', () => collector.bootTime('/proc' as unknown as object)],
  ];
  for (const [name, call] of bad) {
    it(`${name} → rejects with InvalidArgument`, async () => {
      const promise = call();
      expect(promise).toBeInstanceOf(Promise);
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidArgument);
      expect((error as InstanceType<typeof InvalidArgument>).code).toBe('INVALID_ARGUMENT');
    });
  }

  it('sync variants throw InvalidArgument', () => {
    expect(() => collector.bootTimeSync({ procfs: 1 as unknown as string })).toThrow(InvalidArgument);
    expect(() => collector.cpuCountSync({ logical: 'no' as unknown as boolean })).toThrow(InvalidArgument);
  });

  it('the addon validates too (rejects, coded), for callers that bypass lib/', async () => {
    const require = createRequire(import.meta.url);
    const binding = require(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node'));
    const error = await binding.cpuTimes({ procfs: 7 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const withNul = await binding.bootTime({ procfs: '/proc\0/x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(withNul).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(() => binding.bootTimeSync([])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(fromNative(error)).toBeInstanceOf(InvalidArgument);
  });
});

describe('error classes', () => {
  it('every async function returns a Promise', () => {
    const promises = [
      collector.cpuTimes(),
      collector.cpuCount(),
      collector.virtualMemory(),
      collector.swapMemory(),
      collector.bootTime(),
    ];
    for (const promise of promises) expect(promise).toBeInstanceOf(Promise);
    return Promise.all(promises);
  });

  it('psutil-style process errors carry their fields and codes', () => {
    const zombie = new ZombieProcess(42, 'sh', 1);
    expect(zombie).toBeInstanceOf(NoSuchProcess);
    expect(zombie).toBeInstanceOf(ProcyonError);
    expect(zombie.code).toBe('ZOMBIE_PROCESS');
    expect(zombie.name).toBe('ZombieProcess');
    expect([zombie.pid, zombie.processName, zombie.ppid]).toEqual([42, 'sh', 1]);
    expect(zombie.message).toBe("process still exists but it's a zombie (pid=42, name='sh', ppid=1)");

    const gone = new NoSuchProcess(7);
    expect(gone.code).toBe('NO_SUCH_PROCESS');
    expect(gone.message).toBe('process no longer exists (pid=7)');

    const denied = new AccessDenied(1, 'systemd');
    expect(denied.code).toBe('ACCESS_DENIED');
    expect(denied.message).toBe("access denied (pid=1, name='systemd')");

    const timeout = new TimeoutExpired(2.5, 99);
    expect(timeout.code).toBe('TIMEOUT_EXPIRED');
    expect([timeout.seconds, timeout.pid]).toEqual([2.5, 99]);
  });

  it('fromNative maps every code to its class and keeps the details', () => {
    const native = (code: string, extra: object = {}) => Object.assign(new Error(`native ${code}`), { code, ...extra });
    const cases: [string, new (...args: never[]) => Error][] = [
      ['NOT_FOUND', NotFound],
      ['ACCESS_DENIED', AccessDenied],
      ['IO_ERROR', IoError],
      ['PARSE_ERROR', ParseError],
      ['INVALID_ARGUMENT', InvalidArgument],
      ['NO_SUCH_PROCESS', NoSuchProcess],
      ['ZOMBIE_PROCESS', ZombieProcess],
      ['TIMEOUT_EXPIRED', TimeoutExpired],
      ['UNSUPPORTED', Unsupported],
      ['INVALID_FILE', InvalidFile],
      ['NOT_LIVE', NotLive],
    ];
    expect(cases.map(([code]) => code).sort()).toEqual(Object.values(ERROR_CODES).sort());
    for (const [code, cls] of cases) {
      const converted = fromNative(native(code, { path: '/proc/x', errno: 13, pid: 5, processName: 'p', ppid: 1, seconds: 3 }));
      expect(converted).toBeInstanceOf(cls);
      expect((converted as InstanceType<typeof ProcyonError>).code).toBe(code);
      expect((converted as Error).message).toBe(`native ${code}`);
    }
    const zombie = fromNative(native('ZOMBIE_PROCESS', { pid: 5, processName: 'p', ppid: 1 })) as InstanceType<typeof ZombieProcess>;
    expect([zombie.pid, zombie.processName, zombie.ppid]).toEqual([5, 'p', 1]);
    const notFound = fromNative(native('NOT_FOUND', { path: '/proc/x', errno: 2 })) as InstanceType<typeof NotFound>;
    expect([notFound.path, notFound.errno]).toEqual(['/proc/x', 2]);

    const plain = new TypeError('not ours');
    expect(fromNative(plain)).toBe(plain);
    const foreign = Object.assign(new Error('ENOENT elsewhere'), { code: 'ENOENT' });
    expect(fromNative(foreign)).toBe(foreign);
  });
});
