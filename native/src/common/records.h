#pragma once

// The psutil-shaped results every backend returns. Numbers are doubles
// because they become JS numbers; byte counts stay exact below 2^53.

namespace procyon {

// psutil.cpu_times(): seconds per mode. Fields a platform lacks are 0.
struct CpuTimes {
  double user = 0;
  double nice = 0;
  double system = 0;
  double idle = 0;
  double iowait = 0;
  double irq = 0;
  double softirq = 0;
  double steal = 0;
  double guest = 0;
  double guestNice = 0;
};

// psutil.virtual_memory(), bytes; percent in 0..100 rounded to one decimal.
struct VirtualMemory {
  double total = 0;
  double available = 0;
  double percent = 0;
  double used = 0;
  double free = 0;
  double active = 0;
  double inactive = 0;
  double buffers = 0;
  double cached = 0;
  double shared = 0;
  double slab = 0;
};

// psutil.swap_memory(), bytes; sin/sout cumulative bytes swapped in/out.
struct SwapMemory {
  double total = 0;
  double used = 0;
  double free = 0;
  double percent = 0;
  double sin = 0;
  double sout = 0;
};

}  // namespace procyon
