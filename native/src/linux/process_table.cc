// LinuxBackend::processTable: one row per process in one trip. Files are
// opened relative to a directory fd per process (openat), so every file of a
// row comes from the same process even if the pid is reused mid-scan (the old
// directory fd then fails with ESRCH/ENOENT and the row is dropped). Buffers
// are reused; what rarely changes for a (pid, create time) — cmdline, exe,
// user name — is cached between calls.

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "common/unique_fd.h"
#include "linux/host.h"
#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "parse/proc_pid_memory.h"
#include "parse/proc_pid_misc.h"
#include "parse/proc_pid_stat.h"
#include "parse/text.h"

namespace procyon {
namespace {

using namespace linux_process;

// cmdline can change (setproctitle); re-read it after this long.
constexpr double kCmdlineRefreshSeconds = 10.0;

struct CachedProcess {
  uint64_t starttime = 0;
  std::optional<std::vector<std::string>> cmdline;
  double cmdlineReadAt = 0;
  std::optional<std::string> exe;
  std::optional<std::string> username;
};

struct TableCache {
  std::mutex mutex;
  std::unordered_map<std::string, std::unordered_map<int64_t, CachedProcess>> byRoot;
};

TableCache& tableCache() {
  static TableCache cache;
  return cache;
}

enum class ReadResult { Ok, Gone, Denied };

ReadResult classify(int err) {
  if (err == EACCES || err == EPERM) return ReadResult::Denied;
  return ReadResult::Gone;  // ENOENT, ESRCH, and anything else: leave the row out
}

// Reads <dirfd>/<name> into `buffer` (reused between calls).
ReadResult readAt(int dirfd, const char* name, std::string& buffer, std::string_view& out) {
  int fd;
  do {
    fd = ::openat(dirfd, name, O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return classify(errno);
  UniqueFd guard(fd);
  if (buffer.size() < 4096) buffer.resize(4096);
  size_t used = 0;
  for (;;) {
    if (used == buffer.size()) {
      if (buffer.size() >= (1u << 22)) break;  // 4 MiB: a cmdline/environ ceiling
      buffer.resize(buffer.size() * 2);
    }
    const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return classify(errno);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  out = std::string_view(buffer.data(), used);
  return ReadResult::Ok;
}

std::optional<std::string> readLinkAt(int dirfd, const char* name) {
  std::string target(256, '\0');
  for (;;) {
    const ssize_t n = ::readlinkat(dirfd, name, target.data(), target.size());
    if (n < 0) return std::nullopt;
    if (static_cast<size_t>(n) < target.size()) {
      target.resize(static_cast<size_t>(n));
      return cleanLinkTarget(std::move(target));
    }
    if (target.size() >= 64 * 1024) return std::nullopt;
    target.resize(target.size() * 2);
  }
}

// Entries of <dirfd>/<name> but . and .., or nullopt with errno set.
std::optional<int64_t> countDirEntriesAt(int dirfd, const char* name) {
  const int fd = ::openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    const int err = errno;
    ::close(fd);
    errno = err;
    return std::nullopt;
  }
  int64_t n = 0;
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0'))) continue;
    ++n;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) {
    errno = err;
    return std::nullopt;
  }
  return n;
}

// A secondary file that is missing while stat is still there: the process
// lives (a captured tree may simply lack the file), keep the row.
bool processGone(int pidfd) { return ::faccessat(pidfd, "stat", F_OK, 0) != 0; }

std::string baseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

ProcessTable LinuxBackend::processTable(const Roots& roots, uint32_t fields) const {
  ProcessTable table;
  table.fields = fields;
  table.timestamp = monotonicSeconds();

  DIR* dir = ::opendir(roots.procfs.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", roots.procfs);
  const int procfd = ::dirfd(dir);
  const double ticks = linux_host::clockTicksPerSecond();
  const double page = static_cast<double>(linux_host::pageSize());
  const double bootTime = bootTimeOf(roots);

  thread_local std::string buffer;
  std::unordered_set<int64_t> seen;
  TableCache& cache = tableCache();

  while (const dirent* entry = ::readdir(dir)) {
    const auto parsedPid = parse::toUint64(entry->d_name);
    if (!parsedPid) continue;
    const auto pid = static_cast<int64_t>(*parsedPid);
    const int pidfd = ::openat(procfd, entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (pidfd < 0) continue;
    UniqueFd pidGuard(pidfd);

    std::string_view text;
    if (readAt(pidfd, "stat", buffer, text) != ReadResult::Ok) continue;
    ProcStat stat;
    try {
      stat = parse::parseProcPidStat(text);
    } catch (const Error&) {
      continue;  // a torn or foreign file: not this tick
    }
    ProcessTableRow row;
    row.pid = pid;
    row.ppid = stat.ppid;
    row.name = stat.comm;
    row.status = std::string(parse::processStatusName(stat.state));
    row.cpuTimes = static_cast<double>(stat.utime) / ticks + static_cast<double>(stat.stime) / ticks;
    row.numThreads = stat.numThreads;
    row.nice = stat.nice;
    row.createTime = static_cast<double>(stat.starttime) / ticks + bootTime;
    row.cpuNum = stat.processor;
    if (fields & kTblTerminal) row.terminal = terminalName(stat.ttyNr);

    if (fields & kTblMemory) {
      // stat already carries what statm would: vsize is total_vm in bytes and
      // rss is get_mm_rss() in pages, the same kernel counters statm prints.
      // Not opening statm saves one open/read/close per process per tick.
      row.rss = static_cast<double>(stat.rss) * page;
      row.vms = static_cast<double>(stat.vsize);
    }
    if (fields & kTblIo) {
      const ReadResult r = readAt(pidfd, "io", buffer, text);
      if (r == ReadResult::Gone && processGone(pidfd)) continue;
      if (r == ReadResult::Ok) {
        try {
          const ProcIo io = parse::parseProcPidIo(text);
          row.hasIo = true;
          row.readBytes = static_cast<double>(io.readBytes);
          row.writeBytes = static_cast<double>(io.writeBytes);
        } catch (const Error&) {
        }
      }
    }

    // The optional columns, read only while a client shows them. A file that is
    // unreadable (another user's process) leaves the value unset ("—").
    if (fields & kTblNumFds) {
      const std::optional<int64_t> n = countDirEntriesAt(pidfd, "fd");
      if (!n && errno != EACCES && errno != EPERM && processGone(pidfd)) continue;
      row.numFds = n;
    }
    if (fields & kTblNumCtxSwitches) {
      const ReadResult r = readAt(pidfd, "status", buffer, text);
      if (r == ReadResult::Gone && processGone(pidfd)) continue;
      if (r == ReadResult::Ok) {
        try {
          const ProcStatus status = parse::parseProcPidStatus(text);
          row.voluntaryCtxSwitches = status.voluntaryCtxtSwitches;
          row.involuntaryCtxSwitches = status.nonvoluntaryCtxtSwitches;
        } catch (const Error&) {
        }
      }
    }
    if (fields & kTblUss) {
      // psutil's uss: Private_* of smaps_rollup (one block; kernels before 4.14 lack it: summed smaps).
      // A kernel thread's smaps_rollup says ESRCH (psutil raises): left unset, "—".
      ReadResult r = readAt(pidfd, "smaps_rollup", buffer, text);
      const bool noRollup = r == ReadResult::Gone && ::faccessat(pidfd, "smaps_rollup", F_OK, 0) != 0 && errno == ENOENT;
      if (noRollup && !processGone(pidfd)) r = readAt(pidfd, "smaps", buffer, text);
      if (r == ReadResult::Gone && processGone(pidfd)) continue;
      if (r == ReadResult::Ok) {
        try {
          row.uss = parse::parseSmapsTotals(text).uss;
        } catch (const Error&) {
        }
      }
    }

    // The slow-changing fields, cached per (pid, starttime).
    const bool wantCmdline = (fields & kTblCmdline) || ((fields & kTblName) && stat.comm.size() >= 15);
    const bool wantExe = fields & kTblExe;
    const bool wantUser = fields & kTblUsername;
    if (wantCmdline || wantExe || wantUser) {
      CachedProcess cached;
      {
        std::lock_guard<std::mutex> lock(cache.mutex);
        auto& perRoot = cache.byRoot[roots.procfs];
        const auto found = perRoot.find(pid);
        if (found != perRoot.end() && found->second.starttime == stat.starttime) cached = found->second;
      }
      cached.starttime = stat.starttime;
      bool gone = false;
      if (wantCmdline && (!cached.cmdline || table.timestamp - cached.cmdlineReadAt >= kCmdlineRefreshSeconds)) {
        const ReadResult r = readAt(pidfd, "cmdline", buffer, text);
        if (r == ReadResult::Gone) gone = processGone(pidfd);
        if (r == ReadResult::Ok) {
          cached.cmdline = parse::parseCmdline(text);
          cached.cmdlineReadAt = table.timestamp;
        }
      }
      if (wantExe && !cached.exe) {
        if (auto exe = readLinkAt(pidfd, "exe")) cached.exe = std::move(*exe);
        else if (errno != EACCES && errno != EPERM && errno != ENOENT) gone = gone || processGone(pidfd);
        else if (errno == ENOENT) cached.exe = "";  // kernel thread or exited
      }
      if (wantUser && !cached.username) {
        const ReadResult r = readAt(pidfd, "status", buffer, text);
        if (r == ReadResult::Gone) gone = gone || processGone(pidfd);
        if (r == ReadResult::Ok) {
          try {
            const ProcStatus status = parse::parseProcPidStatus(text);
            if (status.uids) cached.username = userName((*status.uids)[0]);
          } catch (const Error&) {
          }
        }
      }
      if (gone) continue;
      if (cached.cmdline) row.cmdline = *cached.cmdline;
      if (cached.exe) row.exe = *cached.exe;
      if (cached.username) row.username = *cached.username;
      // psutil's name(): a 15-character comm is truncated; prefer cmdline[0]'s basename.
      if ((fields & kTblName) && stat.comm.size() >= 15 && cached.cmdline && !cached.cmdline->empty()) {
        const std::string extended = baseName(cached.cmdline->front());
        if (parse::startsWith(extended, stat.comm)) row.name = extended;
      }
      std::lock_guard<std::mutex> lock(cache.mutex);
      cache.byRoot[roots.procfs][pid] = std::move(cached);
    }
    seen.insert(pid);
    table.rows.push_back(std::move(row));
  }
  ::closedir(dir);
  if (buffer.size() > (1u << 20)) std::string().swap(buffer);

  // Forget processes that are gone.
  std::lock_guard<std::mutex> lock(cache.mutex);
  auto& perRoot = cache.byRoot[roots.procfs];
  for (auto it = perRoot.begin(); it != perRoot.end();) {
    if (seen.count(it->first)) ++it;
    else it = perRoot.erase(it);
  }
  if (perRoot.empty()) cache.byRoot.erase(roots.procfs);
  return table;
}

}  // namespace procyon
