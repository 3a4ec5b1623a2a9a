#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/metric.h"
#include "common/record.h"

// Control groups as apps, services and containers (issue 23; lib/cgroups.ts is
// the contract these records follow field for field). A platform without
// cgroups registers no reader and answers UNSUPPORTED; a Linux host without a
// cgroup v2 mount answers NOT_FOUND and reports the capability false.

namespace procyon {

// One "some"/"full" line of a group's *.pressure file; total in microseconds
// (the file's own unit, unlike pressureStall's seconds).
#define PROCYON_CGROUP_PRESSURE_LINE_FIELDS(X) \
  X(double, avg10, 0)                          \
  X(double, avg60, 0)                          \
  X(double, avg300, 0)                         \
  X(double, total, 0)
PROCYON_RECORD(CgroupPressureLine, PROCYON_CGROUP_PRESSURE_LINE_FIELDS)
#undef PROCYON_CGROUP_PRESSURE_LINE_FIELDS

#define PROCYON_CGROUP_PRESSURE_FIELDS(X)      \
  X(CgroupPressureLine, some, {})              \
  X(std::optional<CgroupPressureLine>, full, std::nullopt)
PROCYON_RECORD(CgroupPressure, PROCYON_CGROUP_PRESSURE_FIELDS)
#undef PROCYON_CGROUP_PRESSURE_FIELDS

// The three pressure files of a group, each null where the group has none.
#define PROCYON_CGROUP_PRESSURES_FIELDS(X)                 \
  X(std::optional<CgroupPressure>, cpu, std::nullopt)      \
  X(std::optional<CgroupPressure>, memory, std::nullopt)   \
  X(std::optional<CgroupPressure>, io, std::nullopt)
PROCYON_RECORD(CgroupPressures, PROCYON_CGROUP_PRESSURES_FIELDS)
#undef PROCYON_CGROUP_PRESSURES_FIELDS

// cpu.stat: the core fields every v2 group has; the throttling pair only with the cpu controller.
#define PROCYON_CGROUP_CPU_FIELDS(X)                        \
  X(double, usageUsec, 0)                                   \
  X(double, userUsec, 0)                                    \
  X(double, systemUsec, 0)                                  \
  X(std::optional<double>, nrThrottled, std::nullopt)       \
  X(std::optional<double>, throttledUsec, std::nullopt)
PROCYON_RECORD(CgroupCpu, PROCYON_CGROUP_CPU_FIELDS)
#undef PROCYON_CGROUP_CPU_FIELDS

// source: "v2" (the group's own memory.* files) or "v1" (the v1 memory hierarchy's group of the same path).
#define PROCYON_CGROUP_MEMORY_FIELDS(X)             \
  X(double, current, 0)                             \
  X(std::optional<double>, max, std::nullopt)       \
  X(std::optional<double>, anon, std::nullopt)      \
  X(std::optional<double>, file, std::nullopt)      \
  X(std::string, source, {})
PROCYON_RECORD(CgroupMemory, PROCYON_CGROUP_MEMORY_FIELDS)
#undef PROCYON_CGROUP_MEMORY_FIELDS

#define PROCYON_CGROUP_IO_FIELDS(X) \
  X(double, readBytes, 0)           \
  X(double, writeBytes, 0)          \
  X(double, readOps, 0)             \
  X(double, writeOps, 0)            \
  X(std::string, source, {})
PROCYON_RECORD(CgroupIo, PROCYON_CGROUP_IO_FIELDS)
#undef PROCYON_CGROUP_IO_FIELDS

// kind: app | flatpak | snap | service | user-service | session | container | other.
// engine: docker | podman | cri-o | kubepods, for containers only.
#define PROCYON_CGROUP_FIELDS(X)                             \
  X(std::string, path, {})                                   \
  X(std::string, kind, {})                                   \
  X(std::string, name, {})                                   \
  X(std::string, id, {})                                     \
  X(std::optional<std::string>, engine, std::nullopt)        \
  X(int64_t, uid, 0)                                         \
  X(std::vector<int64_t>, pids, {})                          \
  X(std::optional<double>, pidsCurrent, std::nullopt)        \
  X(CgroupCpu, cpu, {})                                      \
  X(std::optional<CgroupMemory>, memory, std::nullopt)       \
  X(std::optional<CgroupIo>, io, std::nullopt)               \
  X(CgroupPressures, pressure, {})                           \
  X(std::optional<bool>, frozen, std::nullopt)
PROCYON_RECORD(Cgroup, PROCYON_CGROUP_FIELDS)
#undef PROCYON_CGROUP_FIELDS

#define PROCYON_CGROUP_LIST_FIELDS(X) \
  X(std::string, mount, {})           \
  X(std::vector<Cgroup>, groups, {})
PROCYON_RECORD(CgroupList, PROCYON_CGROUP_LIST_FIELDS)
#undef PROCYON_CGROUP_LIST_FIELDS

// cgroupKill's answer. method: "cgroup.kill" | "freeze-and-signal".
#define PROCYON_CGROUP_KILL_OUTCOME_FIELDS(X) \
  X(std::string, method, {})                  \
  X(std::vector<int64_t>, survivors, {})
PROCYON_RECORD(CgroupKillOutcome, PROCYON_CGROUP_KILL_OUTCOME_FIELDS)
#undef PROCYON_CGROUP_KILL_OUTCOME_FIELDS

// cgroups(): the collector function, its snapshot topic and its capability.
PROCYON_METRIC(cgroups, CgroupList)

}  // namespace procyon
