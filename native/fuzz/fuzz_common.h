#pragma once

// What every harness shares: the input as text, and the one rule a parser
// must keep on garbage, which is to return or to throw procyon::Error. Any
// other exception escapes and libFuzzer reports it; ASan/UBSan catch the rest.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace procyon::fuzz {

inline std::string_view text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

template <typename F>
void tolerate(F&& f) {
  try {
    f();
  } catch (const procyon::Error&) {
    // The documented outcome for input a parser cannot read.
  }
}

// Splits one input into several files (NUL-separated), for parsers that combine files.
inline std::vector<std::string> parts(std::string_view all, size_t n) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    const size_t nul = all.find('\0', start);
    if (nul == std::string_view::npos) break;
    out.emplace_back(all.substr(start, nul - start));
    start = nul + 1;
  }
  out.emplace_back(all.substr(start));
  return out;
}

}  // namespace procyon::fuzz
