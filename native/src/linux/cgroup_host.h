#pragma once

// Where the cgroup hierarchies are on this backend's machine, shared by the
// reader (cgroups.cc) and the actions (cgroup_actions.cc). A mount is found in
// <procfs>/self/mountinfo (never assumed: hybrid hosts mount v2 at
// /sys/fs/cgroup/unified) and resolved under the backend's roots: a mount
// point under /sys under the sysfs root, any other under the tree's top (the
// sysfs root's parent, "/" on the live machine), so a captured tree lays its
// hierarchies out as the machine had them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linux/linux_backend.h"

namespace procyon::linux_cgroups {

struct Hierarchy {
  std::string mountPoint;  // as the host names it (mountinfo's field)
  std::string root;        // the part of the hierarchy the mount shows ("/" but under a cgroup namespace)
  std::string dir;         // mountPoint resolved under the backend's roots
};

// The v2 hierarchy: nullopt where nothing of type cgroup2 is mounted.
std::optional<Hierarchy> unifiedHierarchy(const Roots& roots);
// The v1 hierarchy of `controller` ("memory", "blkio"): nullopt where none is mounted.
std::optional<Hierarchy> v1Hierarchy(const Roots& roots, std::string_view controller);

// The directory of the v1 group at hierarchy path `path` (a /proc/PID/cgroup
// path), or nullopt when it lies outside what the mount shows.
std::optional<std::string> v1GroupDir(const Hierarchy& hierarchy, std::string_view path);

// `path` (a Cgroup.path) joined to the v2 hierarchy's path as /proc/PID/cgroup
// writes it: the mount's root, then the path.
std::string hierarchyPath(const Hierarchy& hierarchy, std::string_view path);

// The v1 group in `v1` (a controller's hierarchy) that mirrors the v2 group at
// `path` (systemd's layout on hybrid hosts: the same path in every hierarchy):
// its directory when it exists. `memberCgroup`, when given, is a member's
// /proc/PID/cgroup (nullopt: it could not be read), whose v2 and controller
// lines must both name that path: a v1 group the group's processes are not in
// is not the group's.
std::optional<std::string> mirroredV1Group(const Hierarchy& unified, const Hierarchy& v1, std::string_view path, std::string_view controller,
                                           const std::optional<std::string>* memberCgroup);

// <procfs>/<pid>/cgroup, or nullopt where it is gone or unreadable.
std::optional<std::string> memberCgroupFile(const Roots& roots, int64_t pid);

// The capability probe (requirement.h): "" where the v2 hierarchy is there,
// else the file that says it is not (mountinfo, or the mount's directory).
std::string missingUnified(const Roots& roots);

// The tree's top: the sysfs root's parent ("/" on the live machine).
std::string treeTop(const Roots& roots);

}  // namespace procyon::linux_cgroups
