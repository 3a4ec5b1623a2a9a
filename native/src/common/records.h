#pragma once

#include "common/record.h"

#include <variant>
#include <vector>

// The psutil-shaped results every backend returns. Numbers are doubles
// because they become JS numbers; byte counts stay exact below 2^53.

namespace procyon {

// psutil.cpu_times() on Linux: seconds per mode.
#define PROCYON_CPU_TIMES_FIELDS(X) \
  X(double, user, 0) \
  X(double, nice, 0) \
  X(double, system, 0) \
  X(double, idle, 0) \
  X(double, iowait, 0) \
  X(double, irq, 0) \
  X(double, softirq, 0) \
  X(double, steal, 0) \
  X(double, guest, 0) \
  X(double, guestNice, 0)
PROCYON_RECORD(CpuTimes, PROCYON_CPU_TIMES_FIELDS)
#undef PROCYON_CPU_TIMES_FIELDS

// psutil.cpu_times() on Windows: seconds per mode, psutil's scputimes there
// (system is kernel time less idle; interrupt and DPC time are inside it).
#define PROCYON_WINDOWS_CPU_TIMES_FIELDS(X) \
  X(double, user, 0) \
  X(double, system, 0) \
  X(double, idle, 0) \
  X(double, interrupt, 0) \
  X(double, dpc, 0)
PROCYON_RECORD(WindowsCpuTimes, PROCYON_WINDOWS_CPU_TIMES_FIELDS)
#undef PROCYON_WINDOWS_CPU_TIMES_FIELDS

// psutil's scputimes has the platform's fields: a platform answers with its
// own record (as psutil's namedtuple per platform), never another's zeros.
using SystemCpuTimes = std::variant<CpuTimes, WindowsCpuTimes>;
using PerCpuTimes = std::variant<std::vector<CpuTimes>, std::vector<WindowsCpuTimes>>;

// psutil.virtual_memory(), bytes; percent in 0..100 rounded to one decimal.
#define PROCYON_VIRTUAL_MEMORY_FIELDS(X) \
  X(double, total, 0) \
  X(double, available, 0) \
  X(double, percent, 0) \
  X(double, used, 0) \
  X(double, free, 0) \
  X(double, active, 0) \
  X(double, inactive, 0) \
  X(double, buffers, 0) \
  X(double, cached, 0) \
  X(double, shared, 0) \
  X(double, slab, 0)
PROCYON_RECORD(VirtualMemory, PROCYON_VIRTUAL_MEMORY_FIELDS)
#undef PROCYON_VIRTUAL_MEMORY_FIELDS

// psutil.swap_memory(), bytes; sin/sout cumulative bytes swapped in/out.
#define PROCYON_SWAP_MEMORY_FIELDS(X) \
  X(double, total, 0) \
  X(double, used, 0) \
  X(double, free, 0) \
  X(double, percent, 0) \
  X(double, sin, 0) \
  X(double, sout, 0)
PROCYON_RECORD(SwapMemory, PROCYON_SWAP_MEMORY_FIELDS)
#undef PROCYON_SWAP_MEMORY_FIELDS

}  // namespace procyon
