#include "linux/parse/proc_pid_files.h"

#include <charconv>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {

FdInfo parseFdinfo(std::string_view text) {
  FdInfo info;
  bool havePos = false, haveFlags = false;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view key = nextToken(line);
    const std::string_view value = nextToken(line);
    if (key == "pos:") {
      const auto pos = toUint64(value);
      if (!pos) throw Error::parse("malformed fdinfo pos '" + std::string(value.substr(0, 64)) + "'");
      info.pos = *pos;
      havePos = true;
    } else if (key == "flags:") {
      uint64_t flags = 0;
      const char* end = value.data() + value.size();
      const auto result = std::from_chars(value.data(), end, flags, 8);
      if (value.empty() || result.ec != std::errc() || result.ptr != end) {
        throw Error::parse("malformed fdinfo flags '" + std::string(value.substr(0, 64)) + "'");
      }
      info.flags = flags;
      haveFlags = true;
    }
  }
  if (!havePos || !haveFlags) throw Error::parse("fdinfo lacks pos or flags");
  return info;
}

}  // namespace procyon::parse
