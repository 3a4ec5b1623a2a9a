#pragma once

// Kernel CPU list format ("0-3,8,10-11"), as in sysfs topology/*_list files.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procyon::parse {

struct CpuRange {
  uint32_t first = 0;
  uint32_t last = 0;
};

// Sorted, merged ranges; an empty (or all-blank) list gives no ranges.
// nullopt when malformed. Ranges are never expanded, so "0-4294967295" is cheap.
std::optional<std::vector<CpuRange>> parseCpuList(std::string_view text);

// The canonical text of a list, so equal sets compare equal as strings.
std::string formatCpuList(const std::vector<CpuRange>& ranges);

// A set key for a topology file: the canonical list when it parses, the
// trimmed raw text otherwise (psutil compares the stripped raw text).
std::string cpuListKey(std::string_view text);

}  // namespace procyon::parse
