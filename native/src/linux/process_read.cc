// LinuxBackend::readProcess: every section a Process method (or a oneshot /
// asDict) asked for, read in one trip to the worker thread. Each section
// carries its own value or its own psutil-style error, so one AccessDenied
// (environ of another user's process) does not lose the rest.

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <unordered_map>

#include "common/file_reader.h"
#include "linux/host.h"
#include "linux/linux_backend.h"
#include "linux/net_connections.h"
#include "linux/procfs.h"
#include "linux/process_host.h"
#include "linux/parse/proc_pid_memory.h"
#include "linux/parse/proc_pid_args.h"
#include "linux/parse/proc_pid_files.h"
#include "linux/parse/proc_pid_limits.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

using namespace linux_process;

template <typename T, typename Fn>
void fill(Section<T>& section, const Roots& roots, int64_t pid, Fn&& fn) {
  try {
    section.emplace(std::in_place_index<0>, fn());
  } catch (const Error& e) {
    section.emplace(std::in_place_index<1>, toProcessError(e, roots, pid));
  }
}

// psutil's file_flags_to_mode().
std::string fileMode(uint64_t flags) {
  std::string mode;
  switch (flags & O_ACCMODE) {
    case O_RDONLY: mode = "r"; break;
    case O_WRONLY: mode = "w"; break;
    default: mode = "w+"; break;
  }
  if (flags & O_APPEND) {
    const size_t w = mode.find('w');
    if (w != std::string::npos) mode[w] = 'a';
  }
  if (mode == "w+") mode = "r+";
  return mode;
}

ProcessBasicGroup statInfo(const ProcStat& stat, const Roots& roots) {
  const double ticks = linux_host::clockTicksPerSecond();
  ProcessBasicGroup info;
  info.name = stat.comm;
  info.status = std::string(parse::processStatusName(stat.state));
  info.ppid = stat.ppid;
  info.ttyNr = stat.ttyNr;
  info.createTime = createTimeOf(roots, stat.starttime);
  info.cpuTimes.user = static_cast<double>(stat.utime) / ticks;
  info.cpuTimes.system = static_cast<double>(stat.stime) / ticks;
  info.cpuTimes.childrenUser = static_cast<double>(stat.cutime) / ticks;
  info.cpuTimes.childrenSystem = static_cast<double>(stat.cstime) / ticks;
  info.cpuTimes.iowait = static_cast<double>(stat.delayacctBlkioTicks) / ticks;
  info.nice = stat.nice;
  info.numThreads = stat.numThreads;
  info.cpuNum = stat.processor;
  return info;
}

}  // namespace

ProcessSnapshot LinuxBackend::readProcess(const ProcessQuery& query) const {
  const int64_t pid = query.pid;
  const uint32_t want = query.sections;
  const std::string dir = pidDirectory(roots_, pid);
  FileReader& files = reader();
  const Procfs procfs(roots_);
  const std::string pidName = std::to_string(pid);
  ProcessSnapshot snap;
  snap.pid = pid;

  // Kind errors are the caller's, not the process's: check before any read.
  if (want & kSecConnections) linux_net::checkKind(query.connectionKind);

  // stat is shared by stat, terminal (tty_nr) and the existence check.
  std::optional<ProcStat> stat;
  const auto readStat = [&]() -> const ProcStat& {
    if (!stat) {
      const std::string_view text = files.read(dir, "stat");
      stat = annotatePath(files.path(), [&] { return parse::parseProcPidStat(text); });
    }
    return *stat;
  };
  std::optional<ProcStatus> status;
  const auto readStatus = [&]() -> const ProcStatus& {
    if (!status) {
      const std::string_view text = files.read(dir, "status");
      status = annotatePath(files.path(), [&] { return parse::parseProcPidStatus(text); });
    }
    return *status;
  };

  if (want & kSecBasic) fill(snap.basic, roots_, pid, [&] { return statInfo(readStat(), roots_); });
  if (want & kSecTerminal) {
    fill(snap.terminal, roots_, pid, [&] { return terminalName(readStat().ttyNr); });
  }
  if (want & kSecIds) {
    fill(snap.ids, roots_, pid, [&] {
      const ProcStatus& s = readStatus();
      ProcessIdsGroup info;
      if (!s.uids || !s.gids) throw Error::parse(dir + "/status: no Uid or Gid line");
      info.uids.emplace(s.uids->begin(), s.uids->begin() + 3);
      info.gids.emplace(s.gids->begin(), s.gids->begin() + 3);
      info.numThreads = s.threads;
      info.voluntary = s.voluntaryCtxtSwitches;
      info.involuntary = s.nonvoluntaryCtxtSwitches;
      return info;
    });
  }
  if (want & kSecUsername) {
    fill(snap.username, roots_, pid, [&] {
      const ProcStatus& s = readStatus();
      if (!s.uids) throw Error::parse(dir + "/status: no Uid line");
      return userName((*s.uids)[0]);
    });
  }
  if (want & kSecMemoryInfo) {
    fill(snap.memoryInfo, roots_, pid, [&] {
      const std::string_view text = files.read(dir, "statm");
      const ProcStatm m = annotatePath(files.path(), [&] { return parse::parseProcPidStatm(text); });
      const double page = static_cast<double>(linux_host::pageSize());
      return ProcessMemoryInfo{m.resident * page, m.size * page, m.shared * page, m.text * page,
                               m.lib * page,      m.data * page, m.dirty * page};
    });
  }
  if (want & kSecIoCounters) {
    fill(snap.ioCounters, roots_, pid, [&] {
      const std::string_view text = files.read(dir, "io");
      const ProcIo io = annotatePath(files.path(), [&] { return parse::parseProcPidIo(text); });
      return ProcessIoCounters{static_cast<double>(io.syscr),     static_cast<double>(io.syscw),
                               static_cast<double>(io.readBytes), static_cast<double>(io.writeBytes),
                               static_cast<double>(io.rchar),     static_cast<double>(io.wchar)};
    });
  }
  if (want & kSecCmdline) {
    fill(snap.cmdline, roots_, pid, [&] {
      auto args = parse::parseCmdline(files.read(dir, "cmdline"));
      // Empty for a zombie (and a kernel thread): psutil ≥ 6.0 raises ZombieProcess for the zombie.
      if (args.empty()) raiseIfZombie(roots_, pid);
      return args;
    });
  }
  if (want & kSecEnviron) fill(snap.environ, roots_, pid, [&] { return parse::parseEnviron(files.read(dir, "environ")); });
  if (want & kSecExe) {
    fill(snap.exe, roots_, pid, [&]() -> std::string {
      try {
        return cleanLinkTarget(procfs.readLink(pidName + "/exe"));
      } catch (const Error& e) {
        if (e.code != ErrorCode::NotFound && e.sysErrno != ESRCH) throw;
        const Error mapped = toProcessError(e, roots_, pid);
        if (mapped.code != ErrorCode::NotFound) throw mapped;
        // Kernel threads: the link exists but points nowhere (psutil returns "").
        struct stat st {};
        if (::lstat((dir + "/exe").c_str(), &st) == 0) return "";
        throw;
      }
    });
  }
  if (want & kSecCwd) fill(snap.cwd, roots_, pid, [&] { return cleanLinkTarget(procfs.readLink(pidName + "/cwd")); });
  if (want & kSecMemoryFull) {
    fill(snap.memoryFull, roots_, pid, [&] {
      try {
        const std::string_view text = files.read(dir, "smaps_rollup");
        return parse::parseSmapsTotals(text);
      } catch (const Error& e) {
        if (e.code != ErrorCode::NotFound && e.sysErrno != ESRCH) throw;
      }
      const std::string_view text = files.read(dir, "smaps");
      return parse::parseSmapsTotals(text);
    });
  }
  if (want & kSecMemoryMaps) {
    fill(snap.memoryMaps, roots_, pid, [&] {
      const std::string_view text = files.read(dir, "smaps");
      auto maps = annotatePath(files.path(), [&] { return parse::parseSmapsBlocks(text); });
      for (ProcessMemoryMapExt& map : maps) {
        if (map.path != "[anon]") map.path = cleanLinkTarget(map.path);
      }
      // A zombie's smaps is empty: psutil ≥ 6.0 raises ZombieProcess rather than answer [].
      if (maps.empty()) raiseIfZombie(roots_, pid);
      return maps;
    });
  }
  if (want & kSecNumFds) {
    fill(snap.numFds, roots_, pid, [&] { return static_cast<int64_t>(procfs.list(pidName + "/fd").size()); });
  }
  if (want & kSecThreads) {
    fill(snap.threads, roots_, pid, [&] {
      const double ticks = linux_host::clockTicksPerSecond();
      std::vector<ProcessThread> threads;
      bool hitEnoent = false;
      auto tids = procfs.list(pidName + "/task");
      std::sort(tids.begin(), tids.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
      });
      for (const std::string& tid : tids) {
        try {
          const std::string_view text = files.read(dir, "task/" + tid + "/stat");
          const ProcStat t = annotatePath(files.path(), [&] { return parse::parseProcPidStat(text); });
          threads.push_back({t.pid, static_cast<double>(t.utime) / ticks, static_cast<double>(t.stime) / ticks});
        } catch (const Error& e) {
          if (e.code != ErrorCode::NotFound && e.sysErrno != ESRCH) throw;
          hitEnoent = true;  // the thread ended meanwhile
        }
      }
      if (hitEnoent) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0) throw noSuchProcess(pid, std::nullopt);
      }
      return threads;
    });
  }
  if (want & kSecOpenFiles) {
    fill(snap.openFiles, roots_, pid, [&] {
      std::vector<ProcessOpenFile> result;
      bool hitEnoent = false;
      for (Procfs::FdLink& link : procfs.fdLinks(pid, &hitEnoent)) {
        const std::string fd = std::to_string(link.fd);
        const std::string target = cleanLinkTarget(std::move(link.target));
        // Regular files only, as psutil: an absolute path that stat()s as one.
        struct stat st {};
        if (target.empty() || target[0] != '/' || ::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        try {
          const std::string_view text = files.read(dir, "fdinfo/" + fd);
          const FdInfo info = annotatePath(files.path(), [&] { return parse::parseFdinfo(text); });
          result.push_back({target, link.fd, static_cast<double>(info.pos), fileMode(info.flags),
                            static_cast<int64_t>(info.flags)});
        } catch (const Error& e) {
          if (e.code != ErrorCode::NotFound && e.sysErrno != ESRCH) throw;
          hitEnoent = true;
        }
      }
      if (hitEnoent) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0) throw noSuchProcess(pid, std::nullopt);
      }
      std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.fd < b.fd; });
      return result;
    });
  }
  if (want & kSecIonice) {
    fill(snap.ionice, roots_, pid, [&] {
      const long prio = ::syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, static_cast<int>(pid));
      if (prio < 0) throw Error::fromErrno(errno, "ioprio_get", dir);
      return ProcessIonice{static_cast<int>(prio >> 13), static_cast<int>(prio & 0xff)};
    });
  }
  if (want & kSecCpuAffinity) {
    fill(snap.cpuAffinity, roots_, pid, [&] {
      std::vector<int64_t> cpus;
      // Up to 4096 CPUs, like glibc's CPU_ALLOC ceiling in practice.
      const size_t count = 4096;
      cpu_set_t* set = CPU_ALLOC(count);
      const size_t size = CPU_ALLOC_SIZE(count);
      CPU_ZERO_S(size, set);
      if (::sched_getaffinity(static_cast<pid_t>(pid), size, set) != 0) {
        const int err = errno;
        CPU_FREE(set);
        throw Error::fromErrno(err, "sched_getaffinity", dir);
      }
      for (size_t cpu = 0; cpu < count; ++cpu) {
        if (CPU_ISSET_S(cpu, size, set)) cpus.push_back(static_cast<int64_t>(cpu));
      }
      CPU_FREE(set);
      return cpus;
    });
  }
  if (want & kSecRlimits) {
    fill(snap.rlimits, roots_, pid, [&] {
      // A captured tree has only the limits file; the live system answers prlimit(2).
      if (!roots_.live) {
        const std::string_view text = files.read(dir, "limits");
        return annotatePath(files.path(), [&] { return parse::parseProcPidLimits(text); });
      }
      std::vector<RlimitValue> limits;
      for (int resource = 0; resource < RLIM_NLIMITS; ++resource) {
        struct rlimit value {};
        if (::prlimit(static_cast<pid_t>(pid), static_cast<__rlimit_resource>(resource), nullptr, &value) != 0) {
          throw Error::fromErrno(errno, "prlimit", dir);
        }
        const auto asNumber = [](rlim_t v) { return v == RLIM_INFINITY ? -1.0 : static_cast<double>(v); };
        limits.push_back({resource, asNumber(value.rlim_cur), asNumber(value.rlim_max)});
      }
      return limits;
    });
  }
  if (want & kSecConnections) {
    fill(snap.connections, roots_, pid, [&] {
      // psutil's pconn: the system rows, written without their pid (binding/to_js_net.h).
      return std::move(linux_net::processConnections(procfs, pid, query.connectionKind).connections);
    });
  }
  return snap;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"Process", Root::Procfs, {"self/stat"}},
    {"processIter", Root::Procfs, {"self/stat"}},
    {"waitProcs", Root::Procfs, {"self/stat"}},
    {"Process.ionice", Root::Procfs, {"self/stat"}},
    {"Process.rlimit", Root::Procfs, {"self/limits"}},
    {"Process.cpuAffinity", Root::Procfs, {"self/status"}},
};

}  // namespace

}  // namespace procyon
