// NIC addresses and stats from the Windows addon in node.exe under Wine,
// against the host's /sys/class/net, /proc/net/if_inet6 and node's own
// os.networkInterfaces() (for IPv4, which the host's /proc gives only as a
// routing trie).
import test from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';

import * as c from './collector.mjs';
import * as host from './host.mjs';

const IFF_UP = 0x1;

test('netIfAddrs: the host\'s NICs; MACs from sysfs as psutil writes them, IPv6 from if_inet6, IPv4 and netmask as node sees them', async () => {
  const nics = await c.netIfAddrs();
  assert.deepEqual(Object.keys(nics).sort(), Object.keys(host.netDev()).sort());
  assert.deepEqual([c.AF_INET, c.AF_INET6, c.AF_LINK], [2, 23, -1]);
  const inet6 = host.inet6ByNic();
  const node = os.networkInterfaces();
  for (const [nic, addrs] of Object.entries(nics)) {
    const of = (family) => addrs.filter((a) => a.family === family);
    for (const mac of of(c.AF_LINK)) {
      assert.equal(mac.address, host.sysNet(nic, 'address').toUpperCase().replaceAll(':', '-'), `${nic} MAC`);
      assert.equal(mac.netmask, null);
    }
    assert.deepEqual(of(c.AF_INET6).map((a) => a.address).sort(), (inet6[nic] ?? []).sort(), `${nic} IPv6`);
    assert.ok(of(c.AF_INET6).every((a) => a.netmask === null), 'IPv6 has no netmask on Windows');
    const v4 = (node[nic] ?? []).filter((a) => a.family === 'IPv4').map((a) => `${a.address}/${a.netmask}`).sort();
    assert.deepEqual(of(c.AF_INET).map((a) => `${a.address}/${a.netmask}`).sort(), v4, `${nic} IPv4`);
    assert.ok(addrs.every((a) => a.broadcast === null && a.ptp === null));
  }
});

test('netIfStats: the host\'s NICs with sysfs\'s MTU and up/down; duplex full, speed a number, flags empty', async () => {
  const stats = await c.netIfStats();
  assert.deepEqual(Object.keys(stats).sort(), Object.keys(host.netDev()).sort());
  for (const [nic, s] of Object.entries(stats)) {
    assert.equal(s.mtu, Number(host.sysNet(nic, 'mtu')), `${nic} mtu`);
    const operstate = host.sysNet(nic, 'operstate');
    const up = operstate === 'up' || (operstate === 'unknown' && (Number(host.sysNet(nic, 'flags')) & IFF_UP) !== 0);
    assert.equal(s.isup, up, `${nic} isup (operstate ${operstate})`);
    assert.equal(s.duplex, c.NIC_DUPLEX_FULL);
    assert.ok(Number.isInteger(s.speed) && s.speed >= 0);
    assert.equal(s.flags, '');
  }
});
