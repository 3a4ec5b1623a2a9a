#pragma once

// Pure parser of a /proc/pressure/<resource> file (the kernel's
// Documentation/accounting/psi.rst):
//   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
//   full avg10=0.00 avg60=0.00 avg300=0.00 total=0

#include <string_view>

#include "common/records_pressure.h"

namespace procyon::parse {

// Both lines where present (irq has only "full"; cpu's "full" came in 5.13),
// total converted from µs to seconds. A line of another kind is skipped (a
// later kernel's); a "some" or "full" line without all four numbers, or with
// one that is not a non-negative number, is PARSE_ERROR.
PressureResource parsePressure(std::string_view text);

}  // namespace procyon::parse
