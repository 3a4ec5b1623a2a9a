#pragma once

#include <optional>

#include "common/metric.h"
#include "common/record.h"

// Pressure stall information (Linux's PSI; beyond psutil): how much of the
// time tasks waited for a resource. A kernel without it answers NOT_FOUND; a
// platform without a reader for it, UNSUPPORTED.

namespace procyon {

// One "some" or "full" line: the share of wall time stalled, in percent, over
// 10, 60 and 300 seconds, and the total stall time in seconds since boot.
#define PROCYON_PRESSURE_LINE_FIELDS(X) \
  X(double, avg10, 0)                   \
  X(double, avg60, 0)                   \
  X(double, avg300, 0)                  \
  X(double, total, 0)
PROCYON_RECORD(PressureLine, PROCYON_PRESSURE_LINE_FIELDS)
#undef PROCYON_PRESSURE_LINE_FIELDS

// some: at least one task stalled; full: all non-idle tasks at once. Either
// is null when the resource does not report it (cpu's full before 5.13, irq's some).
#define PROCYON_PRESSURE_RESOURCE_FIELDS(X) \
  X(std::optional<PressureLine>, some, std::nullopt) \
  X(std::optional<PressureLine>, full, std::nullopt)
PROCYON_RECORD(PressureResource, PROCYON_PRESSURE_RESOURCE_FIELDS)
#undef PROCYON_PRESSURE_RESOURCE_FIELDS

// Each resource null when the kernel has no file for it (irq before 6.1).
#define PROCYON_PRESSURE_STALL_FIELDS(X) \
  X(std::optional<PressureResource>, cpu, std::nullopt) \
  X(std::optional<PressureResource>, memory, std::nullopt) \
  X(std::optional<PressureResource>, io, std::nullopt) \
  X(std::optional<PressureResource>, irq, std::nullopt)
PROCYON_RECORD(PressureStall, PROCYON_PRESSURE_STALL_FIELDS)
#undef PROCYON_PRESSURE_STALL_FIELDS

// pressureStall(): the collector function, its snapshot topic and its capability.
PROCYON_METRIC(pressureStall, PressureStall)

}  // namespace procyon
