#pragma once

#include "common/record.h"

// psutil-shaped CPU results beyond cpu_times/cpu_count (cpu_stats,
// cpu_freq, getloadavg).

namespace procyon {

// psutil.cpu_stats(): counters since boot. syscalls is always 0 on Linux.
#define PROCYON_CPU_STATS_FIELDS(X) \
  X(double, ctxSwitches, 0) \
  X(double, interrupts, 0) \
  X(double, softInterrupts, 0) \
  X(double, syscalls, 0)
PROCYON_RECORD(CpuStats, PROCYON_CPU_STATS_FIELDS)
#undef PROCYON_CPU_STATS_FIELDS

// psutil.cpu_freq(): MHz; min/max 0 when undeterminable.
#define PROCYON_CPU_FREQ_FIELDS(X) \
  X(double, current, 0) \
  X(double, min, 0) \
  X(double, max, 0)
PROCYON_RECORD(CpuFreq, PROCYON_CPU_FREQ_FIELDS)
#undef PROCYON_CPU_FREQ_FIELDS

// psutil.getloadavg(): the 1, 5 and 15 minute load averages.
struct LoadAvg {
  double one = 0;
  double five = 0;
  double fifteen = 0;
};

}  // namespace procyon
