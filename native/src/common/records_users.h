#pragma once

// psutil.users(): who is logged in (psutil's "Other system info").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace procyon {

// psutil.users(): one USER_PROCESS utmp entry.
struct User {
  std::string name;
  std::optional<std::string> terminal;  // null when the entry has no tty
  std::string host;
  double started = 0;  // seconds since the epoch (ut_tv.tv_sec)
  int64_t pid = 0;
};

}  // namespace procyon
