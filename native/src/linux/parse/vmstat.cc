#include "linux/parse/vmstat.h"

#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {

std::optional<SwapPageCounts> parseVmstatSwapCounts(std::string_view text) {
  std::optional<uint64_t> in;
  std::optional<uint64_t> out;
  while (!text.empty() && !(in && out)) {
    std::string_view line = nextLine(text);
    const std::string_view key = nextToken(line);
    if (key != "pswpin" && key != "pswpout") continue;
    const std::string_view token = nextToken(line);
    const auto value = toUint64(token);
    if (!value) throw Error::parse("malformed " + std::string(key) + " value '" + std::string(token) + "'");
    (key == "pswpin" ? in : out) = *value;
  }
  if (!in || !out) return std::nullopt;
  return SwapPageCounts{*in, *out};
}

}  // namespace procyon::parse
