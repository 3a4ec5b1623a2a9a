#pragma once

#include "common/record.h"

// psutil.users(): who is logged in (psutil's "Other system info").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace procyon {

// psutil.users(): one USER_PROCESS utmp entry.
#define PROCYON_USER_FIELDS(X) \
  X(std::string, name, {}) \
  X(std::optional<std::string>, terminal, {}) /* null when the entry has no tty */ \
  X(std::string, host, {}) \
  X(double, started, 0) /* seconds since the epoch (ut_tv.tv_sec) */ \
  X(int64_t, pid, 0)
PROCYON_RECORD(User, PROCYON_USER_FIELDS)
#undef PROCYON_USER_FIELDS

}  // namespace procyon
