#include "linux/parse/meminfo.h"

#include "linux/parse/text.h"

namespace procyon::parse {

std::optional<uint64_t> Meminfo::get(std::string_view key) const {
  for (const auto& [name, bytes] : entries_) {
    if (name == key) return bytes;
  }
  return std::nullopt;
}

void Meminfo::set(std::string_view key, uint64_t bytes) {
  for (auto& [name, value] : entries_) {
    if (name == key) {
      value = bytes;  // the last occurrence wins, as in psutil's dict
      return;
    }
  }
  entries_.emplace_back(std::string(key), bytes);
}

Meminfo parseMeminfo(std::string_view text) {
  Meminfo meminfo;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    std::string_view key = nextToken(line);
    if (!key.empty() && key.back() == ':') key.remove_suffix(1);
    if (key.empty()) continue;
    const auto kilobytes = toUint64(nextToken(line));
    uint64_t bytes = 0;
    if (!kilobytes || !checkedMul(*kilobytes, 1024, bytes)) continue;
    meminfo.set(key, bytes);
  }
  return meminfo;
}

}  // namespace procyon::parse
