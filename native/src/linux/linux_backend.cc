#include "linux/linux_backend.h"

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>

#include "common/file_reader.h"
#include "common/connection_kinds.h"
#include "linux/parse/net_connections.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

constexpr const char* kProcfs = "/proc";
constexpr const char* kSysfs = "/sys";
// glibc's _PATH_UTMP, what getutent(3) reads.
constexpr const char* kUtmp = "/var/run/utmp";

// True when `path` is the very directory `live` is (same device and inode,
// so a symlink to it counts; a copy, a tmpfs tree or a symlink farm does not),
// and a mount of the filesystem the kernel serves there (statfs magic).
bool isLiveDirectory(const std::string& path, const char* live, long magic) {
  struct statfs fs {};
  if (::statfs(path.c_str(), &fs) != 0 || fs.f_type != magic) return false;
  struct stat root {}, mine {};
  return ::stat(path.c_str(), &root) == 0 && ::stat(live, &mine) == 0 && root.st_dev == mine.st_dev && root.st_ino == mine.st_ino;
}

bool isOwn(const std::string& path, const char* own) {
  std::string_view trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);
  return path.empty() || trimmed == own;
}

// Device and inode of a directory, so that a path naming another tree later is another key.
std::string identity(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

Roots rootsOf(const BackendSource& source) {
  Roots roots{source.procfs.empty() ? kProcfs : source.procfs, source.sysfs.empty() ? kSysfs : source.sysfs};
  // A pid read there is a pid a syscall acts on only on the kernel's own
  // procfs (PROC_SUPER_MAGIC) and sysfs (SYSFS_MAGIC) at /proc and /sys.
  roots.live = isLiveDirectory(roots.procfs, kProcfs, 0x9fa0) && isLiveDirectory(roots.sysfs, kSysfs, 0x62656572);
  return roots;
}

}  // namespace

LinuxBackend::LinuxBackend(const BackendSource& source)
    : roots_(rootsOf(source)), utmp_(source.utmp.empty() ? kUtmp : source.utmp), table_(newProcessTableCache()) {}

std::string LinuxBackend::sourceKey(const BackendSource& source) {
  if (isOwn(source.procfs, kProcfs) && isOwn(source.sysfs, kSysfs) && (source.utmp.empty() || source.utmp == kUtmp)) return {};
  return source.procfs + '\0' + identity(source.procfs) + '\0' + source.sysfs + '\0' + identity(source.sysfs) + '\0' + source.utmp;
}

namespace {

enum class Root { Procfs, Sysfs, None };

// What one function needs: any one of `files` (under `root`) readable, and
// the live system when it also asks system calls (getifaddrs, ioctls).
struct Requirement {
  std::string_view name;
  Root root;
  std::vector<std::string_view> anyOf;  // empty: nothing to read
  bool liveOnly = false;
};

// The files psutil's _pslinux.py (and src/linux/*.cc) read for each function.
const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> table = {
      {"cpuTimes", Root::Procfs, {"stat"}},
      {"cpuCount", Root::Procfs, {"stat", "cpuinfo"}},
      {"virtualMemory", Root::Procfs, {"meminfo"}},
      {"swapMemory", Root::Procfs, {"meminfo"}},
      {"bootTime", Root::Procfs, {"stat"}},
      {"cpuPercent", Root::Procfs, {"stat"}},
      {"cpuTimesPercent", Root::Procfs, {"stat"}},
      {"cpuStats", Root::Procfs, {"stat"}},
      {"cpuFreq", Root::Sysfs, {"devices/system/cpu"}},
      {"getloadavg", Root::Procfs, {"loadavg"}},
      {"diskPartitions", Root::Procfs, {"self/mounts", "mounts"}},
      {"diskUsage", Root::None, {}},
      {"diskIoCounters", Root::Procfs, {"diskstats", "partitions"}},
      {"users", Root::None, {}},  // no utmp file means nobody is logged in
      {"pids", Root::Procfs, {"."}},
      {"pidExists", Root::Procfs, {"."}},
      {"systemSnapshot", Root::None, {}},
      {"netIoCounters", Root::Procfs, {"net/dev"}},
      {"netConnections", Root::Procfs, {"net/tcp", "net/tcp6", "net/udp", "net/udp6", "net/unix"}},
      {"netIfAddrs", Root::None, {}, true},
      {"netIfStats", Root::Sysfs, {"class/net"}},
      {"sensorsTemperatures", Root::Sysfs, {"class/hwmon", "class/thermal"}},
      {"sensorsFans", Root::Sysfs, {"class/hwmon"}},
      {"sensorsBattery", Root::Sysfs, {"class/power_supply"}},
      {"hwmonChips", Root::Sysfs, {"class/hwmon"}},
      {"powerSupplies", Root::Sysfs, {"class/power_supply"}},
      {"Process", Root::Procfs, {"self/stat"}},
      {"processIter", Root::Procfs, {"self/stat"}},
      {"waitProcs", Root::Procfs, {"self/stat"}},
      {"processTable", Root::Procfs, {"self/stat"}},
      {"Process.ionice", Root::Procfs, {"self/stat"}},
      {"Process.rlimit", Root::Procfs, {"self/limits"}},
      {"Process.cpuAffinity", Root::Procfs, {"self/status"}},
  };
  return table;
}

Capability check(const Requirement& need, const Roots& roots, bool live) {
  Capability capability{need.name, true, CapabilityReason::None, {}};
  if (need.liveOnly && !live) {
    capability.available = false;
    capability.reason = CapabilityReason::CapturedTree;
    return capability;
  }
  const std::string& base = need.root == Root::Sysfs ? roots.sysfs : roots.procfs;
  int firstErrno = 0;
  std::string firstPath;
  for (std::string_view file : need.anyOf) {
    std::string path = base + "/" + std::string(file);
    if (::access(path.c_str(), R_OK) == 0) return capability;
    if (firstErrno == 0) firstErrno = errno, firstPath = std::move(path);
  }
  if (firstErrno == 0) return capability;
  capability.available = false;
  capability.reason = firstErrno == EACCES || firstErrno == EPERM ? CapabilityReason::Permission : CapabilityReason::MissingFile;
  capability.path = std::move(firstPath);
  return capability;
}

}  // namespace

std::vector<Capability> LinuxBackend::capabilities() const {
  const Roots& roots = roots_;
  const bool live = roots_.live;
  std::vector<Capability> result;
  for (const Requirement& need : requirements()) result.push_back(check(need, roots, live));
  return result;
}

PlatformConstants LinuxBackend::constants() const {
  PlatformConstants c;
  c.platform = "linux";
#define PROCYON_NAMED(name) NamedConstant{#name, name}
  c.signals = {PROCYON_NAMED(SIGHUP),  PROCYON_NAMED(SIGINT),    PROCYON_NAMED(SIGQUIT),   PROCYON_NAMED(SIGILL),
               PROCYON_NAMED(SIGTRAP), PROCYON_NAMED(SIGABRT),   PROCYON_NAMED(SIGBUS),    PROCYON_NAMED(SIGFPE),
               PROCYON_NAMED(SIGKILL), PROCYON_NAMED(SIGUSR1),   PROCYON_NAMED(SIGSEGV),   PROCYON_NAMED(SIGUSR2),
               PROCYON_NAMED(SIGPIPE), PROCYON_NAMED(SIGALRM),   PROCYON_NAMED(SIGTERM),   PROCYON_NAMED(SIGSTKFLT),
               PROCYON_NAMED(SIGCHLD), PROCYON_NAMED(SIGCONT),   PROCYON_NAMED(SIGSTOP),   PROCYON_NAMED(SIGTSTP),
               PROCYON_NAMED(SIGTTIN), PROCYON_NAMED(SIGTTOU),   PROCYON_NAMED(SIGURG),    PROCYON_NAMED(SIGXCPU),
               PROCYON_NAMED(SIGXFSZ), PROCYON_NAMED(SIGVTALRM), PROCYON_NAMED(SIGPROF),   PROCYON_NAMED(SIGWINCH),
               PROCYON_NAMED(SIGIO),   PROCYON_NAMED(SIGPWR),    PROCYON_NAMED(SIGSYS),    PROCYON_NAMED(SIGIOT),
               PROCYON_NAMED(SIGPOLL)};  // SIGIOT, SIGPOLL: glibc's other names for SIGABRT and SIGIO
  c.rlimits = {PROCYON_NAMED(RLIMIT_CPU),     PROCYON_NAMED(RLIMIT_FSIZE),      PROCYON_NAMED(RLIMIT_DATA),
               PROCYON_NAMED(RLIMIT_STACK),   PROCYON_NAMED(RLIMIT_CORE),       PROCYON_NAMED(RLIMIT_RSS),
               PROCYON_NAMED(RLIMIT_NPROC),   PROCYON_NAMED(RLIMIT_NOFILE),     PROCYON_NAMED(RLIMIT_MEMLOCK),
               PROCYON_NAMED(RLIMIT_AS),      PROCYON_NAMED(RLIMIT_LOCKS),      PROCYON_NAMED(RLIMIT_SIGPENDING),
               PROCYON_NAMED(RLIMIT_MSGQUEUE), PROCYON_NAMED(RLIMIT_NICE),      PROCYON_NAMED(RLIMIT_RTPRIO),
               PROCYON_NAMED(RLIMIT_RTTIME)};
#undef PROCYON_NAMED
  c.rlimInfinity = -1;
  // linux/ioprio.h (not in glibc's headers): the classes ioprio_set(2) takes.
  c.ioprioClasses = {{"IOPRIO_CLASS_NONE", 0}, {"IOPRIO_CLASS_RT", 1}, {"IOPRIO_CLASS_BE", 2}, {"IOPRIO_CLASS_IDLE", 3}};
  c.niceMin = -20;
  c.niceMax = 19;
  // psutil.AF_LINK is AF_PACKET on Linux.
  c.addressFamilies = {{"AF_UNIX", AF_UNIX}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_LINK", AF_PACKET}};
  c.socketTypes = {{"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_SEQPACKET", SOCK_SEQPACKET}};
  c.connectionKinds = connectionKinds();
  // Every status tcpStatusName gives (hex 01..0B), then NONE for the rest.
  for (std::string_view name : parse::connectionStatusNames()) c.connectionStatuses.push_back(name);
  // Every state letter the kernel prints, through the one mapping ("?": one it added since).
  for (char state : std::string_view("RSDTtZXKWIP?")) c.processStatuses.push_back(parse::processStatusName(state));
  return c;
}

FileReader& LinuxBackend::reader() { return threadReader(); }

Procfs LinuxBackend::procfs() const { return Procfs(roots_); }

}  // namespace procyon
