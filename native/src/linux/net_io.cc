// psutil.net_io_counters' raw read: /proc/net/dev. The nowrap correction
// and the pernic=False sum are applied by lib/network.ts (they keep state
// per caller, which belongs on the JS side).

#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/net_dev.h"
#include "linux/requirement.h"

namespace procyon {

NetIoPerNic LinuxBackend::netIoCounters() const {
  FileReader& files = reader();
  const std::string_view text = procfs().read("net/dev");
  return annotatePath(files.path(), [&] { return parse::parseNetDev(text); });
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"netIoCounters", Root::Procfs, {"net/dev"}},
};

}  // namespace

}  // namespace procyon
