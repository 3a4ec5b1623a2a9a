#pragma once

// Facts about the running kernel that psutil takes from sysconf/sysinfo
// rather than from the procfs root.

#include <cstdint>
#include <optional>

namespace procyon::linux_host {

// USER_HZ, the unit of /proc/stat (sysconf(_SC_CLK_TCK)).
double clockTicksPerSecond();

// sysconf(_SC_PAGE_SIZE).
uint64_t pageSize();

// sysconf(_SC_NPROCESSORS_ONLN), what os.cpu_count() returns; nullopt if unknown.
std::optional<uint64_t> onlineCpus();

struct SwapTotals {
  double total = 0;
  double free = 0;
};

// sysinfo(2) swap totals in bytes: psutil's fallback when /proc/meminfo lacks them.
SwapTotals sysinfoSwap();

}  // namespace procyon::linux_host
