// /proc/net/dev, /proc/net/{tcp,tcp6,udp,udp6,unix}, /proc/net/sockstat{,6}, /sys/class/net values.
// seeds: proc/net/dev proc/net/sockstat proc/net/sockstat6 proc/net/tcp proc/net/tcp6 proc/net/udp proc/net/unix sys/class/net/eth0/flags sys/class/net/eth0/speed
#include "../fuzz_common.h"
#include "linux/parse/net_connections.h"
#include "linux/parse/net_dev.h"
#include "linux/parse/net_if.h"
#include "linux/parse/sockstat.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::parseNetDev(t); });
  for (const int family : {2, 10}) {
    for (const bool little : {true, false}) fuzz::tolerate([&] { parse::parseInetSockets(t, family, 1, little); });
  }
  fuzz::tolerate([&] { parse::parseUnixSockets(t); });
  fuzz::tolerate([&] {
    NetSocketStats stats;
    parse::parseSockstat(t, 4096, stats);
  });
  fuzz::tolerate([&] { parse::connectionTables(t); });
  fuzz::tolerate([&] { parse::socketInode(t); });
  fuzz::tolerate([&] { parse::parseSysfsHexFlags(t); });
  fuzz::tolerate([&] { parse::parseSysfsDuplex(t); });
  fuzz::tolerate([&] { parse::parseSysfsSpeed(t); });
  fuzz::tolerate([&] { parse::parseSysfsUnsigned(t); });
  return 0;
}
