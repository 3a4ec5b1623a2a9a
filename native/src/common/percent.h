#pragma once

namespace procyon {

// psutil's usage_percent(used, total, round_=1): 0 when total is 0, otherwise
// used/total*100 rounded like Python's round(x, 1) (correctly rounded on the
// exact binary value, which printf-style formatting also does).
double usagePercent(double used, double total);

}  // namespace procyon
