// describe() is the one account of what the addon knows; every list in lib/
// is read from it, and the few TS types that must name the same things are
// checked against it here, both ways (read from the sources with the
// TypeScript compiler, so a name added on one side only fails this test).

import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { collector, FIXTURE_ROOTS, makeTree, PACKAGE_DIR } from './helpers';

const LIB = path.join(PACKAGE_DIR, 'lib');
const program = ts.createProgram([path.join(LIB, 'index.ts')], { strict: true, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

function declaration(file: string, name: string): ts.Node {
  const source = program.getSourceFile(path.join(LIB, file));
  if (!source) throw new Error(`${file} is not part of lib/`);
  const found = source.statements.find(
    (s) => (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isEnumDeclaration(s)) && s.name.text === name,
  );
  if (!found) throw new Error(`${name} is not declared in ${file}`);
  return found;
}

/** The string literals of a union type alias. */
function unionMembers(file: string, name: string): string[] {
  const node = declaration(file, name) as ts.TypeAliasDeclaration;
  const type = checker.getTypeAtLocation(node.name);
  const members = type.isUnion() ? type.types : [type];
  return members.map((t) => {
    if (!t.isStringLiteral()) throw new Error(`${name} has a member that is not a string literal`);
    return t.value;
  });
}

function interfaceKeys(file: string, name: string): string[] {
  const node = declaration(file, name) as ts.InterfaceDeclaration;
  return checker.getPropertiesOfType(checker.getTypeAtLocation(node.name)).map((p) => p.name);
}

/** The exported interface `name` in any lib/ file. */
function libInterfaceKeys(name: string): string[] | undefined {
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(LIB + path.sep)) continue;
    const found = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (found) return checker.getPropertiesOfType(checker.getTypeAtLocation(found.name)).map((p) => p.name);
  }
  return undefined;
}

/** An enum's members in declaration order, less the trailing Count. */
function enumMembers(file: string, name: string): string[] {
  const node = declaration(file, name) as ts.EnumDeclaration;
  return node.members.map((m) => (m.name as ts.Identifier).text).filter((n) => n !== 'Count');
}

const require = createRequire(import.meta.url);
// The addon itself, so a record is seen as it crosses, before lib/ reshapes it.
const binding = require(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node')) as Record<string, (options: object) => Promise<unknown>>;
const disks = require(path.join(PACKAGE_DIR, 'dist', 'disks.js')) as typeof import('../lib/disks');
const internals = require(path.join(PACKAGE_DIR, 'dist', 'constants_process.js')) as typeof import('../lib/constants_process');

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const d = collector.describe();

describe('describe()', () => {
  it('names the platform and carries every part', () => {
    expect(d.platform).toBe('linux');
    expect(Object.keys(d).sort()).toEqual(['capabilities', 'constants', 'layouts', 'metrics', 'platform', 'records', 'topics']);
  });

  it('every record declared once in C++ has a TS interface of the same name with exactly its fields', () => {
    const records = Object.entries(d.records);
    expect(records.length).toBeGreaterThanOrEqual(26);
    for (const [name, fields] of records) {
      // In order, too: the TS interface lists the fields as the object carries them, so a field moved
      // in C++ (changing the JS objects' key order) fails here.
      expect([name, libInterfaceKeys(name) ?? ['<no interface in lib/>']]).toEqual([name, fields]);
    }
  });

  it('a record converts with exactly its declared fields, in order', async () => {
    expect(Object.keys(await collector.cpuTimes({ ...FIXTURE_ROOTS }))).toEqual(d.records.CpuTimes);
    expect(Object.keys(await collector.virtualMemory({ ...FIXTURE_ROOTS }))).toEqual(d.records.VirtualMemory);
    expect(Object.keys(await collector.diskUsage('/'))).toEqual(d.records.DiskUsage);
  });

  it('process groups, hwmon and battery records convert with exactly their declared fields, in order', async () => {
    const keys = (value: unknown) => Object.keys(value as object);
    const sections = d.layouts.processSections;
    const wanted = ['basic', 'ids', 'memoryFull', 'memoryMaps', 'threads', 'openFiles', 'ionice'] as const;
    // An open regular file, so openFiles has an entry.
    const fd = openSync(path.join(PACKAGE_DIR, 'package.json'), 'r');
    const snap = (await binding
      .processRead({ procfs: '/proc', sysfs: '/sys', pid: process.pid, sections: wanted.reduce((mask, name) => mask | sections[name], 0) })
      .finally(() => closeSync(fd))) as Record<string, unknown>;
    for (const name of wanted) expect(snap[name], name).not.toBeInstanceOf(Error);
    const basic = snap.basic as { cpuTimes: unknown };
    expect(keys(basic)).toEqual(d.records.ProcessBasicGroup);
    expect(keys(basic.cpuTimes)).toEqual(d.records.ProcessCpuTimes);
    expect(keys(snap.ids)).toEqual(d.records.ProcessIdsGroup);
    expect(keys(snap.memoryFull)).toEqual(d.records.ProcessMemoryFullGroup);
    expect(keys((snap.memoryMaps as unknown[])[0])).toEqual(d.records.ProcessMemoryMapExt);
    expect(keys((snap.threads as unknown[])[0])).toEqual(d.records.ProcessThread);
    expect(keys((snap.openFiles as unknown[])[0])).toEqual(d.records.ProcessOpenFile);
    expect(keys(snap.ionice)).toEqual(d.records.ProcessIonice);

    const hwmonRoots = { procfs: '/proc', sysfs: path.join(PACKAGE_DIR, 'test', 'fixtures', 'hwmon-basic', 'sys') };
    const [chip] = (await binding.hwmonChips(hwmonRoots)) as { sensors: unknown[] }[];
    expect(keys(chip)).toEqual(d.records.HwmonChip);
    expect(keys(chip.sensors[0])).toEqual(d.records.HwmonSensor);

    // The captured machine's BAT0 and AC.
    expect(keys(((await binding.powerSupplies(FIXTURE_ROOTS)) as unknown[])[0])).toEqual(d.records.PowerSupply);
    expect(keys(await binding.sensorsBattery(FIXTURE_ROOTS))).toEqual(d.records.Battery);
  });

  it('disk counters: with their name per disk, without it in the total and the name-keyed map, in declared order', async () => {
    const named = d.records.NamedDiskIoCounters;
    expect(named[0]).toBe('name');
    const counters = named.slice(1);
    expect(sorted(interfaceKeys('disks.ts', 'DiskIoCounters'))).toEqual(sorted(counters));
    expect(disks.DISK_IO_FIELDS).toEqual(counters);
    const perDisk = (await binding.diskIoCounters({ ...FIXTURE_ROOTS, perdisk: true })) as object[];
    expect(perDisk.length).toBeGreaterThan(0);
    for (const disk of perDisk) expect(Object.keys(disk)).toEqual(named);
    const snap = (await binding.systemSnapshot({ ...FIXTURE_ROOTS, topics: ['diskIoCounters', 'perDiskIoCounters'], diskUsagePaths: [] })) as {
      diskIoCounters: object;
      perDiskIoCounters: Record<string, object>;
    };
    expect(Object.keys(snap.diskIoCounters)).toEqual(counters);
    for (const disk of Object.values(snap.perDiskIoCounters)) expect(Object.keys(disk)).toEqual(counters);
  });

  it('net connections: an inet address is the InetAddr record; sconn and pconn keys in their interfaces’ order', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const isMine = (c: { laddr: unknown }) => (c.laddr as { port?: number } | null)?.port === port;
      const connections = (await binding.netConnections({ procfs: '/proc', sysfs: '/sys', kind: 'tcp4' })) as { laddr: unknown }[];
      const mine = connections.find(isMine);
      expect(Object.keys(mine?.laddr ?? {})).toEqual(d.records.InetAddr);
      expect(Object.keys(mine ?? {})).toEqual(interfaceKeys('types.ts', 'NetConnection'));
      const snap = (await binding.processRead({
        procfs: '/proc',
        sysfs: '/sys',
        pid: process.pid,
        sections: d.layouts.processSections.connections,
        kind: 'tcp4',
      })) as { connections: { laddr: unknown }[] };
      const own = snap.connections.find(isMine);
      expect(Object.keys(own?.laddr ?? {})).toEqual(d.records.InetAddr);
      expect(Object.keys(own ?? {})).toEqual(interfaceKeys('process_types.ts', 'ProcessConnection'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('CollectorFunction and capabilities() name exactly the addon’s functions', () => {
    const names = d.capabilities.map((c) => c.name);
    expect(sorted(unionMembers('types.ts', 'CollectorFunction'))).toEqual(sorted(names));
    expect(Object.keys(collector.capabilities())).toEqual(names);
    // Each registered function declares what it needs on Linux (linux/requirement.h): only Windows' own are left to "platform".
    expect(d.capabilities.filter((c) => c.reason === 'platform').map((c) => c.name).sort()).toEqual(
      ['winServiceGet', 'winServiceIter', 'winServiceStart', 'winServiceStop'],
    );
  });

  it('each PROCYON_METRIC is an export, a topic and a capability of its name, with its record; Metrics names exactly them', async () => {
    expect(d.metrics).toContainEqual({ name: 'pressureStall', record: 'PressureStall' });
    const functions = collector as unknown as Record<string, unknown>;
    for (const { name, record } of d.metrics) {
      expect(typeof binding[name], name).toBe('function');
      expect(typeof functions[name], name).toBe('function');
      expect(d.topics).toContain(name);
      expect(d.capabilities.map((c) => c.name)).toContain(name);
      expect(d.records[record], record).toBeDefined();
    }
    expect(sorted(interfaceKeys('metric.ts', 'Metrics'))).toEqual(sorted(d.metrics.map((m) => m.name)));
    // The generic export keeps the contract of a hand-written one: bad options reject (never throw), as INVALID_ARGUMENT.
    const call = collector.pressureStall({ procfs: 7 } as unknown as { procfs: string });
    await expect(call).rejects.toBeInstanceOf(collector.InvalidArgument);
  });

  it('SnapshotTopicValues and SNAPSHOT_TOPICS are the addon’s topics', () => {
    expect(sorted(interfaceKeys('snapshot.ts', 'SnapshotTopicValues'))).toEqual(sorted(d.topics));
    expect(collector.SNAPSHOT_TOPICS).toEqual(d.topics);
  });

  it('process sections: SectionName, SECTION and NativeProcessSnapshot agree with the addon’s bits', () => {
    const bits = d.layouts.processSections;
    expect(sorted(unionMembers('constants_process.ts', 'SectionName'))).toEqual(sorted(Object.keys(bits)));
    expect(sorted(interfaceKeys('process_types.ts', 'NativeProcessSnapshot').filter((k) => k !== 'pid'))).toEqual(
      sorted(Object.keys(bits)),
    );
    expect(internals.SECTION).toEqual(bits);
    // Distinct single bits, so a mask names each section unambiguously.
    const values = Object.values(bits);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v & (v - 1)).toBe(0);
  });

  it('process data comes by psutil attribute group, none named after a /proc file', () => {
    const groups = Object.keys(d.layouts.processSections);
    for (const file of ['stat', 'status', 'statm', 'io', 'smaps', 'smaps_rollup', 'maps', 'limits', 'fd', 'task']) expect(groups).not.toContain(file);
    expect(groups).toEqual(expect.arrayContaining(['basic', 'ids', 'memoryInfo', 'memoryFull', 'ioCounters']));
  });

  it('process table: field names, bits and the packed column order are the addon’s', () => {
    const fields = d.layouts.processTableFields;
    expect(sorted(unionMembers('constants_process.ts', 'ProcessTableFieldName'))).toEqual(sorted(Object.keys(fields)));
    expect(internals.TABLE_FIELD).toEqual(fields);
    expect(collector.PROCESS_TABLE_FIELDS).toEqual(Object.keys(fields));
    // Order matters here: these index the packed arrays.
    expect(enumMembers('process_table.ts', 'Col')).toEqual(d.layouts.processTableNumbers);
    expect(enumMembers('process_table.ts', 'Str')).toEqual(d.layouts.processTableStrings);
  });

  it('virtual_memory: Linux reads every field of its record', () => {
    expect(d.constants.virtualMemoryFields).toEqual(d.records.VirtualMemory);
  });

  it('connection kinds and statuses, process statuses', () => {
    const c = d.constants;
    expect(sorted(unionMembers('constants_net.ts', 'ConnectionKind'))).toEqual(sorted(c.connectionKinds));
    expect(collector.CONNECTION_KINDS).toEqual(c.connectionKinds);
    expect(sorted(unionMembers('constants_process.ts', 'ProcessStatus'))).toEqual(sorted(c.processStatuses));
    // ConnectionStatus is psutil's type on every platform: Linux's statuses plus
    // the three only Windows and Solaris report.
    const declared = unionMembers('constants_net.ts', 'ConnectionStatus');
    expect(sorted(declared)).toEqual(sorted([...c.connectionStatuses, 'DELETE_TCB', 'IDLE', 'BOUND']));
    for (const status of c.connectionStatuses) expect((collector as unknown as Record<string, unknown>)[`CONN_${status}`]).toBe(status);
  });

  it('the exported numeric constants are the addon’s, name for name', () => {
    const exported = collector as unknown as Record<string, unknown>;
    const exportedWith = (prefix: string) =>
      Object.fromEntries(Object.entries(exported).filter(([k, v]) => k.startsWith(prefix) && typeof v === 'number'));
    const c = d.constants;
    expect(exportedWith('RLIMIT_')).toEqual(c.rlimits);
    expect(exported.RLIM_INFINITY).toBe(c.rlimInfinity);
    expect(exportedWith('IOPRIO_CLASS_')).toEqual(c.ioprioClasses);
    // Windows' I/O priority levels (test-win checks their numbers there): none on Linux, so NaN.
    expect(c.ioPriorities).toEqual({});
    for (const name of ['IOPRIO_VERYLOW', 'IOPRIO_LOW', 'IOPRIO_NORMAL', 'IOPRIO_HIGH']) expect(exported[name], name).toBeNaN();
    expect(exportedWith('AF_')).toEqual(c.addressFamilies);
    expect(exportedWith('SOCK_')).toEqual(c.socketTypes);
  });

  it('the signal numbers are the kernel’s (as Node knows them)', () => {
    const signals = d.constants.signals;
    expect(Object.keys(signals).length).toBeGreaterThanOrEqual(31);
    for (const [name, number] of Object.entries(signals)) {
      expect(osConstants.signals[name as keyof typeof osConstants.signals], name).toBe(number);
    }
    expect(d.constants.nice).toEqual({ min: -20, max: 19 });
  });
});

describe('capabilityReport()', () => {
  it('says why a function cannot work: a missing file, with its path', () => {
    const tree = makeTree({ 'proc/stat': 'cpu  1 2 3 4 5 6 7 8 9 10\nbtime 1700000000\n' });
    try {
      const roots = { procfs: path.join(tree.dir, 'proc'), sysfs: path.join(tree.dir, 'sys') };
      const report = new Map(collector.capabilityReport(roots).map((c) => [c.name, c]));
      expect(report.get('cpuTimes')).toEqual({ name: 'cpuTimes', available: true });
      expect(report.get('virtualMemory')).toEqual({
        name: 'virtualMemory',
        available: false,
        reason: 'missing-file',
        path: `${roots.procfs}/meminfo`,
      });
      expect(collector.capabilities(roots).virtualMemory).toBe(false);
    } finally {
      tree.cleanup();
    }
  });

  it('a function that reads the live system is unavailable over a captured tree', () => {
    const report = new Map(collector.capabilityReport(FIXTURE_ROOTS).map((c) => [c.name, c]));
    expect(report.get('netIfAddrs')).toEqual({ name: 'netIfAddrs', available: false, reason: 'captured-tree' });
    expect(report.get('cpuTimes')?.available).toBe(true);
    expect(collector.capabilityReport().find((c) => c.name === 'netIfAddrs')?.available).toBe(true);
  });

  it('an unreadable file is a permission problem, not a missing one', () => {
    const tree = makeTree({ 'proc/meminfo': 'MemTotal: 1 kB\n' });
    try {
      chmodSync(tree.dir, 0o755);
      chmodSync(path.join(tree.dir, 'proc'), 0o755);
      chmodSync(path.join(tree.dir, 'proc/meminfo'), 0);
      const roots = { procfs: path.join(tree.dir, 'proc'), sysfs: path.join(tree.dir, 'sys') };
      // As an unprivileged user when this runs as root (root reads a mode-000 file).
      const script = `console.log(JSON.stringify(require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))}).capabilityReport(${JSON.stringify(roots)}).find((c) => c.name === 'virtualMemory')))`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}) });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ name: 'virtualMemory', available: false, reason: 'permission', path: `${roots.procfs}/meminfo` });
    } finally {
      tree.cleanup();
    }
  });
});
