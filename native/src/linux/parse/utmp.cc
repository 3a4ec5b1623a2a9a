#include "linux/parse/utmp.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace procyon::parse {
namespace {

// Offsets in glibc's struct utmp (bits/utmp.h) for __WORDSIZE_TIME64_COMPAT32.
constexpr size_t kType = 0;    // short ut_type (+2 bytes padding)
constexpr size_t kPid = 4;     // pid_t ut_pid
constexpr size_t kLine = 8;    // char ut_line[32]
constexpr size_t kLineSize = 32;
constexpr size_t kUser = 44;   // char ut_user[32] (after ut_id[4])
constexpr size_t kUserSize = 32;
constexpr size_t kHost = 76;   // char ut_host[256]
constexpr size_t kHostSize = 256;
constexpr size_t kTvSec = 340;  // int32_t ut_tv.tv_sec (after exit, session)

template <typename T>
T readAt(std::string_view record, size_t offset) {
  T value;
  std::memcpy(&value, record.data() + offset, sizeof value);
  return value;
}

std::string readString(std::string_view record, size_t offset, size_t size) {
  const std::string_view field = record.substr(offset, size);
  return std::string(field.substr(0, field.find('\0')));
}

}  // namespace

std::vector<User> parseUtmp(std::string_view bytes) {
  std::vector<User> users;
  for (size_t at = 0; at + kUtmpRecordSize <= bytes.size(); at += kUtmpRecordSize) {
    const std::string_view record = bytes.substr(at, kUtmpRecordSize);
    if (readAt<int16_t>(record, kType) != kUtmpUserProcess) continue;
    User user;
    user.name = readString(record, kUser, kUserSize);
    std::string line = readString(record, kLine, kLineSize);
    if (!line.empty()) user.terminal = std::move(line);
    user.host = readString(record, kHost, kHostSize);
    if (user.host == ":0" || user.host == ":0.0") user.host = "localhost";
    user.started = static_cast<double>(readAt<int32_t>(record, kTvSec));
    user.pid = readAt<int32_t>(record, kPid);
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace procyon::parse
