// The group actions: freeze, thaw, kill, and the memory limit. What each guarantees:
//
// - Only on the live machine (NOT_LIVE on a captured tree), only on the group
//   named: the path is checked (no '.', '..' or empty component, no control
//   character, bounded), must resolve to itself inside the v2 mount (no link
//   leads elsewhere), be a directory of a cgroup2 filesystem and hold
//   cgroup.procs. The root group takes no action.
// - A file the host may not write (another user's group, no delegation) is
//   ACCESS_DENIED; a group gone is NO_SUCH_PROCESS naming its path; a file the
//   kernel lacks is UNSUPPORTED.
// - Kill's fallback (kernels before 5.14, or asked for) freezes the group so no
//   member forks meanwhile, then signals each member through a pidfd opened
//   before its group is checked, so a pid reused by a process outside the group
//   is never signalled, then thaws it.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "common/file_reader.h"
#include "common/records_cgroups.h"
#include "common/unique_fd.h"
#include "linux/cgroup_host.h"
#include "linux/linux_backend.h"
#include "linux/parse/cgroup_files.h"
#include "linux/procfs.h"
#include "linux/requirement.h"
#include "linux/pidfd_syscalls.h"

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

namespace procyon {
namespace {

using Clock = std::chrono::steady_clock;
using linux_cgroups::Hierarchy;

constexpr size_t kMaxPathBytes = 4096;
// How long an action waits for the kernel to say it is done: freezing waits on
// every member reaching the signal path, which a task in uninterruptible sleep delays.
constexpr auto kFreezeWait = std::chrono::seconds(10);
constexpr auto kKillWait = std::chrono::seconds(10);
constexpr int kSignalRounds = 64;
constexpr size_t kMaxSubtreeGroups = 16384;

struct Group {
  Hierarchy unified;
  std::string path;  // as given: '/'-rooted, relative to the mount
  std::string dir;
};

Error gone(const std::string& path) {
  Error error(ErrorCode::NoSuchProcess, "control group " + path + " no longer exists");
  error.processName = path;
  return error;
}

void checkPath(const std::string& path) {
  if (path.empty() || path.size() > kMaxPathBytes) throw Error::invalidArgument("a cgroup path must be 1 to 4096 bytes");
  if (path.front() != '/') throw Error::invalidArgument("a cgroup path starts with '/' (the hierarchy's root)");
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) throw Error::invalidArgument("a cgroup path holds no control character");
  }
  if (path == "/") throw Error::invalidArgument("the root cgroup takes no group action");
  std::string_view rest = std::string_view(path).substr(1);
  while (true) {
    const size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") throw Error::invalidArgument("a cgroup path has no empty, '.' or '..' component");
    if (part.size() > NAME_MAX) throw Error::invalidArgument("a cgroup path component is at most 255 bytes");
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
}

std::string realPath(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (!resolved) return {};
  std::string out(resolved);
  std::free(resolved);
  return out;
}

Group resolve(const LinuxBackend& backend, const std::string& path, const char* action) {
  if (!backend.isLive()) throw Error(ErrorCode::NotLive, std::string(action) + ": a captured tree's groups are not this machine's to act on");
  checkPath(path);
  auto unified = linux_cgroups::unifiedHierarchy(backend.roots());
  if (!unified) throw Error::unsupported(std::string(action) + ": no cgroup2 hierarchy is mounted");
  const std::string base = realPath(unified->dir);
  if (base.empty()) throw Error::fromErrno(errno, "realpath", unified->dir);
  const std::string dir = joinPath(unified->dir, path);
  const std::string real = realPath(dir);
  if (real.empty()) {
    if (errno == ENOENT || errno == ENOTDIR) throw gone(path);
    throw Error::fromErrno(errno, "realpath", dir);
  }
  // Itself, inside the mount: cgroupfs has no links, so anything else was led astray.
  if (real != (base == "/" ? path : base + path)) throw Error::invalidArgument(path + " does not resolve to a group of the hierarchy");
  struct stat st {};
  struct statfs fs {};
  if (::stat(real.c_str(), &st) != 0) throw gone(path);
  if (!S_ISDIR(st.st_mode) || ::statfs(real.c_str(), &fs) != 0 || fs.f_type != CGROUP2_SUPER_MAGIC) {
    throw Error::invalidArgument(path + " is not a directory of the cgroup2 hierarchy");
  }
  if (::access(joinPath(real, "cgroup.procs").c_str(), F_OK) != 0) throw Error::invalidArgument(path + " is not a control group (no cgroup.procs)");
  return Group{std::move(*unified), path, real};
}

bool exists(const std::string& dir, const char* file) { return ::access(joinPath(dir, file).c_str(), F_OK) == 0; }

// Writes `value` to <dir>/<file>, the errno mapped as the contract says.
void writeControl(const std::string& dir, const char* file, const std::string& value, const std::string& groupPath) {
  const std::string target = joinPath(dir, file);
  UniqueFd fd(::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
  int err = fd.get() < 0 ? errno : 0;
  if (!err) {
    ssize_t n;
    do n = ::write(fd.get(), value.data(), value.size());
    while (n < 0 && errno == EINTR);
    if (n < 0) err = errno;
  }
  if (!err) return;
  if (err == EACCES || err == EPERM) {
    Error denied(ErrorCode::AccessDenied,
                 "may not write " + target + " (another user's group, or the hierarchy is not delegated to this user)", target, err);
    denied.processName = groupPath;
    throw denied;
  }
  if (err == ENOENT || err == ENODEV) {
    if (::access(dir.c_str(), F_OK) != 0) throw gone(groupPath);
    throw Error(ErrorCode::Unsupported, std::string(file) + " is not there: the kernel or the group's controllers lack it", target, err);
  }
  if (err == EINVAL || err == ERANGE) throw Error(ErrorCode::InvalidArgument, "the kernel refused '" + value + "' for " + target, target, err);
  throw Error::fromErrno(err, "write", target);
}

// cgroup.events "frozen", nullopt where the group is gone.
std::optional<bool> frozenNow(const std::string& dir) {
  try {
    const auto text = threadReader().readIfExists(dir, "cgroup.events");
    if (!text) return std::nullopt;
    return parse::parseCgroupFrozen(*text).value_or(false);
  } catch (const Error&) {
    return std::nullopt;
  }
}

void pause(int round) { std::this_thread::sleep_for(std::chrono::milliseconds(std::min(2 << std::min(round, 4), 25))); }

// Polls `done` until it holds or `wait` passes: whether it held.
template <typename Done>
bool waitFor(std::chrono::milliseconds wait, Done&& done) {
  const auto deadline = Clock::now() + wait;
  for (int round = 0;; ++round) {
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    pause(round);
  }
}

void setFrozen(const Group& group, bool frozen) {
  if (!exists(group.dir, "cgroup.freeze")) {
    throw Error(ErrorCode::Unsupported, "cgroup.freeze is not there: the kernel has no cgroup v2 freezer (before 5.2)", joinPath(group.dir, "cgroup.freeze"));
  }
  writeControl(group.dir, "cgroup.freeze", frozen ? "1" : "0", group.path);
  bool vanished = false;
  const bool reached = waitFor(kFreezeWait, [&] {
    const auto now = frozenNow(group.dir);
    if (!now) vanished = true;
    return vanished || *now == frozen;
  });
  if (vanished) throw gone(group.path);
  if (!reached) {
    Error timeout(ErrorCode::TimeoutExpired, "cgroup.events did not say frozen " + std::string(frozen ? "1" : "0") + " within 10 s",
                  joinPath(group.dir, "cgroup.events"));
    timeout.seconds = std::chrono::duration<double>(kFreezeWait).count();
    throw timeout;
  }
}

// Every pid in the group and its descendants, ascending.
std::vector<int64_t> subtreePids(const std::string& dir) {
  std::vector<int64_t> pids;
  std::vector<std::string> pending{dir};
  size_t visited = 0;
  while (!pending.empty() && visited++ < kMaxSubtreeGroups) {
    const std::string current = std::move(pending.back());
    pending.pop_back();
    try {
      if (const auto text = threadReader().readIfExists(current, "cgroup.procs")) {
        for (const int64_t pid : parse::parseCgroupProcs(*text, SIZE_MAX)) pids.push_back(pid);
      }
    } catch (const Error&) {
      continue;  // removed meanwhile
    }
    if (DIR* stream = ::opendir(current.c_str())) {
      while (const dirent* entry = ::readdir(stream)) {
        const std::string_view name = entry->d_name;
        if (name != "." && name != ".." && entry->d_type == DT_DIR) pending.push_back(joinPath(current, name));
      }
      ::closedir(stream);
    }
  }
  std::sort(pids.begin(), pids.end());
  pids.erase(std::unique(pids.begin(), pids.end()), pids.end());
  return pids;
}

// SIGKILL to `pid` only if it is (still) in the group's subtree: the pidfd is
// opened first, the group read after, and the pidfd's process is checked to
// be alive after that read, so the read was of the process the pidfd holds.
// False when the host may not signal it.
bool killMember(const LinuxBackend& backend, const Group& group, int64_t pid) {
  UniqueFd pidfd(static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0)));
  if (pidfd.get() < 0) return true;  // gone
  const std::string wanted = linux_cgroups::hierarchyPath(group.unified, group.path);
  std::optional<std::string> path;
  try {
    const Procfs procfs = backend.procfs();
    if (const auto text = procfs.readIfExists(std::to_string(pid) + "/cgroup")) path = parse::procCgroupPath(*text);
  } catch (const Error&) {
    return true;
  }
  if (!path || !(*path == wanted || (parse::startsWith(*path, wanted) && (*path)[wanted.size()] == '/'))) return true;
  pollfd poll{pidfd.get(), POLLIN, 0};
  if (::poll(&poll, 1, 0) != 0) return true;  // exited since: whatever holds the pid now was not read
  if (::syscall(SYS_pidfd_send_signal, pidfd.get(), SIGKILL, nullptr, 0) == 0) return true;
  return errno != EPERM && errno != EACCES;
}

void freezeAndSignal(const LinuxBackend& backend, const Group& group) {
  const bool freezer = exists(group.dir, "cgroup.freeze");
  if (freezer) {
    writeControl(group.dir, "cgroup.freeze", "1", group.path);
    // A member stuck in uninterruptible sleep delays "frozen": signal anyway once the wait ends.
    waitFor(kFreezeWait, [&] { return frozenNow(group.dir).value_or(true); });
  }
  bool denied = false;
  for (int round = 0; round < kSignalRounds; ++round) {
    const std::vector<int64_t> pids = subtreePids(group.dir);
    if (pids.empty()) break;
    for (const int64_t pid : pids) denied = !killMember(backend, group, pid) || denied;
    if (denied) break;
    waitFor(std::chrono::milliseconds(200), [&] { return subtreePids(group.dir).empty(); });
  }
  // Thawed even after a refusal, so the group is not left frozen by a kill that failed.
  if (freezer && ::access(group.dir.c_str(), F_OK) == 0) {
    try {
      writeControl(group.dir, "cgroup.freeze", "0", group.path);
    } catch (const Error&) {
      if (!denied) throw;
    }
  }
  if (denied) {
    Error error(ErrorCode::AccessDenied, "may not signal every member of " + group.path);
    error.processName = group.path;
    throw error;
  }
}

}  // namespace

void LinuxBackend::cgroupFreeze(const std::string& path, bool frozen) const {
  setFrozen(resolve(*this, path, frozen ? "cgroupFreeze" : "cgroupThaw"), frozen);
}

CgroupKillOutcome LinuxBackend::cgroupKill(const std::string& path, bool fallback) const {
  const Group group = resolve(*this, path, "cgroupKill");
  CgroupKillOutcome outcome;
  if (!fallback && exists(group.dir, "cgroup.kill")) {
    outcome.method = "cgroup.kill";
    writeControl(group.dir, "cgroup.kill", "1", group.path);
  } else {
    outcome.method = "freeze-and-signal";
    freezeAndSignal(*this, group);
  }
  waitFor(std::chrono::duration_cast<std::chrono::milliseconds>(kKillWait), [&] { return subtreePids(group.dir).empty(); });
  outcome.survivors = subtreePids(group.dir);
  return outcome;
}

void LinuxBackend::cgroupSetMemoryMax(const std::string& path, std::optional<uint64_t> bytes) const {
  const Group group = resolve(*this, path, "cgroupSetMemoryMax");
  if (exists(group.dir, "memory.max")) {
    writeControl(group.dir, "memory.max", bytes ? std::to_string(*bytes) : "max", group.path);
    return;
  }
  // Hybrid hosts: the v1 memory group of the same path (systemd's layout), the group's own.
  const auto memory = linux_cgroups::v1Hierarchy(roots(), "memory");
  const auto v1 = memory ? linux_cgroups::mirroredV1Group(group.unified, *memory, group.path, "memory", nullptr) : std::nullopt;
  if (!v1 || !exists(*v1, "memory.limit_in_bytes")) {
    throw Error(ErrorCode::Unsupported, group.path + " has no memory controller: neither memory.max nor a v1 memory group of the same path");
  }
  writeControl(*v1, "memory.limit_in_bytes", bytes ? std::to_string(*bytes) : "-1", group.path);
}

namespace {

// The actions need the live machine and a v2 mount (cgroup_host.h's probe).
const RequirementRegistrar kNeeds{
    {"cgroupFreeze", Root::Procfs, {"self/mountinfo"}, true, linux_cgroups::missingUnified},
    {"cgroupThaw", Root::Procfs, {"self/mountinfo"}, true, linux_cgroups::missingUnified},
    {"cgroupKill", Root::Procfs, {"self/mountinfo"}, true, linux_cgroups::missingUnified},
    {"cgroupSetMemoryMax", Root::Procfs, {"self/mountinfo"}, true, linux_cgroups::missingUnified},
};

}  // namespace
}  // namespace procyon
