#pragma once

// Pure parser of a /proc/pressure/<resource> file (the kernel's
// Documentation/accounting/psi.rst), header-only so the format is one file:
//   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
//   full avg10=0.00 avg60=0.00 avg300=0.00 total=0

#include <cmath>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/records_pressure.h"
#include "linux/parse/text.h"

namespace procyon::parse {

namespace pressure_detail {

// "avg10=0.12 avg60=... avg300=... total=123": each key once, any order.
inline PressureLine parseLine(std::string_view rest, std::string_view kind) {
  PressureLine line;
  bool seen[4] = {false, false, false, false};
  for (std::string_view token = nextToken(rest); !token.empty(); token = nextToken(rest)) {
    const size_t equals = token.find('=');
    if (equals == std::string_view::npos) throw Error::parse("malformed pressure field '" + std::string(token) + "'");
    const std::string_view key = token.substr(0, equals);
    const std::string_view value = token.substr(equals + 1);
    int index = -1;
    if (key == "avg10") index = 0;
    else if (key == "avg60") index = 1;
    else if (key == "avg300") index = 2;
    else if (key == "total") index = 3;
    else continue;  // a field a later kernel added
    if (seen[index]) throw Error::parse("pressure field '" + std::string(key) + "' repeated");
    seen[index] = true;
    if (index == 3) {
      // Microseconds as an unsigned integer; seconds out (node_exporter's unit).
      const auto micros = toUint64(value);
      if (!micros) throw Error::parse("malformed pressure total '" + std::string(value) + "'");
      line.total = static_cast<double>(*micros) / 1e6;
      continue;
    }
    const auto number = toDouble(value);
    if (!number || !std::isfinite(*number) || *number < 0) throw Error::parse("malformed pressure average '" + std::string(value) + "'");
    (index == 0 ? line.avg10 : index == 1 ? line.avg60 : line.avg300) = *number;
  }
  for (bool s : seen) {
    if (!s) throw Error::parse("pressure line '" + std::string(kind) + "' lacks a field");
  }
  return line;
}

}  // namespace pressure_detail

// Both lines where present (irq has only "full"; cpu's "full" came in 5.13),
// total converted from µs to seconds. A line of another kind is skipped (a
// later kernel's); a "some" or "full" line without all four numbers, or with
// one that is not a non-negative number, is PARSE_ERROR.
inline PressureResource parsePressure(std::string_view text) {
  PressureResource resource;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view kind = nextToken(line);
    if (kind == "some") {
      if (resource.some) throw Error::parse("pressure line 'some' repeated");
      resource.some = pressure_detail::parseLine(line, kind);
    } else if (kind == "full") {
      if (resource.full) throw Error::parse("pressure line 'full' repeated");
      resource.full = pressure_detail::parseLine(line, kind);
    }
  }
  return resource;
}

}  // namespace procyon::parse
