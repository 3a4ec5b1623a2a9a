// Socket counts by protocol: /proc/net/sockstat and /proc/net/sockstat6.

#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/error.h"
#include "common/records_sockstat.h"
#include "linux/metric_reader.h"
#include "linux/parse/sockstat.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

NetSocketStats read(const LinuxBackend& backend) {
  const Procfs procfs = backend.procfs();
  // mem is in pages of this kernel; a captured tree is taken to share this
  // machine's page size, as node_exporter does.
  const long page = ::sysconf(_SC_PAGESIZE);
  const uint64_t pageSize = page > 0 ? static_cast<uint64_t>(page) : 4096;
  NetSocketStats stats;
  // IPv4's file is the one every kernel with /proc/net has: NOT_FOUND without it.
  const std::string_view v4 = procfs.read("net/sockstat");
  annotatePath(threadReader().path(), [&] { parse::parseSockstat(v4, pageSize, stats); });
  // sockstat6 is absent where IPv6 is off: its protocols stay null.
  if (const std::optional<std::string_view> v6 = procfs.readIfExists("net/sockstat6")) {
    annotatePath(threadReader().path(), [&] { parse::parseSockstat(*v6, pageSize, stats); });
  }
  return stats;
}

const LinuxReader<NetSocketStats> kRead{read, {Root::Procfs, {"net/sockstat"}}};

}  // namespace
}  // namespace procyon
