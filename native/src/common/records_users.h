#pragma once

#include "common/record.h"

// psutil.users(): who is logged in (psutil's "Other system info").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace procyon {

// psutil.users(): one USER_PROCESS utmp entry (Linux) or logged-on session
// (Windows, where psutil's terminal and pid are None and host is None for a
// session with no IPv4 client address).
#define PROCYON_USER_FIELDS(X) \
  X(std::string, name, {}) \
  X(std::optional<std::string>, terminal, {}) /* null when the entry has no tty */ \
  X(std::optional<std::string>, host, {}) \
  X(double, started, 0) /* seconds since the epoch (ut_tv.tv_sec) */ \
  X(std::optional<int64_t>, pid, {})
PROCYON_RECORD(User, PROCYON_USER_FIELDS)
#undef PROCYON_USER_FIELDS

}  // namespace procyon
