#include "linux/parse/zoneinfo.h"

#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {

uint64_t sumLowWatermarkPages(std::string_view text) {
  uint64_t total = 0;
  while (!text.empty()) {
    std::string_view line = trim(nextLine(text));
    // psutil matches any stripped line starting with "low", then takes field 2.
    if (!startsWith(line, "low")) continue;
    nextToken(line);
    const std::string_view token = nextToken(line);
    const auto pages = toUint64(token);
    if (!pages) throw Error::parse("malformed low watermark '" + std::string(token) + "'");
    if (!checkedAdd(total, *pages, total)) throw Error::parse("low watermarks overflow");
  }
  return total;
}

}  // namespace procyon::parse
