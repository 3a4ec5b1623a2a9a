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
#include "linux/process_host.h"
#include "parse/proc_net_pid.h"
#include "parse/proc_pid_memory.h"
#include "parse/proc_pid_misc.h"
#include "parse/proc_pid_stat.h"

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

// Directory entries, with open errors reported (listDirectory hides them).
std::vector<std::string> listOrThrow(const std::string& path) {
  DIR* dir = ::opendir(path.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", path);
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    names.emplace_back(entry->d_name);
  }
  ::closedir(dir);
  return names;
}

bool isDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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

ProcessStatInfo statInfo(const ProcStat& stat, const Roots& roots) {
  const double ticks = linux_host::clockTicksPerSecond();
  ProcessStatInfo info;
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

struct KindSpec {
  bool tcp4 = false, tcp6 = false, udp4 = false, udp6 = false, unix = false;
};

KindSpec connectionKind(const std::string& kind) {
  if (kind == "inet") return {true, true, true, true, false};
  if (kind == "inet4") return {true, false, true, false, false};
  if (kind == "inet6") return {false, true, false, true, false};
  if (kind == "tcp") return {true, true, false, false, false};
  if (kind == "tcp4") return {true, false, false, false, false};
  if (kind == "tcp6") return {false, true, false, false, false};
  if (kind == "udp") return {false, false, true, true, false};
  if (kind == "udp4") return {false, false, true, false, false};
  if (kind == "udp6") return {false, false, false, true, false};
  if (kind == "unix") return {false, false, false, false, true};
  if (kind == "all") return {true, true, true, true, true};
  throw Error::invalidArgument("invalid '" + kind + "' kind argument; choose between all, inet, inet4, inet6, tcp, tcp4, tcp6, udp, udp4, udp6, unix");
}

}  // namespace

ProcessSnapshot LinuxBackend::readProcess(const Roots& roots, const ProcessQuery& query) const {
  const int64_t pid = query.pid;
  const uint32_t want = query.sections;
  const std::string dir = pidDirectory(roots, pid);
  FileReader& files = reader();
  ProcessSnapshot snap;
  snap.pid = pid;

  // Kind errors are the caller's, not the process's: check before any read.
  KindSpec kind;
  if (want & kSecConnections) kind = connectionKind(query.connectionKind);

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

  if (want & kSecBasic) fill(snap.basic, roots, pid, [&] { return statInfo(readStat(), roots); });
  if (want & kSecTerminal) {
    fill(snap.terminal, roots, pid, [&] { return terminalName(readStat().ttyNr); });
  }
  if (want & kSecIds) {
    fill(snap.ids, roots, pid, [&] {
      const ProcStatus& s = readStatus();
      ProcessStatusInfo info;
      if (!s.uids || !s.gids) throw Error::parse(dir + "/status: no Uid or Gid line");
      info.uids.assign(s.uids->begin(), s.uids->begin() + 3);
      info.gids.assign(s.gids->begin(), s.gids->begin() + 3);
      info.numThreads = s.threads;
      info.voluntary = s.voluntaryCtxtSwitches;
      info.involuntary = s.nonvoluntaryCtxtSwitches;
      return info;
    });
  }
  if (want & kSecUsername) {
    fill(snap.username, roots, pid, [&] {
      const ProcStatus& s = readStatus();
      if (!s.uids) throw Error::parse(dir + "/status: no Uid line");
      return userName((*s.uids)[0]);
    });
  }
  if (want & kSecMemoryInfo) {
    fill(snap.memoryInfo, roots, pid, [&] {
      const std::string_view text = files.read(dir, "statm");
      const ProcStatm m = annotatePath(files.path(), [&] { return parse::parseProcPidStatm(text); });
      const double page = static_cast<double>(linux_host::pageSize());
      return ProcessMemoryInfo{m.resident * page, m.size * page, m.shared * page, m.text * page,
                               m.lib * page,      m.data * page, m.dirty * page};
    });
  }
  if (want & kSecIoCounters) {
    fill(snap.ioCounters, roots, pid, [&] {
      const std::string_view text = files.read(dir, "io");
      const ProcIo io = annotatePath(files.path(), [&] { return parse::parseProcPidIo(text); });
      return ProcessIoCounters{static_cast<double>(io.syscr),     static_cast<double>(io.syscw),
                               static_cast<double>(io.readBytes), static_cast<double>(io.writeBytes),
                               static_cast<double>(io.rchar),     static_cast<double>(io.wchar)};
    });
  }
  if (want & kSecCmdline) {
    fill(snap.cmdline, roots, pid, [&] {
      auto args = parse::parseCmdline(files.read(dir, "cmdline"));
      // Empty for a zombie (and a kernel thread): psutil ≥ 6.0 raises ZombieProcess for the zombie.
      if (args.empty()) raiseIfZombie(roots, pid);
      return args;
    });
  }
  if (want & kSecEnviron) fill(snap.environ, roots, pid, [&] { return parse::parseEnviron(files.read(dir, "environ")); });
  if (want & kSecExe) {
    fill(snap.exe, roots, pid, [&]() -> std::string {
      try {
        return cleanLinkTarget(readLink(dir + "/exe"));
      } catch (const Error& e) {
        if (e.code != ErrorCode::NotFound && e.sysErrno != ESRCH) throw;
        const Error mapped = toProcessError(e, roots, pid);
        if (mapped.code != ErrorCode::NotFound) throw mapped;
        // Kernel threads: the link exists but points nowhere (psutil returns "").
        struct stat st {};
        if (::lstat((dir + "/exe").c_str(), &st) == 0) return "";
        throw;
      }
    });
  }
  if (want & kSecCwd) fill(snap.cwd, roots, pid, [&] { return cleanLinkTarget(readLink(dir + "/cwd")); });
  if (want & kSecMemoryFull) {
    fill(snap.memoryFull, roots, pid, [&] {
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
    fill(snap.memoryMaps, roots, pid, [&] {
      const std::string_view text = files.read(dir, "smaps");
      auto maps = annotatePath(files.path(), [&] { return parse::parseSmapsBlocks(text); });
      for (MemoryMap& map : maps) {
        if (map.path != "[anon]") map.path = cleanLinkTarget(map.path);
      }
      // A zombie's smaps is empty: psutil ≥ 6.0 raises ZombieProcess rather than answer [].
      if (maps.empty()) raiseIfZombie(roots, pid);
      return maps;
    });
  }
  if (want & kSecNumFds) {
    fill(snap.numFds, roots, pid, [&] { return static_cast<int64_t>(listOrThrow(dir + "/fd").size()); });
  }
  if (want & kSecThreads) {
    fill(snap.threads, roots, pid, [&] {
      const double ticks = linux_host::clockTicksPerSecond();
      std::vector<ProcessThread> threads;
      bool hitEnoent = false;
      auto tids = listOrThrow(dir + "/task");
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
    fill(snap.openFiles, roots, pid, [&] {
      std::vector<ProcessOpenFile> result;
      bool hitEnoent = false;
      for (const std::string& fd : listOrThrow(dir + "/fd")) {
        if (!isDigits(fd)) continue;
        std::string target;
        try {
          target = cleanLinkTarget(readLink(dir + "/fd/" + fd));
        } catch (const Error& e) {
          if (e.code == ErrorCode::NotFound || e.sysErrno == ESRCH) hitEnoent = true;
          else if (e.sysErrno != EINVAL && e.sysErrno != ENAMETOOLONG) throw;
          continue;
        }
        // Regular files only, as psutil: an absolute path that stat()s as one.
        struct stat st {};
        if (target.empty() || target[0] != '/' || ::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        try {
          const std::string_view text = files.read(dir, "fdinfo/" + fd);
          const FdInfo info = annotatePath(files.path(), [&] { return parse::parseFdinfo(text); });
          result.push_back({target, std::stoll(fd), static_cast<double>(info.pos), fileMode(info.flags),
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
    fill(snap.ionice, roots, pid, [&] {
      const long prio = ::syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, static_cast<int>(pid));
      if (prio < 0) throw Error::fromErrno(errno, "ioprio_get", dir);
      return IoniceValue{static_cast<int>(prio >> 13), static_cast<int>(prio & 0xff)};
    });
  }
  if (want & kSecCpuAffinity) {
    fill(snap.cpuAffinity, roots, pid, [&] {
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
    fill(snap.rlimits, roots, pid, [&] {
      // A captured tree has only the limits file; the live system answers prlimit(2).
      if (!isDefaultProcfs(roots.procfs)) {
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
    fill(snap.connections, roots, pid, [&] {
      std::unordered_map<uint64_t, std::vector<int64_t>> inodes;  // socket inode → fds
      for (const std::string& fd : listOrThrow(dir + "/fd")) {
        if (!isDigits(fd)) continue;
        try {
          const uint64_t inode = parse::socketInodeOfLink(readLink(dir + "/fd/" + fd));
          if (inode) inodes[inode].push_back(std::stoll(fd));
        } catch (const Error& e) {
          if (e.code == ErrorCode::NotFound || e.sysErrno == ESRCH || e.sysErrno == EINVAL) continue;
          throw;
        }
      }
      std::vector<ProcessConnection> result;
      if (inodes.empty()) return result;
      const auto inet = [&](const char* file, int family, int type) {
        const auto text = files.readIfExists(roots.procfs, std::string("net/") + file);
        if (!text) return;  // no IPv6 in this kernel
        const auto rows = annotatePath(files.path(), [&] { return parse::parseProcNetInet(*text, family); });
        for (const InetSocketRow& row : rows) {
          const auto found = inodes.find(row.inode);
          if (found == inodes.end()) continue;
          for (const int64_t fd : found->second) {
            ProcessConnection c;
            c.fd = fd;
            c.family = family;
            c.type = type;
            c.hasLaddr = row.laddrPort != 0;
            c.laddrIp = row.laddrIp;
            c.laddrPort = row.laddrPort;
            c.hasRaddr = row.raddrPort != 0;
            c.raddrIp = row.raddrIp;
            c.raddrPort = row.raddrPort;
            c.status = type == 1 ? std::string(parse::tcpStatusName(row.state)) : "NONE";
            result.push_back(std::move(c));
          }
        }
      };
      if (kind.tcp4) inet("tcp", 2, 1);
      if (kind.tcp6) inet("tcp6", 10, 1);
      if (kind.udp4) inet("udp", 2, 2);
      if (kind.udp6) inet("udp6", 10, 2);
      if (kind.unix) {
        if (const auto text = files.readIfExists(roots.procfs, "net/unix")) {
          const auto rows = annotatePath(files.path(), [&] { return parse::parseProcNetUnix(*text); });
          for (const UnixSocketRow& row : rows) {
            const auto found = inodes.find(row.inode);
            if (found == inodes.end()) continue;
            for (const int64_t fd : found->second) {
              ProcessConnection c;
              c.fd = fd;
              c.family = 1;
              c.type = row.type;
              c.unix = true;
              c.laddrIp = row.path;
              c.status = "NONE";
              result.push_back(std::move(c));
            }
          }
        }
      }
      return result;
    });
  }
  return snap;
}

}  // namespace procyon
