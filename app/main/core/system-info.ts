import * as native from '@procyon/collector';
import os from 'node:os';
import type { SystemInfo } from '../../shared';
import type { CollectorRoots } from './collector';

/** PRETTY_NAME from os-release(5), the name people know their distribution by. */
export function prettyName(osRelease: string): string | null {
  return native.parseOsRelease(osRelease).PRETTY_NAME || null;
}

/** The distribution's name, through the collector's reader (a FIFO there is an error, not a hang); the kernel's name when it cannot say. */
async function osName(): Promise<string> {
  try {
    const name = (await native.osRelease())?.PRETTY_NAME;
    if (name) return name;
  } catch {
    // Not a regular file, or unreadable: the kernel's name still says what this is.
  }
  return os.type();
}

/**
 * The System page. Users (utmp) and addresses (getifaddrs) describe this
 * machine's kernel, so under a captured root they are left empty rather than
 * mixed with the tree's values.
 */
export async function systemInfo(roots: CollectorRoots, bootTime: number): Promise<SystemInfo> {
  const live = native.isLive(roots);
  // One after another: a client's call holds one worker thread at a time (call-limiter.ts).
  const name = await osName();
  const users = live ? await native.users() : [];
  const addresses = live ? await native.netIfAddrs() : {};
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
