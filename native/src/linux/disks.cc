// disk_partitions, disk_usage and disk_io_counters: psutil's _pslinux.py
// and _psposix.py over the roots.

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <unordered_map>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "common/percent.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/diskstats.h"
#include "linux/parse/mounts.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

bool isRegularFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool isRealDirectory(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// psutil's RootFsDeviceFinder: the real device behind "/dev/root" or
// "rootfs", from the device number of "/". Only meaningful for the live
// system, so only asked for the default procfs.
std::optional<std::string> findRootDevice(FileReader& files, const Roots& roots) {
  struct stat st {};
  if (::stat("/", &st) != 0) return std::nullopt;
  const unsigned major = ::major(st.st_dev);
  const unsigned minor = ::minor(st.st_dev);
  std::optional<std::string> device;
  if (const auto partitions = files.readIfExists(roots.procfs, "partitions")) {
    device = parse::findPartitionDevice(*partitions, major, minor);
  }
  if (!device) {
    const std::string uevent = "dev/block/" + std::to_string(major) + ":" + std::to_string(minor) + "/uevent";
    if (const auto text = files.readIfExists(roots.sysfs, uevent)) device = parse::ueventDevice(*text);
  }
  if (!device) {
    const std::string needle = std::to_string(major) + ":" + std::to_string(minor);
    const std::string classBlock = joinPath(roots.sysfs, "class/block");
    for (const std::string& name : listDirectory(classBlock)) {
      const auto text = files.readIfExists(classBlock, name + "/dev");
      if (text && parse::trim(*text) == needle) {
        device = "/dev/" + name;
        break;
      }
    }
  }
  if (device && exists(*device)) return device;
  return std::nullopt;
}

// psutil's is_storage_device: a whole disk (or virtual device) has an entry
// in /sys/block; partitions do not. '/' in a name is '!' there (cciss/c0d0).
bool isStorageDevice(const std::string& blockDirectory, std::string name) {
  for (char& c : name) {
    if (c == '/') c = '!';
  }
  return exists(joinPath(blockDirectory, name));
}

// psutil's fallback without diskstats: <sysfs>/block/<dev>/stat and the
// partitions' <dev>/<part>/stat (real subdirectories, links not followed).
std::vector<DiskIoCounters> readSysBlock(FileReader& files, const std::string& blockDirectory) {
  std::vector<DiskIoCounters> disks;
  const auto readStat = [&](const std::string& directory, const std::string& name) {
    if (const auto text = files.readIfExists(directory, "stat")) {
      disks.push_back(annotatePath(files.path(), [&] { return parse::parseSysBlockStat(name, *text); }));
    }
  };
  for (const std::string& block : listDirectory(blockDirectory)) {
    const std::string directory = joinPath(blockDirectory, block);
    readStat(directory, block);
    for (const std::string& child : listDirectory(directory)) {
      const std::string childDirectory = joinPath(directory, child);
      if (isRealDirectory(childDirectory)) readStat(childDirectory, child);
    }
  }
  return disks;
}

}  // namespace

std::vector<DiskPartition> LinuxBackend::diskPartitions(bool all) const {
  FileReader& files = reader();
  const std::string_view filesystemsText = procfs().read("filesystems");
  const auto physical = parse::parsePhysicalFilesystems(filesystemsText);

  // psutil issue #1307: the live system reads /etc/mtab when it is a file
  // (normally a link to /proc/self/mounts); a root reads <root>/self/mounts.
  std::optional<std::string_view> mountsText;
  const bool live = roots_.live;
  if (live && isRegularFile("/etc/mtab")) mountsText = files.readIfExists("/", "etc/mtab");
  if (!mountsText) mountsText = procfs().readIfExists("self/mounts");
  // Captured trees often store "self" as a plain file; their mounts then sit at <root>/mounts.
  if (!mountsText) mountsText = procfs().read("mounts");
  std::vector<DiskPartition> mounts = parse::parseMounts(*mountsText);

  std::vector<DiskPartition> partitions;
  for (DiskPartition& mount : mounts) {
    if (mount.device == "none") mount.device.clear();
    if (live && (mount.device == "/dev/root" || mount.device == "rootfs")) {
      if (auto device = findRootDevice(files, roots_)) mount.device = std::move(*device);
    }
    if (!all && (mount.device.empty() || physical.find(mount.fstype) == physical.end())) continue;
    partitions.push_back(std::move(mount));
  }
  return partitions;
}

DiskUsage LinuxBackend::diskUsage(const std::string& path) const {
  struct statvfs st {};
  int rc;
  do {
    rc = ::statvfs(path.c_str(), &st);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) throw Error::fromErrno(errno, "statvfs", path);
  const double frsize = static_cast<double>(st.f_frsize);
  DiskUsage usage;
  usage.total = static_cast<double>(st.f_blocks) * frsize;
  const double availToRoot = static_cast<double>(st.f_bfree) * frsize;
  usage.free = static_cast<double>(st.f_bavail) * frsize;
  usage.used = usage.total - availToRoot;
  // The user's view, like df: used / (used + what a user may still use).
  usage.percent = usagePercent(usage.used, usage.used + usage.free);
  return usage;
}

std::vector<DiskIoCounters> LinuxBackend::diskIoCounters(bool perdisk) const {
  FileReader& files = reader();
  const std::string blockDirectory = joinPath(roots_.sysfs, "block");
  std::vector<DiskIoCounters> raw;
  if (const auto text = procfs().readIfExists("diskstats")) {
    raw = annotatePath(files.path(), [&] { return parse::parseDiskstats(*text); });
  } else if (exists(blockDirectory)) {
    raw = readSysBlock(files, blockDirectory);
  } else {
    const std::string path = joinPath(roots_.procfs, "diskstats");
    throw Error(ErrorCode::NotFound, path + ": neither diskstats nor " + blockDirectory + " is available", path, ENOENT);
  }

  // psutil builds a dict: a repeated name replaces the earlier entry in place.
  std::vector<DiskIoCounters> disks;
  std::unordered_map<std::string, size_t> index;
  for (DiskIoCounters& disk : raw) {
    if (!perdisk && !isStorageDevice(blockDirectory, disk.name)) continue;
    const auto [it, inserted] = index.emplace(disk.name, disks.size());
    if (inserted) disks.push_back(std::move(disk));
    else disks[it->second] = std::move(disk);
  }
  return disks;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"diskPartitions", Root::Procfs, {"self/mounts", "mounts"}},
    {"diskUsage", Root::None, {}},
    {"diskIoCounters", Root::Procfs, {"diskstats", "partitions"}},
};

}  // namespace

}  // namespace procyon
