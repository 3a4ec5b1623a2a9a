// users, pids and pid_exists: psutil's _pslinux.py / _psposix.py.

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/text.h"
#include "linux/parse/utmp.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// The Tgid line of <procfs>/<pid>/status; nullopt when unreadable or absent.
std::optional<int64_t> statusTgid(FileReader& files, const Roots& roots, int64_t pid) {
  try {
    const auto text = files.readIfExists(roots.procfs, std::to_string(pid) + "/status");
    if (!text) return std::nullopt;
    std::string_view rest = *text;
    while (!rest.empty()) {
      std::string_view line = parse::nextLine(rest);
      if (parse::nextToken(line) != "Tgid:") continue;
      const auto value = parse::toUint64(parse::nextToken(line));
      if (!value || *value > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
      return static_cast<int64_t>(*value);
    }
  } catch (const Error&) {
    // psutil falls back to the pid list on EnvironmentError.
  }
  return std::nullopt;
}

}  // namespace

std::vector<User> LinuxBackend::users() const {
  FileReader& files = reader();
  // getutent(3) on a missing file yields no entries.
  const auto bytes = files.readIfExists(utmp_.front() != '/' ? "." : "/", utmp_);
  if (!bytes) return {};
  return parse::parseUtmp(*bytes);
}

PidList LinuxBackend::pids() const {
  // os.listdir: a missing root is an error, unlike a glob.
  return PidList{Procfs(roots_).pids()};
}

PidPresence LinuxBackend::pidExists(int64_t pid) const {
  const auto listed = [&] {
    const PidList all = pids();
    return PidPresence{std::binary_search(all.pids.begin(), all.pids.end(), pid)};
  };
  if (pid < 0) return {false};
  // kill(0, 0) means "my process group"; psutil asks the pid list instead.
  if (pid == 0) return listed();
  if (roots_.live) {
    // No pid_t can hold it, so no such process (psutil raises OverflowError).
    if (pid > INT_MAX) return {false};
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return {false};
    // EPERM: a process exists to deny us.
  }
  // Linux answers kill() and stat() for thread ids too; only a Tgid equal to
  // the pid makes it a process (psutil issue #687).
  if (const auto tgid = statusTgid(reader(), roots_, pid)) return {*tgid == pid};
  return listed();
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"users", Root::None, {}},  // no utmp file means nobody is logged in
    {"pids", Root::Procfs, {"."}},
    {"pidExists", Root::Procfs, {"."}},
};

}  // namespace

}  // namespace procyon
