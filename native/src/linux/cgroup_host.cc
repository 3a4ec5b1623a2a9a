// Locating the cgroup hierarchies (cgroup_host.h).

#include "linux/cgroup_host.h"

#include <sys/stat.h>

#include "common/file_reader.h"
#include "linux/parse/cgroup_files.h"
#include "linux/procfs.h"

namespace procyon::linux_cgroups {
namespace {

std::string_view withoutTrailingSlashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

std::string resolveMountPoint(const Roots& roots, std::string_view mountPoint) {
  if (mountPoint == "/sys" || parse::startsWith(mountPoint, "/sys/")) return joinPath(roots.sysfs, mountPoint.substr(4));
  return joinPath(treeTop(roots), mountPoint);
}

std::optional<Hierarchy> find(const Roots& roots, std::string_view fstype, std::string_view controller) {
  const Procfs procfs(roots);
  const auto text = procfs.readIfExists("self/mountinfo");
  if (!text) return std::nullopt;
  const auto mount = parse::findCgroupMount(*text, fstype, controller);
  if (!mount) return std::nullopt;
  Hierarchy hierarchy{mount->mountPoint, mount->root, resolveMountPoint(roots, mount->mountPoint)};
  return hierarchy;
}

bool isDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::string treeTop(const Roots& roots) {
  const std::string_view sysfs = withoutTrailingSlashes(roots.sysfs);
  const size_t slash = sysfs.find_last_of('/');
  if (slash == std::string_view::npos || slash == 0) return "/";
  return std::string(sysfs.substr(0, slash));
}

std::optional<Hierarchy> unifiedHierarchy(const Roots& roots) { return find(roots, "cgroup2", {}); }

std::optional<Hierarchy> v1Hierarchy(const Roots& roots, std::string_view controller) { return find(roots, "cgroup", controller); }

std::string missingUnified(const Roots& roots) {
  std::optional<Hierarchy> unified;
  try {
    unified = unifiedHierarchy(roots);
  } catch (const Error&) {
    unified = std::nullopt;
  }
  if (!unified) return joinPath(roots.procfs, "self/mountinfo");
  return isDirectory(unified->dir) ? std::string() : unified->dir;
}

std::optional<std::string> v1GroupDir(const Hierarchy& hierarchy, std::string_view path) {
  const std::string_view root = withoutTrailingSlashes(hierarchy.root);
  if (root != "/") {
    if (!parse::startsWith(path, root) || (path.size() > root.size() && path[root.size()] != '/')) return std::nullopt;
    path.remove_prefix(root.size());
  }
  return joinPath(hierarchy.dir, path);
}

std::string hierarchyPath(const Hierarchy& hierarchy, std::string_view path) {
  const std::string_view root = withoutTrailingSlashes(hierarchy.root);
  if (root == "/" || root.empty()) return std::string(path);
  if (path == "/") return std::string(root);
  return std::string(root) + std::string(path);
}

std::optional<std::string> mirroredV1Group(const Hierarchy& unified, const Hierarchy& v1, std::string_view path, std::string_view controller,
                                           const std::optional<std::string>* memberCgroup) {
  const std::string wanted = hierarchyPath(unified, path);
  if (memberCgroup) {
    if (!*memberCgroup) return std::nullopt;  // the member went or hid meanwhile: nobody vouches for a v1 group
    const auto inV2 = parse::procCgroupPath(**memberCgroup);
    const auto inV1 = parse::procCgroupPath(**memberCgroup, controller);
    if (!inV2 || !inV1 || *inV2 != wanted || *inV1 != wanted) return std::nullopt;
  }
  auto dir = v1GroupDir(v1, wanted);
  if (!dir || !isDirectory(*dir)) return std::nullopt;
  return dir;
}

std::optional<std::string> memberCgroupFile(const Roots& roots, int64_t pid) {
  try {
    const auto text = Procfs(roots).readIfExists(std::to_string(pid) + "/cgroup");
    if (!text) return std::nullopt;
    return std::string(*text);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace procyon::linux_cgroups
