#pragma once

// /proc/stat: the "cpu"/"cpuN" jiffy lines and "btime".

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/records.h"

namespace procyon::parse {

// One cpu line in kernel column order: user nice system idle iowait irq
// softirq steal guest guest_nice. Older kernels print fewer columns; the
// missing ones stay 0 and `columns` says how many were present.
struct CpuJiffies {
  std::array<uint64_t, 10> values{};
  size_t columns = 0;
};

// The aggregate "cpu" line. PARSE_ERROR if absent or malformed.
CpuJiffies parseProcStatTotal(std::string_view text);

// The "cpuN" lines in file order (psutil's per_cpu_times order).
std::vector<CpuJiffies> parseProcStatPerCpu(std::string_view text);

// How many lines start with "cpu" and a digit (psutil's last-resort logical CPU count).
size_t countProcStatCpuLines(std::string_view text);

// "btime": boot time in seconds since the epoch. PARSE_ERROR if absent or malformed.
double parseProcStatBootTime(std::string_view text);

// Jiffies to seconds, as psutil does: float(value) / CLOCK_TICKS.
CpuTimes toCpuTimes(const CpuJiffies& jiffies, double ticksPerSecond);

}  // namespace procyon::parse
