// cgroups(): every group of the v2 hierarchy that holds processes, with its
// figures from its own files and a name from its path (parse/cgroup_names.h),
// a .desktop file (apps) or the engine's state files (containers).
//
// Per group: cgroup.procs, cpu.stat, cgroup.events, *.pressure;
// memory.{current,max,stat}, io.stat and pids.current where the v2 hierarchy
// has those controllers, else (hybrid hosts) the v1 memory, blkio and pids
// groups of the same path that a member is in (cgroup_host.h). A group that vanishes while read
// is left out; a file the kernel never writes so is PARSE_ERROR naming it.

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/file_reader.h"
#include "common/records_cgroups.h"
#include "common/unique_fd.h"
#include "linux/cgroup_host.h"
#include "linux/metric_reader.h"
#include "linux/parse/cgroup_files.h"
#include "linux/parse/cgroup_names.h"
#include "linux/parse/json_scan.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

using linux_cgroups::Hierarchy;

// Bounds on what one call walks and keeps: a hierarchy is a few hundred groups
// on a desktop, a few thousand on a busy container host.
constexpr size_t kMaxGroupsVisited = 16384;
constexpr int kMaxDepth = 64;
constexpr size_t kMaxPidsPerGroup = 65536;
// State files read for names: a .desktop file is a few KiB, Docker's
// config.v2.json tens, containers.json grows with the number of containers.
constexpr size_t kMaxDesktopBytes = 256 * 1024;
constexpr size_t kMaxDockerConfigBytes = 4 << 20;
constexpr size_t kMaxStorageBytes = 16 << 20;
constexpr size_t kMaxCachedNames = 1024;

// A whole regular file of at most `limit` bytes; nullopt when missing,
// unreadable, not a regular file, or larger (a name is optional: never the call's failure).
std::optional<std::string> readBounded(const std::string& path, size_t limit) {
  UniqueFd fd(::open(path.c_str(), kReadFlags));
  if (fd.get() < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > limit) return std::nullopt;
  std::string text(static_cast<size_t>(st.st_size) + 1, '\0');
  size_t used = 0;
  while (used < text.size()) {
    const ssize_t n = ::read(fd.get(), text.data() + used, text.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  if (used > limit) return std::nullopt;  // grew past the bound while read
  text.resize(used);
  return text;
}

// --- names: looked up lazily, cached by (file, its mtime and size, key) ---

std::optional<std::string> cachedLookup(const std::string& path, std::string_view key, size_t limit,
                                        std::optional<std::string> (*parse)(std::string_view text, std::string_view key)) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const std::string cacheKey = path + '\0' + std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec) + '\0' +
                               std::to_string(st.st_size) + '\0' + std::string(key);
  static std::mutex mutex;
  static std::map<std::string, std::optional<std::string>> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = cache.find(cacheKey);
    if (found != cache.end()) return found->second;
  }
  std::optional<std::string> value;
  if (const auto text = readBounded(path, limit)) {
    try {
      value = parse(*text, key);
    } catch (const Error&) {
      value = std::nullopt;  // a state file we cannot read is no name, not a failed listing
    }
  }
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= kMaxCachedNames) cache.clear();
  cache[cacheKey] = value;
  return value;
}

// The freedesktop Base Directory Specification's data directories: $XDG_DATA_HOME
// (default ~/.local/share) then $XDG_DATA_DIRS (default /usr/local/share:/usr/share),
// relative entries ignored as the spec says; then Flatpak's and snapd's exports,
// which their profile scripts add to XDG_DATA_DIRS for login shells only. A
// captured tree has no environment: its own /usr/local/share, /usr/share and exports.
std::vector<std::string> dataDirs(const LinuxBackend& backend) {
  std::vector<std::string> dirs;
  const auto addList = [&](std::string_view list) {
    while (!list.empty()) {
      const size_t colon = list.find(':');
      const std::string_view entry = list.substr(0, colon);
      if (!entry.empty() && entry.front() == '/') dirs.emplace_back(entry);
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  };
  const char* exports[] = {"/var/lib/flatpak/exports/share", "/var/lib/snapd/desktop"};
  if (!backend.isLive()) {
    const std::string top = linux_cgroups::treeTop(backend.roots());
    for (const char* dir : {"/usr/local/share", "/usr/share", exports[0], exports[1]}) dirs.push_back(joinPath(top, dir));
    return dirs;
  }
  const char* dataHome = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  if (dataHome && dataHome[0] == '/') dirs.emplace_back(dataHome);
  else if (home && home[0] == '/') dirs.push_back(joinPath(home, ".local/share"));
  const char* dataDirList = std::getenv("XDG_DATA_DIRS");
  if (dataDirList && dataDirList[0] != '\0') addList(dataDirList);
  else addList("/usr/local/share:/usr/share");
  for (const char* dir : exports) dirs.emplace_back(dir);
  return dirs;
}

std::optional<std::string> desktopName(std::string_view text, std::string_view) { return parse::desktopEntryName(text); }
std::optional<std::string> dockerName(std::string_view text, std::string_view) { return parse::dockerContainerName(text); }
std::optional<std::string> storageName(std::string_view text, std::string_view id) { return parse::storageContainerName(text, id); }

// A desktop file id names a file under applications/; the id's '-' may also stand for a subdirectory's '/'.
std::optional<std::string> appName(const std::vector<std::string>& dirs, const std::string& desktopId) {
  if (desktopId.find('/') != std::string::npos || desktopId.size() > 255 || desktopId[0] == '.') return std::nullopt;
  for (const std::string& dir : dirs) {
    if (auto name = cachedLookup(joinPath(dir, "applications/" + desktopId), {}, kMaxDesktopBytes, desktopName)) return name;
  }
  return std::nullopt;
}

std::optional<std::string> containerName(const LinuxBackend& backend, const std::string& engine, const std::string& id, int64_t uid) {
  const std::string top = linux_cgroups::treeTop(backend.roots());
  if (engine == "docker") {
    return cachedLookup(joinPath(top, "var/lib/docker/containers/" + id + "/config.v2.json"), {}, kMaxDockerConfigBytes, dockerName);
  }
  if (engine == "podman" || engine == "cri-o") {
    const char* storage = "overlay-containers/containers.json";
    if (auto name = cachedLookup(joinPath(top, std::string("var/lib/containers/storage/") + storage), id, kMaxStorageBytes, storageName)) return name;
    // Rootless Podman keeps its storage in the owner's home: only the live machine's homes are known.
    if (engine == "podman" && uid != 0 && backend.isLive()) {
      passwd entry {};
      passwd* found = nullptr;
      std::vector<char> buffer(16384);
      if (::getpwuid_r(static_cast<uid_t>(uid), &entry, buffer.data(), buffer.size(), &found) != 0 || !found || !found->pw_dir ||
          found->pw_dir[0] != '/') {
        return std::nullopt;
      }
      return cachedLookup(joinPath(found->pw_dir, std::string(".local/share/containers/storage/") + storage), id, kMaxStorageBytes, storageName);
    }
  }
  return std::nullopt;  // kubepods: containerd's and the kubelet's state is not in a file we can read without their API
}

// --- one group ---

// What one call reads every group against: the hierarchies (mountinfo read once) and the data dirs.
struct Walk {
  const LinuxBackend& backend;
  Hierarchy unified;
  std::optional<Hierarchy> memoryV1;
  std::optional<Hierarchy> blkioV1;
  std::optional<Hierarchy> pidsV1;
  std::vector<std::string> dataDirs;
  size_t visited = 0;
};

// A member's /proc/PID/cgroup, read at most once per group and only where a v1 hierarchy is asked.
class Member {
 public:
  Member(const Roots& roots, int64_t pid) : roots_(roots), pid_(pid) {}
  const std::optional<std::string>& cgroup() {
    if (!read_) text_ = linux_cgroups::memberCgroupFile(roots_, pid_), read_ = true;
    return text_;
  }

 private:
  const Roots& roots_;
  int64_t pid_;
  bool read_ = false;
  std::optional<std::string> text_;
};

template <typename T, typename Parse>
std::optional<T> optionalFile(const std::string& dir, const char* name, Parse&& parse) {
  FileReader& reader = threadReader();
  const auto text = reader.readIfExists(dir, name);
  if (!text) return std::nullopt;
  return annotatePath(reader.path(), [&] { return parse(*text); });
}

std::optional<CgroupMemory> readMemory(const Walk& walk, const std::string& dir, const std::string& path, Member& member) {
  if (auto current = optionalFile<uint64_t>(dir, "memory.current", parse::parseCgroupNumber)) {
    CgroupMemory memory;
    memory.source = "v2";
    memory.current = static_cast<double>(*current);
    if (const auto max = optionalFile<std::optional<uint64_t>>(dir, "memory.max", parse::parseCgroupLimit); max && *max) {
      memory.max = static_cast<double>(**max);
    }
    if (const auto stat = optionalFile<parse::CgroupMemoryStat>(dir, "memory.stat", [](std::string_view t) { return parse::parseCgroupMemoryStat(t, false); })) {
      if (stat->anon) memory.anon = static_cast<double>(*stat->anon);
      if (stat->file) memory.file = static_cast<double>(*stat->file);
    }
    return memory;
  }
  if (!walk.memoryV1) return std::nullopt;
  const auto v1 = linux_cgroups::mirroredV1Group(walk.unified, *walk.memoryV1, path, "memory", &member.cgroup());
  if (!v1) return std::nullopt;
  const auto usage = optionalFile<uint64_t>(*v1, "memory.usage_in_bytes", parse::parseCgroupNumber);
  if (!usage) return std::nullopt;
  CgroupMemory memory;
  memory.source = "v1";
  memory.current = static_cast<double>(*usage);
  if (const auto max = optionalFile<std::optional<uint64_t>>(*v1, "memory.limit_in_bytes", parse::parseCgroupV1Limit); max && *max) {
    memory.max = static_cast<double>(**max);
  }
  if (const auto stat = optionalFile<parse::CgroupMemoryStat>(*v1, "memory.stat", [](std::string_view t) { return parse::parseCgroupMemoryStat(t, true); })) {
    if (stat->anon) memory.anon = static_cast<double>(*stat->anon);
    if (stat->file) memory.file = static_cast<double>(*stat->file);
  }
  return memory;
}

std::optional<CgroupIo> readIo(const Walk& walk, const std::string& dir, const std::string& path, Member& member) {
  if (const auto sums = optionalFile<parse::CgroupIoSums>(dir, "io.stat", parse::parseCgroupIoStat)) {
    return CgroupIo{static_cast<double>(sums->readBytes), static_cast<double>(sums->writeBytes), static_cast<double>(sums->readOps),
                    static_cast<double>(sums->writeOps), "v2"};
  }
  if (!walk.blkioV1) return std::nullopt;
  const auto v1 = linux_cgroups::mirroredV1Group(walk.unified, *walk.blkioV1, path, "blkio", &member.cgroup());
  if (!v1) return std::nullopt;
  // The _recursive files count descendants too, as v2's io.stat does; old kernels have only the group's own.
  const auto bytes = [&](const char* recursive, const char* own) {
    auto value = optionalFile<std::pair<uint64_t, uint64_t>>(*v1, recursive, parse::parseBlkioThrottle);
    return value ? value : optionalFile<std::pair<uint64_t, uint64_t>>(*v1, own, parse::parseBlkioThrottle);
  };
  const auto served = bytes("blkio.throttle.io_service_bytes_recursive", "blkio.throttle.io_service_bytes");
  const auto ops = bytes("blkio.throttle.io_serviced_recursive", "blkio.throttle.io_serviced");
  if (!served || !ops) return std::nullopt;
  return CgroupIo{static_cast<double>(served->first), static_cast<double>(served->second), static_cast<double>(ops->first),
                  static_cast<double>(ops->second), "v1"};
}

// pids.current: the v2 group's, else the v1 pids group of the same path a member is in.
std::optional<double> readPidsCurrent(const Walk& walk, const std::string& dir, const std::string& path, Member& member) {
  auto current = optionalFile<uint64_t>(dir, "pids.current", parse::parseCgroupNumber);
  if (!current && walk.pidsV1) {
    if (const auto v1 = linux_cgroups::mirroredV1Group(walk.unified, *walk.pidsV1, path, "pids", &member.cgroup())) {
      current = optionalFile<uint64_t>(*v1, "pids.current", parse::parseCgroupNumber);
    }
  }
  if (!current) return std::nullopt;
  return static_cast<double>(*current);
}

// The group at `dir` ('/'-rooted `path`), or nullopt when it holds no process or vanished meanwhile.
std::optional<Cgroup> readGroup(const Walk& walk, const std::string& dir, const std::string& path) {
  FileReader& reader = threadReader();
  const auto procs = reader.readIfExists(dir, "cgroup.procs");
  if (!procs) return std::nullopt;
  Cgroup group;
  group.pids = annotatePath(reader.path(), [&] { return parse::parseCgroupProcs(*procs, kMaxPidsPerGroup); });
  if (group.pids.empty()) return std::nullopt;
  std::sort(group.pids.begin(), group.pids.end());
  const auto cpu = optionalFile<CgroupCpu>(dir, "cpu.stat", parse::parseCgroupCpuStat);
  if (!cpu) return std::nullopt;  // every v2 group has cpu.stat: it went while read
  group.cpu = *cpu;
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return std::nullopt;
  group.uid = st.st_uid;
  group.path = path;

  parse::CgroupIdentity identity = parse::classifyCgroup(path);
  group.kind = identity.kind;
  group.id = identity.id;
  group.engine = identity.engine;
  group.name = identity.name;
  if (!identity.desktopId.empty()) {
    if (auto name = appName(walk.dataDirs, identity.desktopId)) group.name = std::move(*name);
  } else if (identity.engine) {
    if (auto name = containerName(walk.backend, *identity.engine, identity.id, group.uid)) group.name = std::move(*name);
  }

  Member member{walk.backend.roots(), group.pids.front()};
  group.pidsCurrent = readPidsCurrent(walk, dir, path, member);
  group.memory = readMemory(walk, dir, path, member);
  group.io = readIo(walk, dir, path, member);
  group.pressure.cpu = optionalFile<CgroupPressure>(dir, "cpu.pressure", parse::parseCgroupPressure);
  group.pressure.memory = optionalFile<CgroupPressure>(dir, "memory.pressure", parse::parseCgroupPressure);
  group.pressure.io = optionalFile<CgroupPressure>(dir, "io.pressure", parse::parseCgroupPressure);
  // The root group has no freezer; elsewhere cgroup.events has "frozen" since 5.2.
  if (const auto events = optionalFile<std::optional<bool>>(dir, "cgroup.events", parse::parseCgroupFrozen)) group.frozen = *events;
  return group;
}

// Depth first, children by name, so a listing is stable between ticks.
void visit(Walk& walk, const std::string& dir, const std::string& path, int depth, std::vector<Cgroup>& out) {
  if (++walk.visited > kMaxGroupsVisited) return;
  try {
    if (auto group = readGroup(walk, dir, path)) out.push_back(std::move(*group));
  } catch (const Error&) {
    // A group removed while read fails its reads with ENODEV or ENOENT: it is no longer there to list.
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return;
    throw;
  }
  if (depth >= kMaxDepth) return;
  DIR* stream = ::opendir(dir.c_str());
  if (!stream) return;  // removed meanwhile, or not ours to list
  std::vector<std::string> children;
  while (const dirent* entry = ::readdir(stream)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (entry->d_type == DT_DIR || entry->d_type == DT_UNKNOWN) children.emplace_back(name);
  }
  ::closedir(stream);
  std::sort(children.begin(), children.end());
  for (const std::string& child : children) {
    const std::string childDir = joinPath(dir, child);
    struct stat st {};
    if (::lstat(childDir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    visit(walk, childDir, path == "/" ? "/" + child : path + "/" + child, depth + 1, out);
  }
}

CgroupList read(const LinuxBackend& backend) {
  auto unified = linux_cgroups::unifiedHierarchy(backend.roots());
  if (!unified) throw Error(ErrorCode::NotFound, "no cgroup2 hierarchy is mounted", backend.procfs().path("self/mountinfo"));
  struct stat st {};
  if (::stat(unified->dir.c_str(), &st) != 0) throw Error::fromErrno(errno, "stat", unified->dir);
  CgroupList list;
  list.mount = unified->mountPoint;
  Walk walk{backend, std::move(*unified), linux_cgroups::v1Hierarchy(backend.roots(), "memory"),
            linux_cgroups::v1Hierarchy(backend.roots(), "blkio"), linux_cgroups::v1Hierarchy(backend.roots(), "pids"), dataDirs(backend)};
  visit(walk, walk.unified.dir, "/", 0, list.groups);
  return list;
}

// Available where mountinfo names a cgroup2 mount whose directory is there (cgroup_host.h).
const LinuxReader<CgroupList> kRead{read, {Root::Procfs, {"self/mountinfo"}, false, linux_cgroups::missingUnified}};

}  // namespace
}  // namespace procyon
