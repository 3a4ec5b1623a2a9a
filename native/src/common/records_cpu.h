#pragma once

// psutil-shaped CPU results beyond cpu_times/cpu_count (cpu_stats,
// cpu_freq, getloadavg).

namespace procyon {

// psutil.cpu_stats(): counters since boot. syscalls is always 0 on Linux.
struct CpuStats {
  double ctxSwitches = 0;
  double interrupts = 0;
  double softInterrupts = 0;
  double syscalls = 0;
};

// psutil.cpu_freq(): MHz; min/max 0 when undeterminable.
struct CpuFreq {
  double current = 0;
  double min = 0;
  double max = 0;
};

// psutil.getloadavg(): the 1, 5 and 15 minute load averages.
struct LoadAvg {
  double one = 0;
  double five = 0;
  double fifteen = 0;
};

}  // namespace procyon
