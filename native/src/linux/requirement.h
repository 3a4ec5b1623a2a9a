#pragma once

// What one collector function needs on Linux, declared next to its reader
// (a static `const RequirementRegistrar kNeeds{{...}};` in linux/<area>.cc);
// LinuxBackend::capabilities() checks every registered row.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace procyon {

struct Roots;

enum class Root { Procfs, Sysfs, None };

// Any one of `anyOf` (under `root`) readable, and the live system when it
// also asks system calls (getifaddrs, ioctls). The files are those psutil's
// _pslinux.py reads for the function.
struct Requirement {
  std::string_view name;
  Root root;
  std::vector<std::string_view> anyOf;  // empty: nothing to read
  bool liveOnly = false;
  // Where files alone cannot say (a mount named in mountinfo): "" when the
  // function works over `roots`, else the missing file to report.
  std::string (*probe)(const Roots& roots) = nullptr;
};

struct RequirementRegistrar {
  RequirementRegistrar(std::initializer_list<Requirement> requirements);
};

const std::vector<Requirement>& registeredRequirements();

}  // namespace procyon
