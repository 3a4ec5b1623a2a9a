import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Whether this machine knows a user by that name (or numeric uid), through
 * NSS as `getent passwd` sees it (LDAP and systemd users included); where
 * getent is missing, /etc/passwd alone. The name is passed as one argument,
 * never through a shell.
 */
export function userExists(name: string): boolean {
  if (name === '' || name.includes('\u0000')) return false;
  const r = spawnSync('getent', ['passwd', name], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
  if (!r.error) return r.status === 0;
  try {
    return readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .some((line) => {
        const [user, , uid] = line.split(':');
        return user === name || uid === name;
      });
  } catch {
    // Nothing to ask: do not claim the user is unknown.
    return true;
  }
}
