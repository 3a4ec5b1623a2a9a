#include "linux/process_host.h"

#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/file_reader.h"
#include "linux/host.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/parse/proc_stat.h"

namespace procyon::linux_process {

std::string pidDirectory(const Roots& roots, int64_t pid) { return joinPath(roots.procfs, std::to_string(pid)); }

std::string describeProcess(int64_t pid, const std::optional<std::string>& name, const std::optional<int64_t>& ppid) {
  std::string text = "(pid=" + std::to_string(pid);
  if (name) text += ", name='" + *name + "'";
  if (ppid) text += ", ppid=" + std::to_string(*ppid);
  return text + ")";
}

Error noSuchProcess(int64_t pid, std::optional<std::string> name, const std::string& why) {
  Error error(ErrorCode::NoSuchProcess, (why.empty() ? "process no longer exists " : why + " ") + describeProcess(pid, name));
  error.pid = pid;
  error.processName = std::move(name);
  return error;
}

Error zombieProcess(int64_t pid, std::optional<std::string> name, std::optional<int64_t> ppid) {
  Error error(ErrorCode::ZombieProcess, "process still exists but it's a zombie " + describeProcess(pid, name, ppid));
  error.pid = pid;
  error.ppid = ppid;
  error.processName = std::move(name);
  return error;
}

Error accessDenied(int64_t pid, std::optional<std::string> name, int sysErrno) {
  Error error(ErrorCode::AccessDenied, "access denied " + describeProcess(pid, name), {}, sysErrno);
  error.pid = pid;
  error.processName = std::move(name);
  return error;
}

std::optional<BriefStat> briefStat(const Roots& roots, int64_t pid) {
  try {
    FileReader reader;  // a private one: callers may hold a view into the thread's reader
    const ProcStat stat = parse::parseProcPidStat(reader.read(pidDirectory(roots, pid), "stat"));
    return BriefStat{stat.comm, stat.state, stat.ppid, stat.starttime};
  } catch (const Error&) {
    return std::nullopt;
  }
}

Error toProcessError(const Error& error, const Roots& roots, int64_t pid) {
  if (error.code == ErrorCode::NoSuchProcess || error.code == ErrorCode::ZombieProcess) return error;
  const bool gone = error.code == ErrorCode::NotFound || error.sysErrno == ESRCH;
  if (gone) {
    struct stat st {};
    if (::stat(pidDirectory(roots, pid).c_str(), &st) != 0) return noSuchProcess(pid, std::nullopt);
    const auto brief = briefStat(roots, pid);
    if (!brief) return noSuchProcess(pid, std::nullopt);
    if (brief->state == 'Z') return zombieProcess(pid, brief->comm, brief->ppid);
    // The kernel answers ESRCH for files a live pid has none of (a kernel
    // thread's environ, say); psutil reports NoSuchProcess there, and so do we.
    if (error.sysErrno == ESRCH) return noSuchProcess(pid, brief->comm);
    return error;
  }
  if (error.code == ErrorCode::AccessDenied) {
    const auto brief = briefStat(roots, pid);
    Error denied = accessDenied(pid, brief ? std::optional<std::string>(brief->comm) : std::nullopt, error.sysErrno);
    denied.path = error.path;
    return denied;
  }
  return error;
}

void raiseIfZombie(const Roots& roots, int64_t pid) {
  const auto brief = briefStat(roots, pid);
  if (brief && brief->state == 'Z') throw zombieProcess(pid, brief->comm, brief->ppid);
}

bool sameCreateTime(const Roots& roots, const BriefStat& brief, double createTime) {
  // Both sides come from the same formula over the same integers.
  return std::fabs(createTimeOf(roots, brief.starttime) - createTime) <= 1e-6;
}

BriefStat checkIdentity(const Roots& roots, int64_t pid, double createTime) {
  auto brief = briefStat(roots, pid);
  if (!brief) throw noSuchProcess(pid, std::nullopt);
  if (!sameCreateTime(roots, *brief, createTime)) {
    throw noSuchProcess(pid, brief->comm, "process no longer exists and its PID has been reused");
  }
  return *brief;
}

double bootTimeOf(const Roots& roots) {
  const auto read = [&] {
    FileReader reader;
    return parse::parseProcStatBootTime(reader.read(roots.procfs, "stat"));
  };
  if (!roots.live) return read();
  static std::mutex mutex;
  static std::optional<double> cached;
  std::lock_guard<std::mutex> lock(mutex);
  if (!cached) cached = read();
  return *cached;
}

double createTimeOf(const Roots& roots, uint64_t starttime) {
  return static_cast<double>(starttime) / linux_host::clockTicksPerSecond() + bootTimeOf(roots);
}

std::string userName(int64_t uid) {
  static std::mutex mutex;
  static std::unordered_map<int64_t, std::string> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = cache.find(uid);
    if (found != cache.end()) return found->second;
  }
  std::string name = std::to_string(uid);
  std::vector<char> buffer(16 * 1024);
  struct passwd entry {};
  struct passwd* result = nullptr;
  if (::getpwuid_r(static_cast<uid_t>(uid), &entry, buffer.data(), buffer.size(), &result) == 0 && result) {
    name = result->pw_name;
  }
  std::lock_guard<std::mutex> lock(mutex);
  cache.emplace(uid, name);
  return name;
}

namespace {

using TerminalMap = std::map<std::pair<unsigned, unsigned>, std::string>;

void addTerminals(TerminalMap& map, const std::string& directory, std::string_view prefix) {
  DIR* dir = ::opendir(directory.c_str());
  if (!dir) return;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (!prefix.empty() && name.substr(0, prefix.size()) != prefix) continue;
    const std::string path = directory + "/" + std::string(name);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISCHR(st.st_mode)) continue;
    map.emplace(std::make_pair(major(st.st_rdev), minor(st.st_rdev)), path);
  }
  ::closedir(dir);
}

}  // namespace

std::optional<std::string> terminalName(int64_t ttyNr) {
  if (ttyNr <= 0) return std::nullopt;
  // The kernel's new_encode_dev layout of tty_nr.
  const auto nr = static_cast<uint64_t>(ttyNr);
  const std::pair<unsigned, unsigned> key{static_cast<unsigned>((nr >> 8) & 0xfff),
                                          static_cast<unsigned>((nr & 0xff) | ((nr >> 12) & 0xfff00))};
  static std::mutex mutex;
  static TerminalMap map;
  static double builtAt = -1e9;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = map.find(key);
  if (found == map.end() && monotonicSeconds() - builtAt >= 1.0) {
    TerminalMap fresh;
    addTerminals(fresh, "/dev", "tty");
    addTerminals(fresh, "/dev/pts", "");
    map.swap(fresh);
    builtAt = monotonicSeconds();
    found = map.find(key);
  }
  if (found == map.end()) return std::nullopt;
  return found->second;
}

std::string cleanLinkTarget(std::string target) {
  const size_t nul = target.find('\0');
  if (nul != std::string::npos) target.resize(nul);
  constexpr std::string_view kDeleted = " (deleted)";
  if (target.size() > kDeleted.size() && target.compare(target.size() - kDeleted.size(), kDeleted.size(), kDeleted) == 0) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) target.resize(target.size() - kDeleted.size());
  }
  return target;
}

double monotonicSeconds() {
  struct timespec ts {};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace procyon::linux_process
