#pragma once

// Pure parser of amdgpu's clock level lists (pp_dpm_sclk, pp_dpm_mclk;
// Documentation/gpu/amdgpu/thermal.rst): one level per line, the current
// one marked with '*':
//   0: 852Mhz *
//   1: 991Mhz
// Header-only so the format is one file.

#include <optional>
#include <string_view>

#include "linux/parse/text.h"

namespace procyon::parse {

struct DpmLevels {
  std::optional<double> currentMhz;
  std::optional<double> maxMhz;
};

inline DpmLevels parseDpmLevels(std::string_view text) {
  DpmLevels levels;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::string_view line = nextLine(rest);
    const std::string_view index = nextToken(line);
    if (index.empty() || index.back() != ':') continue;
    std::string_view clock = nextToken(line);
    const bool current = nextToken(line) == "*";
    // "852Mhz" (some kernels write "MHz")
    if (clock.size() <= 3) continue;
    const std::string_view unit = clock.substr(clock.size() - 3);
    if (unit != "Mhz" && unit != "MHz") continue;
    const auto mhz = toUint64(clock.substr(0, clock.size() - 3));
    if (!mhz) continue;
    const double value = static_cast<double>(*mhz);
    if (!levels.maxMhz || value > *levels.maxMhz) levels.maxMhz = value;
    if (current) levels.currentMhz = value;
  }
  return levels;
}

}  // namespace procyon::parse
