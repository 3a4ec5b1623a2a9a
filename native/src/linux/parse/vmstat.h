#pragma once

// /proc/vmstat: the swap-in/swap-out page counters.

#include <cstdint>
#include <optional>
#include <string_view>

namespace procyon::parse {

struct SwapPageCounts {
  uint64_t pagesIn = 0;   // pswpin
  uint64_t pagesOut = 0;  // pswpout
};

// Both counters, or nullopt unless both are present (psutil then reports 0
// for both). PARSE_ERROR when a counter's value is not a number.
std::optional<SwapPageCounts> parseVmstatSwapCounts(std::string_view text);

}  // namespace procyon::parse
