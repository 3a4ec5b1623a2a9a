#pragma once

// /proc/net/dev: per-interface receive/transmit counters.

#include <string_view>

#include "common/records_net.h"

namespace procyon::parse {

// psutil's _pslinux.net_io_counters: skips the two header lines; the name is
// everything before the last ':' on a line, then 16 integer columns (8
// receive, 8 transmit). PARSE_ERROR on a line without ':' or with a
// missing/non-numeric column. Blank lines are ignored.
NetIoPerNic parseNetDev(std::string_view text);

}  // namespace procyon::parse
