#include "linux/linux_backend.h"

#include <sys/stat.h>
#include <sys/vfs.h>

#include "common/file_reader.h"
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

std::vector<std::string_view> LinuxBackend::capabilities() const {
  return {
      "cpuTimes", "cpuCount", "virtualMemory", "swapMemory", "bootTime",
      // --- cpu (percent, stats, freq, load) ---
      "cpuPercent", "cpuTimesPercent", "cpuStats", "cpuFreq", "getloadavg",
      // --- disks ---
      "diskPartitions", "diskUsage", "diskIoCounters",
      // --- other system info (users, pids) ---
      "users", "pids", "pidExists",
      // --- snapshot ---
      "systemSnapshot",
      // --- network ---
      "netIoCounters", "netConnections", "netIfAddrs", "netIfStats",
      // --- sensors ---
      "sensorsTemperatures", "sensorsFans", "sensorsBattery", "hwmonChips", "powerSupplies",
      // --- processes ---
      "Process", "processIter", "waitProcs", "processTable",
  };
}

FileReader& LinuxBackend::reader() { return threadReader(); }

Procfs LinuxBackend::procfs() const { return Procfs(roots_); }

}  // namespace procyon
