#include "linux/linux_backend.h"

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iterator>
#include <string>

#include "common/connection_kinds.h"
#include "common/file_reader.h"
#include "common/records.h"
#include "linux/parse/net_connections.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/procfs.h"
#include "linux/requirement.h"

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

std::vector<Requirement>& requirementList() {
  static std::vector<Requirement> list;  // built on first use: registrars run in an order C++ leaves open
  return list;
}

// Functions with no Linux reader of their own.
const RequirementRegistrar kNeeds{
    {"systemSnapshot", Root::None, {}},
};

// A requirement's probe, once its files are there: its missing file, if any.
Capability probed(const Requirement& need, const Roots& roots, Capability capability) {
  if (!need.probe) return capability;
  std::string missing = need.probe(roots);
  if (missing.empty()) return capability;
  capability.available = false;
  capability.reason = CapabilityReason::MissingFile;
  capability.path = std::move(missing);
  return capability;
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
    if (::access(path.c_str(), R_OK) == 0) return probed(need, roots, std::move(capability));
    if (firstErrno == 0) firstErrno = errno, firstPath = std::move(path);
  }
  if (firstErrno == 0) return probed(need, roots, std::move(capability));
  capability.available = false;
  capability.reason = firstErrno == EACCES || firstErrno == EPERM ? CapabilityReason::Permission : CapabilityReason::MissingFile;
  capability.path = std::move(firstPath);
  return capability;
}

}  // namespace

RequirementRegistrar::RequirementRegistrar(std::initializer_list<Requirement> requirements) {
  for (const Requirement& requirement : requirements) requirementList().push_back(requirement);
}

const std::vector<Requirement>& registeredRequirements() { return requirementList(); }

std::vector<Capability> LinuxBackend::capabilities() const {
  const Roots& roots = roots_;
  const bool live = roots_.live;
  std::vector<Capability> result;
  for (const Requirement& need : registeredRequirements()) result.push_back(check(need, roots, live));
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
  c.virtualMemoryFields.assign(std::begin(VirtualMemory::kFields), std::end(VirtualMemory::kFields));
  return c;
}

FileReader& LinuxBackend::reader() { return threadReader(); }

Procfs LinuxBackend::procfs() const { return Procfs(roots_); }

}  // namespace procyon
