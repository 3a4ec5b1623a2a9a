#pragma once

// psutil's Linux virtual_memory() formula over parsed /proc/meminfo.

#include <cstdint>
#include <optional>

#include "common/records.h"
#include "linux/parse/meminfo.h"

namespace procyon::parse {

// True when psutil would estimate "available" from /proc/zoneinfo: MemAvailable
// is missing (kernel < 3.14) or 0 (a kernel bug), and the inputs the estimate
// needs are present.
bool virtualMemoryNeedsZoneinfo(const Meminfo& meminfo);

// `lowWatermarkPages` is the sum of zoneinfo "low" watermarks when
// virtualMemoryNeedsZoneinfo() and the file could be read; nullopt falls back
// to MemFree + Cached, as psutil does. PARSE_ERROR without MemTotal/MemFree.
VirtualMemory computeVirtualMemory(const Meminfo& meminfo, std::optional<uint64_t> lowWatermarkPages,
                                   uint64_t pageSize);

}  // namespace procyon::parse
