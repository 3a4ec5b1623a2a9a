#pragma once

// /proc/zoneinfo, only for psutil's MemAvailable estimate on old kernels.

#include <cstdint>
#include <string_view>

namespace procyon::parse {

// Sum of every zone's "low" watermark, in pages. PARSE_ERROR on a malformed
// "low" line (psutil would raise there too).
uint64_t sumLowWatermarkPages(std::string_view text);

}  // namespace procyon::parse
