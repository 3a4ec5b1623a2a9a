#pragma once

// /proc/[pid]/limits: pure parser (psutil's rlimit()).

#include <string_view>
#include <vector>

#include "common/records_process.h"

namespace procyon::parse {

// /proc/[pid]/limits: one entry per known resource (RLIMIT_* numbers);
// "unlimited" is -1 (RLIM_INFINITY).
std::vector<RlimitValue> parseProcPidLimits(std::string_view text);

// The RLIMIT_* number of a /proc/[pid]/limits row name, or -1.
int rlimitResourceOfLimitName(std::string_view name);

}  // namespace procyon::parse
