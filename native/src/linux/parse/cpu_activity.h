#pragma once

// Pure parsers behind cpu_stats, cpu_freq and getloadavg.

#include <optional>
#include <string_view>
#include <vector>

#include "common/records_cpu.h"

namespace procyon::parse {

// /proc/stat "ctxt", "intr" and "softirq" (first number of each). psutil
// reports None for a missing line; here ctxt and intr are required
// (PARSE_ERROR) and a missing softirq line (kernels < 2.6.31) counts 0.
CpuStats parseCpuStats(std::string_view text);

// /proc/loadavg: the first three numbers. PARSE_ERROR when malformed.
LoadAvg parseLoadavg(std::string_view text);

// Every "cpu MHz" value of /proc/cpuinfo, in file order (psutil's
// _cpu_get_cpuinfo_freq). PARSE_ERROR for a line whose value is not a number.
std::vector<double> parseCpuinfoMhz(std::string_view text);

// A sysfs cpufreq file (kHz, one integer) in MHz: int(text) / 1000.
double parseKhzAsMhz(std::string_view text);


}  // namespace procyon::parse
