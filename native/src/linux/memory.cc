#include <optional>

#include "common/error.h"
#include "common/file_reader.h"
#include "linux/host.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/meminfo.h"
#include "linux/parse/swap_memory.h"
#include "linux/parse/virtual_memory.h"
#include "linux/parse/vmstat.h"
#include "linux/parse/zoneinfo.h"
#include "linux/requirement.h"

namespace procyon {

VirtualMemory LinuxBackend::virtualMemory() const {
  FileReader& files = reader();
  // parseMeminfo copies what it needs, so the reader's buffer is free again.
  const parse::Meminfo meminfo = parse::parseMeminfo(procfs().read("meminfo"));
  const std::string meminfoPath = files.path();

  std::optional<uint64_t> lowWatermarkPages;
  if (parse::virtualMemoryNeedsZoneinfo(meminfo)) {
    // zoneinfo appeared in 2.6.13; without it psutil estimates free + cached.
    if (const auto zoneinfo = procfs().readIfExists("zoneinfo")) {
      lowWatermarkPages = annotatePath(files.path(), [&] { return parse::sumLowWatermarkPages(*zoneinfo); });
    }
  }
  return annotatePath(meminfoPath, [&] {
    return parse::computeVirtualMemory(meminfo, lowWatermarkPages, linux_host::pageSize());
  });
}

SwapMemory LinuxBackend::swapMemory() const {
  FileReader& files = reader();
  const parse::Meminfo meminfo = parse::parseMeminfo(procfs().read("meminfo"));
  const auto total = meminfo.get("SwapTotal");
  const auto free = meminfo.get("SwapFree");
  // meminfo is preferred so a procfs root describes its container; psutil
  // asks the kernel only when the file lacks the lines. The kernel describes
  // this host, so a captured tree under another root never borrows from it:
  // there, missing lines mean no swap.
  const linux_host::SwapTotals totals =
      total && free ? linux_host::SwapTotals{static_cast<double>(*total), static_cast<double>(*free)}
      : roots_.live ? linux_host::sysinfoSwap()
                                : linux_host::SwapTotals{0, 0};

  std::optional<parse::SwapPageCounts> counts;
  if (const auto vmstat = procfs().readIfExists("vmstat")) {
    counts = annotatePath(files.path(), [&] { return parse::parseVmstatSwapCounts(*vmstat); });
  }
  return parse::computeSwapMemory(totals.total, totals.free, counts);
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"virtualMemory", Root::Procfs, {"meminfo"}},
    {"swapMemory", Root::Procfs, {"meminfo"}},
};

}  // namespace

}  // namespace procyon
