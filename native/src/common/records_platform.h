#pragma once

// What a backend says about itself (describe(), `procyon capabilities`):
// which collector functions work here and why not, and the platform's
// constants that TypeScript would otherwise restate.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace procyon {

// Why a function is unavailable: a file it reads is missing or unreadable,
// the platform has no such thing, or it reads the live system while the
// roots name a captured tree (mixing the two would be wrong data).
enum class CapabilityReason { None, MissingFile, Permission, Platform, CapturedTree };

inline std::string_view capabilityReasonName(CapabilityReason reason) {
  switch (reason) {
    case CapabilityReason::None: return "";
    case CapabilityReason::MissingFile: return "missing-file";
    case CapabilityReason::Permission: return "permission";
    case CapabilityReason::Platform: return "platform";
    case CapabilityReason::CapturedTree: return "captured-tree";
  }
  return "";
}

struct Capability {
  std::string_view name;
  bool available = false;
  CapabilityReason reason = CapabilityReason::None;
  std::string path;  // the file that is missing or unreadable
};

struct NamedConstant {
  std::string_view name;
  int64_t value = 0;
};

struct PlatformConstants {
  std::string_view platform;  // as Node's process.platform spells it
  std::vector<NamedConstant> signals;  // SIGHUP.. as the platform numbers them
  std::vector<NamedConstant> rlimits;  // RLIMIT_*; Process.rlimit's resources
  int64_t rlimInfinity = -1;  // as Python's resource.RLIM_INFINITY
  std::vector<NamedConstant> ioprioClasses;  // IOPRIO_CLASS_*
  std::vector<NamedConstant> priorityClasses;  // *_PRIORITY_CLASS (Windows); empty where priority is a nice value
  std::vector<NamedConstant> ioPriorities;  // IOPRIO_VERYLOW.. (Windows): Process.ionice's levels; empty where it takes ioprioClasses
  int64_t niceMin = 0, niceMax = 0;  // Process.nice's range where priority is a nice value
  std::vector<NamedConstant> addressFamilies;  // AF_* of netConnections / netIfAddrs
  std::vector<NamedConstant> socketTypes;  // SOCK_*
  std::vector<std::string_view> connectionKinds;  // netConnections({kind}), psutil's order
  std::vector<std::string_view> connectionStatuses;  // CONN_* values this platform reports
  std::vector<std::string_view> processStatuses;  // STATUS_* values this platform reports
  // virtualMemory()'s fields psutil has here (Windows: total, available, percent, used, free); the rest of the record stays 0.
  std::vector<std::string_view> virtualMemoryFields;
};

}  // namespace procyon
