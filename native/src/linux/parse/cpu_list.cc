#include "linux/parse/cpu_list.h"

#include <algorithm>
#include <charconv>

#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

std::optional<uint32_t> toCpuId(std::string_view token) {
  uint32_t value = 0;
  const char* end = token.data() + token.size();
  const auto result = std::from_chars(token.data(), end, value);
  if (token.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::vector<CpuRange>> parseCpuList(std::string_view text) {
  std::vector<CpuRange> ranges;
  text = trim(text);
  if (text.empty()) return ranges;
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    const size_t dash = item.find('-');
    const auto first = toCpuId(item.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : toCpuId(item.substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    ranges.push_back({*first, *last});
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  std::sort(ranges.begin(), ranges.end(), [](const CpuRange& a, const CpuRange& b) { return a.first < b.first; });
  std::vector<CpuRange> merged;
  for (const CpuRange& range : ranges) {
    // Widen to 64 bits so last + 1 cannot wrap at UINT32_MAX.
    if (!merged.empty() && uint64_t{range.first} <= uint64_t{merged.back().last} + 1) {
      merged.back().last = std::max(merged.back().last, range.last);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

std::string formatCpuList(const std::vector<CpuRange>& ranges) {
  std::string text;
  for (const CpuRange& range : ranges) {
    if (!text.empty()) text.push_back(',');
    text += std::to_string(range.first);
    if (range.last != range.first) {
      text.push_back('-');
      text += std::to_string(range.last);
    }
  }
  return text;
}

std::string cpuListKey(std::string_view text) {
  if (const auto ranges = parseCpuList(text)) return formatCpuList(*ranges);
  return std::string(trim(text));
}

}  // namespace procyon::parse
