#pragma once

// psutil-shaped results of "Other system info" and the process table
// functions (users, pids, pid_exists).

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

// psutil.pids(): sorted. Wrapped so it converts as a list of numbers.
struct PidList {
  std::vector<int64_t> pids;
};

// psutil.pid_exists(). Wrapped so it converts as a boolean, not a number.
struct PidPresence {
  bool exists = false;
};

}  // namespace procyon
