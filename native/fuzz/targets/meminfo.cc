// /proc/meminfo (+ zoneinfo, vmstat): virtual_memory and swap_memory arithmetic.
// seeds: proc/meminfo proc/zoneinfo proc/vmstat
#include "../fuzz_common.h"
#include "linux/parse/meminfo.h"
#include "linux/parse/swap_memory.h"
#include "linux/parse/virtual_memory.h"
#include "linux/parse/vmstat.h"
#include "linux/parse/zoneinfo.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto files = fuzz::parts(fuzz::text(data, size), 3);
  const std::string meminfo = files[0];
  const std::string zoneinfo = files.size() > 1 ? files[1] : "";
  const std::string vmstat = files.size() > 2 ? files[2] : "";
  fuzz::tolerate([&] {
    const auto m = parse::parseMeminfo(meminfo);
    std::optional<uint64_t> low;
    if (parse::virtualMemoryNeedsZoneinfo(m)) low = parse::sumLowWatermarkPages(zoneinfo);
    parse::computeVirtualMemory(m, low, 4096);
  });
  fuzz::tolerate([&] {
    const auto counts = parse::parseVmstatSwapCounts(vmstat);
    const auto m = parse::parseMeminfo(meminfo);
    parse::computeSwapMemory(static_cast<double>(m.get("SwapTotal").value_or(0)), static_cast<double>(m.get("SwapFree").value_or(0)), counts);
  });
  return 0;
}
