import * as native from '@procyon/collector';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { SystemInfo } from '../../shared';
import type { CollectorRoots } from './collector';

/** PRETTY_NAME from os-release(5), the name people know their distribution by. */
export function prettyName(osRelease: string): string | null {
  const m = /^PRETTY_NAME=(.*)$/m.exec(osRelease);
  if (!m) return null;
  return m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
}

async function osName(): Promise<string> {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      const name = prettyName(await readFile(file, 'utf8'));
      if (name) return name;
    } catch {
      // try the next location, as os-release(5) says
    }
  }
  return os.type();
}

/**
 * The System page. Users (utmp) and addresses (getifaddrs) describe this
 * machine's kernel, so under a captured root they are left empty rather than
 * mixed with the tree's values.
 */
export async function systemInfo(roots: CollectorRoots, bootTime: number): Promise<SystemInfo> {
  const custom = roots.procfs !== undefined || roots.sysfs !== undefined;
  // One after another: a client's call holds one worker thread at a time (call-limiter.ts).
  const name = await osName();
  const users = custom ? [] : await native.users();
  const addresses = custom ? {} : await native.netIfAddrs();
  return {
    hostname: os.hostname(),
    osName: name,
    kernel: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    bootTime,
    users,
    addresses,
  };
}
