// A whole-system metric reaches a platform only through the readers its
// platform files registered (src/backend_readers.h), never a virtual of its
// own. test/native/metric_readers.cc declares a metric no platform file can
// know and is linked against the addon's own platform objects (src/ less
// src/binding: linking also proves that layer has no N-API in it).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { gypSources } from '../scripts/gyp_sources.mjs';
import { FIXTURE_ROOTS, PACKAGE_DIR } from './helpers';

// Release as `npm ci` builds it; Debug where only PROCYON_DEBUG_NATIVE's build is there.
const OBJECTS = ['Release', 'Debug'].map((config) => path.join(PACKAGE_DIR, 'build', config, 'obj.target', 'procyon_collector')).find(existsSync) ?? '<no build>';
const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-readers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The objects of the sources binding.gyp builds now (not whatever an older tree left in build/), less the binding's. */
function objects(): string[] {
  return gypSources().filter((source) => !source.startsWith('src/binding/')).map((source) => path.join(OBJECTS, source.replace(/\.cc$/, '.o')));
}

interface Outcome {
  ok?: number;
  code?: string;
  message?: string;
}
interface Probe {
  linux: { probe: Outcome; pressure: Outcome; capabilities: string[] };
  unsupported: { pressure: Outcome; capabilities: string[] };
}

function probe(): Probe {
  expect(existsSync(OBJECTS), 'the addon is built (npm run build:native)').toBe(true);
  const bin = path.join(scratch, 'metric_readers');
  // The flags node-gyp builds those objects with that matter to the ABI.
  const flags = ['-std=c++17', '-fno-rtti', '-pthread', '-D_FILE_OFFSET_BITS=64', '-D_LARGEFILE_SOURCE', `-I${path.join(PACKAGE_DIR, 'src')}`];
  const cc = spawnSync('g++', [...flags, path.join(PACKAGE_DIR, 'test', 'native', 'metric_readers.cc'), ...objects(), '-o', bin], { encoding: 'utf8' });
  expect(cc.stderr).toBe('');
  expect(cc.status).toBe(0);
  const run = spawnSync(bin, [FIXTURE_ROOTS.procfs], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Probe;
}

describe('metric readers', () => {
  it('a declared metric no platform file reads is UNSUPPORTED and no capability of the platform; PSI, registered by linux/pressure.cc, reads', () => {
    const { linux, unsupported } = probe();
    expect(linux.probe).toEqual({ code: 'UNSUPPORTED', message: 'probeOnlyMetric is not supported on this platform' });
    expect(linux.capabilities).not.toContain('probeOnlyMetric');
    // The fixture's cpu `some avg10=0.10`.
    expect(linux.pressure).toEqual({ ok: 0.1 });
    expect(linux.capabilities).toContain('pressureStall');
    // The backend of a platform nobody has written yet registers nothing: as its default virtual did.
    expect(unsupported.pressure).toEqual({ code: 'UNSUPPORTED', message: 'pressureStall is not supported on this platform' });
    expect(unsupported.capabilities).toEqual([]);
  });
});
