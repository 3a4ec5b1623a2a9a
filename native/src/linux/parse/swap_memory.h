#pragma once

// psutil's Linux swap_memory() formula.

#include <optional>

#include "common/records.h"
#include "linux/parse/vmstat.h"

namespace procyon::parse {

// The kernel counts swap in and out in 4 KiB units whatever the page size,
// which is why psutil multiplies by 4 * 1024 rather than by PAGESIZE.
constexpr double kSwapCountUnit = 4 * 1024;

// Totals in bytes (from /proc/meminfo or sysinfo); `counts` from /proc/vmstat
// (nullopt when unavailable: sin and sout are then 0).
SwapMemory computeSwapMemory(double total, double free, std::optional<SwapPageCounts> counts);

}  // namespace procyon::parse
