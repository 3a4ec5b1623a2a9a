#include "common/percent.h"

#include <charconv>
#include <cmath>

namespace procyon {

double usagePercent(double used, double total) {
  if (total == 0) return 0.0;
  const double ratio = (used / total) * 100;
  if (!std::isfinite(ratio)) return ratio;
  // to_chars/from_chars are locale-independent, unlike snprintf/strtod.
  char text[400];
  const auto written = std::to_chars(text, text + sizeof text, ratio, std::chars_format::fixed, 1);
  if (written.ec != std::errc()) return ratio;
  double rounded = ratio;
  std::from_chars(text, written.ptr, rounded);
  return rounded;
}

}  // namespace procyon
