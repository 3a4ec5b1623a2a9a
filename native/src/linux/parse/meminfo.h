#pragma once

// /proc/meminfo as psutil reads it: every "Key: value [kB]" line, value*1024.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace procyon::parse {

class Meminfo {
 public:
  // Bytes for a key such as "MemTotal" (no colon), or nullopt when absent.
  std::optional<uint64_t> get(std::string_view key) const;
  void set(std::string_view key, uint64_t bytes);
  size_t size() const { return entries_.size(); }

 private:
  // ~50 keys, looked up a dozen times: a flat vector beats a hash map here.
  std::vector<std::pair<std::string, uint64_t>> entries_;
};

// Lines whose value is not a number (or overflows when scaled) are skipped;
// callers decide which missing keys are fatal. psutil scales every value by
// 1024, including the unit-less HugePages_* counts; so do we.
Meminfo parseMeminfo(std::string_view text);

}  // namespace procyon::parse
