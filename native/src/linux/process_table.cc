// LinuxBackend::processTable: one row per process in one trip, reading as
// little per tick as the fields allow.
//
// On a real procfs, each process's stat (and io, when asked) file stays open
// between calls and is re-read with pread: one syscall per file per tick
// instead of open/read/close. An open /proc/<pid>/* file is bound to the
// process, not to the number: once that process is reaped the read fails with
// ESRCH, and a new process that reuses the pid is opened afresh. So a row can
// never mix two processes. The descriptors held are capped (half the soft
// RLIMIT_NOFILE, at most 32,768); past the cap, or on a captured tree (regular
// files), files are opened per call relative to a /proc/<pid> directory fd.
//
// What rarely changes for a (pid, create time) — cmdline (re-read every 10 s:
// setproctitle), exe, user name (status, read once) — is cached. Secondary
// files are read through a directory fd; when that fd is opened for a process
// already known, its held stat fd is re-read afterwards to prove the directory
// is still the same process.
//
// stat itself is read on every call; only when its bytes are exactly those of
// the previous call (an idle process: most of them) is the previous parse
// reused instead of parsing the same text again.

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "common/file_reader.h"
#include "common/json_budget.h"
#include "common/unique_fd.h"
#include "linux/host.h"
#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "linux/procfs.h"
#include "linux/parse/proc_pid_memory.h"
#include "linux/parse/proc_pid_args.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

using namespace linux_process;

// cmdline can change (setproctitle); re-read it after 10–20 s, spread by pid so
// that the processes first seen in one scan are not all re-read in one later tick.
constexpr double kCmdlineRefreshSeconds = 10.0;
double cmdlineRefreshAfter(int64_t pid) { return kCmdlineRefreshSeconds * (1.0 + static_cast<double>(pid % 16) / 16.0); }
constexpr long kProcSuperMagic = 0x9fa0;

// A descriptor that can live in a map entry (moved, closed once).
class HeldFd {
 public:
  HeldFd() = default;
  explicit HeldFd(int fd) : fd_(fd) {}
  HeldFd(HeldFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  HeldFd& operator=(HeldFd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  HeldFd(const HeldFd&) = delete;
  HeldFd& operator=(const HeldFd&) = delete;
  ~HeldFd() { reset(); }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct CachedProcess;
size_t heldBy(const CachedProcess& p);

struct CachedProcess {
  uint64_t starttime = 0;
  uint64_t seenInScan = 0;
  HeldFd stat;
  // The stat text last read and its parse: an idle process's stat reads the
  // same bytes tick after tick, and the same bytes parse the same.
  std::string statText;
  std::optional<ProcStat> parsedStat;
  HeldFd io;
  HeldFd statm;  // held like stat while the memory columns are asked for
  double ioDeniedAt = -1;  // another user's process: io is 0400; retried on the cmdline clock
  std::shared_ptr<const std::vector<std::string>> cmdline;  // cut to cmdlineBudget (json_budget.h)
  int64_t cmdlineBytes = -1;  // the whole file's size when cmdline was cut, else -1
  size_t cmdlineBudget = 0;
  double cmdlineReadAt = 0;
  std::optional<std::string> exe;
  std::optional<std::string> username;
};

size_t heldBy(const CachedProcess& p) { return (p.stat ? 1 : 0) + (p.io ? 1 : 0) + (p.statm ? 1 : 0); }

}  // namespace

// One per backend (so per procfs root). A scan holds its mutex throughout:
// concurrent scans take turns (each is a few ms), and held fds are never read
// by one scan while another closes them.
struct ProcessTableCache {
  ~ProcessTableCache() {
    if (loadavg >= 0) ::close(loadavg);
  }
  std::mutex mutex;
  bool probed = false;  // holdFds and ownNamespace are known (the first scan asks)
  std::unordered_map<int64_t, CachedProcess> processes;
  uint64_t scans = 0;
  size_t held = 0;
  bool holdFds = false;
  // The pid list is reused while no pid has been allocated (see pidsToVisit):
  // only for the procfs of our own pid namespace, whose loadavg's last field
  // is the last pid that namespace allocated.
  bool ownNamespace = false;
  int loadavg = -1;  // held open between scans, like the processes' stat files
  int64_t lastPid = -1;
  std::vector<int64_t> pids;  // the last scan's, in /proc order, less those found gone
};

std::shared_ptr<ProcessTableCache> newProcessTableCache() { return std::make_shared<ProcessTableCache>(); }

namespace {

using RootCache = ProcessTableCache;

size_t heldFdBudget() {
  static const size_t budget = [] {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return static_cast<size_t>(1024);
    return std::min<size_t>(static_cast<size_t>(limit.rlim_cur) / 2, 32768);
  }();
  return budget;
}

// What the first scan learns about the root (called with the cache's mutex held).
void probeRoot(RootCache& cache, int procfd) {
  if (cache.probed) return;
  cache.probed = true;
  RootCache* slot = &cache;
  {
    struct statfs fs{};
    slot->holdFds = ::fstatfs(procfd, &fs) == 0 && fs.f_type == kProcSuperMagic;
    if (slot->holdFds) {
      // <procfs>/self names us by our own pid only in our own pid namespace's procfs.
      char self[32] = {0};
      const ssize_t n = ::readlinkat(procfd, "self", self, sizeof self - 1);
      slot->ownNamespace = n > 0 && std::string_view(self, static_cast<size_t>(n)) == std::to_string(::getpid());
    }
  }
}

// The last pid our namespace allocated (loadavg's fifth field), or -1.
int64_t lastAllocatedPid(RootCache& cache, int procfd) {
  if (cache.loadavg < 0) {
    cache.loadavg = ::openat(procfd, "loadavg", kReadFlags);
    if (cache.loadavg >= 0 && !isRegularFile(cache.loadavg)) {
      ::close(cache.loadavg);
      cache.loadavg = -1;
    }
  }
  if (cache.loadavg < 0) return -1;
  char text[128];
  ssize_t n;
  do {
    n = ::pread(cache.loadavg, text, sizeof text, 0);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return -1;
  std::string_view line(text, static_cast<size_t>(n));
  while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.remove_suffix(1);
  const size_t space = line.rfind(' ');
  if (space == std::string_view::npos) return -1;
  const auto pid = parse::toUint64(line.substr(space + 1));
  return pid ? static_cast<int64_t>(*pid) : -1;
}

// The pids a scan visits. Listing /proc (getdents walks every task of the
// namespace) costs about a quarter of what reading every process's stat
// does; when no pid has been allocated since the last scan listed it, no
// process can have appeared, so that list (less the processes found gone
// since) is the list. Any fork or new thread allocates a pid and brings the
// listing back. The last pid is read before listing: a process born during
// the listing changes it, so the next scan lists again.
std::vector<int64_t> pidsToVisit(RootCache& cache, DIR* dir, int64_t lastPid) {
  const bool same = lastPid >= 0 && lastPid == cache.lastPid;
  // Until this scan completes and stores its own list, the next one lists /proc.
  cache.lastPid = -1;
  if (same) return std::move(cache.pids);
  return listPids(dir);
}

// procfs.h's readAt, the descriptor kept in a map entry's HeldFd.
ReadResult readAtKeeping(int dirfd, const char* name, std::string& buffer, std::string_view& out, bool oneShot, HeldFd* keep) {
  int kept = -1;
  const ReadResult r = readAt(dirfd, name, buffer, out, oneShot, keep ? &kept : nullptr);
  if (kept >= 0) *keep = HeldFd(kept);
  return r;
}

// A secondary file that is missing while stat is still there: the process
// lives (a captured tree may simply lack the file), keep the row.
bool processGone(int pidfd) { return ::faccessat(pidfd, "stat", F_OK, 0) != 0; }

std::string baseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<ProcStat> parseStat(std::string_view text) {
  try {
    return parse::parseProcPidStat(text);
  } catch (const Error&) {
    return std::nullopt;  // a torn or foreign file: not this tick
  }
}

// Each pid's CPU time in seconds (NaN where it cannot be read), from the
// kernel's per-process CPU clock: the runtime that stat's utime + stime split
// and then truncate to clock ticks. From ticks, a process's delta over an
// interval can exceed the wall time by two ticks (2 % of a 1 s tick, 8 % of
// `procyon ps`'s 250 ms). Kept to the millisecond (0.1 % of a 1 s tick, the
// percentages' last decimal): finer, every process that ran a few microseconds
// would be a changed row every tick. The pids are read in one tight pass so
// that all are read within microseconds of `table.timestamp`. Only for the
// procfs of our own pid namespace: a clock id names a pid of ours.
std::vector<double> cpuClockSeconds(const std::vector<int64_t>& pids) {
  std::vector<double> seconds(pids.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t i = 0; i < pids.size(); ++i) {
    // The kernel's MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED), as glibc's
    // clock_getcpuclockid builds it (without its extra clock_getres call).
    // Built in unsigned arithmetic (shifting a negative int is undefined before C++20), then taken bit for bit.
    const uint32_t bits = (~static_cast<uint32_t>(pids[i]) << 3) | 2u;
    clockid_t clock;
    static_assert(sizeof clock == sizeof bits, "clockid_t is a 32-bit int on Linux");
    std::memcpy(&clock, &bits, sizeof clock);
    timespec ts{};
    if (::clock_gettime(clock, &ts) == 0) seconds[i] = static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec / 1000000) / 1e3;
  }
  return seconds;
}

}  // namespace

ProcessTable LinuxBackend::processTable(uint32_t fields, size_t cmdlineBudget) const {
  ProcessTable table;
  table.fields = fields;

  DIR* dir = ::opendir(roots_.procfs.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", roots_.procfs);
  const int procfd = ::dirfd(dir);
  const double ticks = linux_host::clockTicksPerSecond();
  const double page = static_cast<double>(linux_host::pageSize());
  const double bootTime = bootTimeOf(roots_);

  thread_local std::string buffer;
  if (cmdlineBudget == 0) cmdlineBudget = 1;
  RootCache& cache = *table_;
  std::lock_guard<std::mutex> lock(cache.mutex);
  probeRoot(cache, procfd);
  const uint64_t scan = ++cache.scans;
  const bool hold = cache.holdFds;
  const size_t budget = heldFdBudget();
  const bool wantIo = fields & kTblIo;
  table.rows.reserve(cache.processes.size() + 64);

  const int64_t lastPid = cache.ownNamespace ? lastAllocatedPid(cache, procfd) : -1;
  const std::vector<int64_t> pids = pidsToVisit(cache, dir, lastPid);
  table.timestamp = monotonicSeconds();
  // A clock read here, a moment before the row's stat, is the same process's:
  // a pid is reused only after the whole pid space has been allocated once more.
  const bool clocks = cache.ownNamespace && (fields & kTblCpuTimes);
  const std::vector<double> cpuClock = clocks ? cpuClockSeconds(pids) : std::vector<double>();
  if (clocks) table.cpuTimesUntil = monotonicSeconds();
  // Those still there after this scan: the next one's list if no pid is allocated meanwhile.
  std::vector<int64_t> alive;
  alive.reserve(pids.size());
  // Pushes the pid on every path out of the loop body unless it was found gone.
  struct KeepPid {
    std::vector<int64_t>& alive;
    int64_t pid;
    bool keep = true;
    ~KeepPid() {
      if (keep) alive.push_back(pid);
    }
  };
  // A failed open says gone unless we ran out of descriptors or memory.
  const auto openFailedGone = [] { return errno != EMFILE && errno != ENFILE && errno != ENOMEM; };
  char nameBuffer[24];

  for (size_t at = 0; at < pids.size(); ++at) {
    const int64_t pid = pids[at];
    KeepPid keep{alive, pid};
    std::snprintf(nameBuffer, sizeof nameBuffer, "%lld", static_cast<long long>(pid));
    const char* const pidName = nameBuffer;
    std::string_view text;
    std::optional<ProcStat> stat;

    // A known process with a held stat fd: one pread.
    auto found = cache.processes.find(pid);
    bool statReused = false;
    if (found != cache.processes.end() && found->second.stat) {
      if (readFd(found->second.stat.get(), buffer, text, true, true) == ReadResult::Ok) {
        statReused = found->second.parsedStat && text == found->second.statText;
        stat = statReused ? found->second.parsedStat : parseStat(text);
      }
      if (!stat || stat->starttime != found->second.starttime) {
        // Reaped (ESRCH), or torn: forget it; a new process with this pid is opened below.
        cache.held -= heldBy(found->second);
        cache.processes.erase(found);
        found = cache.processes.end();
        stat.reset();
        statReused = false;
      }
    }

    // Otherwise (new, or no held fd): through a directory fd.
    HeldFd pidDir;
    bool dirVerified = false;  // every file read through pidDir is this process's
    HeldFd statFd;
    if (!stat) {
      pidDir = HeldFd(openAt(procfd, pidName, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
      if (!pidDir) {
        keep.keep = !openFailedGone();
        continue;
      }
      if (const ReadResult r = readAtKeeping(pidDir.get(), "stat", buffer, text, hold, hold ? &statFd : nullptr); r != ReadResult::Ok) {
        keep.keep = r != ReadResult::Gone;
        continue;
      }
      stat = parseStat(text);
      if (!stat) continue;
      dirVerified = true;
      if (found != cache.processes.end() && found->second.starttime != stat->starttime) {
        cache.held -= heldBy(found->second);
        cache.processes.erase(found);
        found = cache.processes.end();
      }
    }
    if (found == cache.processes.end()) {
      found = cache.processes.emplace(pid, CachedProcess{}).first;
      found->second.starttime = stat->starttime;
    }
    CachedProcess& cached = found->second;
    cached.seenInScan = scan;
    if (!statReused) {
      // A new comm for the same (pid, start time) is an exec (or a prctl
      // rename): what was cached from the old program's files is stale.
      if (cached.parsedStat && cached.parsedStat->comm != stat->comm) {
        cached.cmdline.reset();
        cached.exe.reset();
        cached.username.reset();
      }
      // `text` is still the stat just parsed: nothing else has been read since.
      cached.statText.assign(text);
      cached.parsedStat = stat;
    }
    if (statFd && !cached.stat && cache.held < budget) {
      cached.stat = std::move(statFd);
      ++cache.held;
    }

    // Opens the directory fd for a known process when a secondary file is
    // needed; re-reading the held stat fd afterwards proves it is the same one.
    const auto ensureDir = [&]() -> bool {
      if (dirVerified) return true;
      pidDir = HeldFd(openAt(procfd, pidName, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
      if (!pidDir) return false;
      std::string_view again;
      if (!cached.stat || readFd(cached.stat.get(), buffer, again, true, true) != ReadResult::Ok) return false;
      dirVerified = true;
      return true;
    };
    bool gone = false;

    // Built in place; a process found gone below is popped again.
    ProcessTableRow& row = table.rows.emplace_back();
    row.pid = pid;
    row.ppid = stat->ppid;
    row.name = std::move(stat->comm);
    row.status = std::string(parse::processStatusName(stat->state));
    row.cpuTimes = clocks && !std::isnan(cpuClock[at]) ? cpuClock[at] : static_cast<double>(stat->utime) / ticks + static_cast<double>(stat->stime) / ticks;
    row.numThreads = stat->numThreads;
    row.nice = stat->nice;
    row.createTime = static_cast<double>(stat->starttime) / ticks + bootTime;
    row.cpuNum = stat->processor;
    if (fields & kTblTerminal) row.terminal = terminalName(stat->ttyNr);
    if (fields & kTblMemory) {
      // psutil's memory_info() reads statm, and so does Process#memoryInfo:
      // stat's rss is the kernel's approximate per-CPU counter (since 6.2 it
      // can lag statm's and status's exact sum by tens of pages). stat's
      // figures stand in only where statm cannot be read (a captured tree without it).
      row.rss = static_cast<double>(stat->rss) * page;
      row.vms = static_cast<double>(stat->vsize);
      ReadResult r = ReadResult::Gone;
      if (cached.statm) {
        r = readFd(cached.statm.get(), buffer, text, true, true);
        if (r != ReadResult::Ok) gone = true;  // reaped since its stat was read
      } else if (ensureDir()) {
        HeldFd statmFd;
        r = readAtKeeping(pidDir.get(), "statm", buffer, text, true, hold && cache.held < budget ? &statmFd : nullptr);
        if (statmFd) {
          cached.statm = std::move(statmFd);
          ++cache.held;
        }
        if (r == ReadResult::Gone && processGone(pidDir.get())) gone = true;
      } else {
        gone = true;
      }
      if (r == ReadResult::Ok) {
        try {
          const ProcStatm m = parse::parseProcPidStatm(text);
          row.rss = static_cast<double>(m.resident) * page;
          row.vms = static_cast<double>(m.size) * page;
        } catch (const Error&) {
        }
      }
    }

    if (wantIo && (cached.ioDeniedAt < 0 || table.timestamp - cached.ioDeniedAt >= kCmdlineRefreshSeconds)) {
      ReadResult r = ReadResult::Gone;
      if (cached.io) {
        // The permission check is made at read time too (a process that changed credentials).
        r = readFd(cached.io.get(), buffer, text, true, true);
        if (r == ReadResult::Denied) {
          cached.io.reset();
          --cache.held;
          cached.ioDeniedAt = table.timestamp;
        } else if (r != ReadResult::Ok) {
          gone = true;  // reaped since its stat was read
        }
      } else if (ensureDir()) {
        HeldFd ioFd;
        r = readAtKeeping(pidDir.get(), "io", buffer, text, hold, hold && cache.held < budget ? &ioFd : nullptr);
        if (ioFd) {
          cached.io = std::move(ioFd);
          ++cache.held;
        }
        if (r == ReadResult::Denied) cached.ioDeniedAt = table.timestamp;
        if (r == ReadResult::Ok) cached.ioDeniedAt = -1;
        if (r == ReadResult::Gone && processGone(pidDir.get())) gone = true;
      } else {
        gone = true;
      }
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
    if (!gone && (fields & (kTblNumFds | kTblNumCtxSwitches | kTblUss)) && !ensureDir()) gone = true;
    if (!gone && (fields & kTblNumFds)) {
      const std::optional<int64_t> n = countEntriesAt(pidDir.get(), "fd");
      if (!n && errno != EACCES && errno != EPERM && processGone(pidDir.get())) gone = true;
      row.numFds = n;
    }
    if (!gone && (fields & kTblNumCtxSwitches)) {
      const ReadResult r = readAt(pidDir.get(), "status", buffer, text, false);
      if (r == ReadResult::Gone && processGone(pidDir.get())) gone = true;
      if (r == ReadResult::Ok) {
        try {
          const ProcStatus status = parse::parseProcPidStatus(text);
          row.voluntaryCtxSwitches = status.voluntaryCtxtSwitches;
          row.involuntaryCtxSwitches = status.nonvoluntaryCtxtSwitches;
        } catch (const Error&) {
        }
      }
    }
    if (!gone && (fields & kTblUss)) {
      // psutil's uss: Private_* of smaps_rollup (one block; kernels before 4.14 lack it: summed smaps).
      // A kernel thread's smaps_rollup says ESRCH (psutil raises): left unset, "—".
      const int pidfd = pidDir.get();
      ReadResult r = readAt(pidfd, "smaps_rollup", buffer, text, false);
      const bool noRollup = r == ReadResult::Gone && ::faccessat(pidfd, "smaps_rollup", F_OK, 0) != 0 && errno == ENOENT;
      if (noRollup && !processGone(pidfd)) r = readAt(pidfd, "smaps", buffer, text, false);
      if (r == ReadResult::Gone && processGone(pidfd)) gone = true;
      if (r == ReadResult::Ok) {
        try {
          row.uss = parse::parseSmapsTotals(text).uss;
        } catch (const Error&) {
        }
      }
    }

    // The slow-changing fields, cached per (pid, starttime).
    const bool longComm = row.name.size() >= 15;
    const bool wantCmdline = (fields & kTblCmdline) || ((fields & kTblName) && longComm);
    const bool needCmdline = wantCmdline && (!cached.cmdline || cached.cmdlineBudget != cmdlineBudget || table.timestamp - cached.cmdlineReadAt >= cmdlineRefreshAfter(pid));
    const bool needExe = (fields & kTblExe) && !cached.exe;
    const bool needUser = (fields & kTblUsername) && !cached.username;
    if (!gone && (needCmdline || needExe || needUser)) {
      if (!ensureDir()) {
        gone = true;
      } else {
        const int pidfd = pidDir.get();
        if (needCmdline) {
          // Encoded, an argument costs at least its raw bytes: a budget's worth of them decides the cut.
          size_t total = 0;
          const ReadResult r = readCappedAt(pidfd, "cmdline", cmdlineBudget, buffer, text, total);
          if (r == ReadResult::Gone) gone = processGone(pidfd);
          if (r == ReadResult::Ok) {
            const bool truncated = total > text.size();
            // A prefix ends mid-argument: end it as the kernel ends each one, so the parse splits on NULs.
            const bool midArgument = truncated && !text.empty() && text.back() != '\0';
            std::vector<std::string> args = midArgument ? parse::parseCmdline(std::string(text) + '\0') : parse::parseCmdline(text);
            const bool cut = cutArgs(args, cmdlineBudget, truncated);
            cached.cmdline = std::make_shared<const std::vector<std::string>>(std::move(args));
            cached.cmdlineBytes = cut ? static_cast<int64_t>(total) : -1;
            cached.cmdlineBudget = cmdlineBudget;
            cached.cmdlineReadAt = table.timestamp;
          }
        }
        if (needExe) {
          if (auto exe = readLinkAt(pidfd, "exe")) cached.exe = cleanLinkTarget(std::move(*exe));
          else if (errno != EACCES && errno != EPERM && errno != ENOENT) gone = gone || processGone(pidfd);
          else if (errno == ENOENT) cached.exe = "";  // kernel thread or exited
        }
        if (needUser) {
          const ReadResult r = readAt(pidfd, "status", buffer, text, false);
          if (r == ReadResult::Gone) gone = gone || processGone(pidfd);
          if (r == ReadResult::Ok) {
            try {
              const ProcStatus status = parse::parseProcPidStatus(text);
              if (status.uids) cached.username = userName((*status.uids)[0]);
            } catch (const Error&) {
            }
          }
        }
      }
    }
    if (gone) {
      keep.keep = false;
      table.rows.pop_back();
      cache.held -= heldBy(cached);
      cache.processes.erase(found);
      continue;
    }
    if (wantCmdline) {
      row.cmdline = cached.cmdline;
      row.cmdlineBytes = cached.cmdlineBytes;
    }
    if (cached.exe) row.exe = *cached.exe;
    if (cached.username) row.username = *cached.username;
    // psutil's name(): a 15-character comm is truncated; prefer cmdline[0]'s basename.
    if ((fields & kTblName) && longComm && cached.cmdline && !cached.cmdline->empty()) {
      std::string extended = baseName(cached.cmdline->front());
      if (parse::startsWith(extended, row.name)) row.name = std::move(extended);
    }
  }
  ::closedir(dir);
  if (!clocks) table.cpuTimesUntil = monotonicSeconds();  // the last stat was read by now
  if (buffer.size() > (1u << 20)) std::string().swap(buffer);
  cache.pids = std::move(alive);
  cache.lastPid = lastPid;

  // Forget processes that are gone (closing their held fds).
  for (auto it = cache.processes.begin(); it != cache.processes.end();) {
    if (it->second.seenInScan == scan) {
      ++it;
    } else {
      cache.held -= heldBy(it->second);
      it = cache.processes.erase(it);
    }
  }
  return table;
}

void LinuxBackend::processTableCacheClear() const {
  RootCache& cache = *table_;
  std::lock_guard<std::mutex> lock(cache.mutex);
  cache.processes.clear();
  cache.held = 0;
  cache.pids.clear();
  cache.lastPid = -1;
  if (cache.loadavg >= 0) ::close(cache.loadavg);
  cache.loadavg = -1;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"processTable", Root::Procfs, {"self/stat"}},
};

}  // namespace

}  // namespace procyon
