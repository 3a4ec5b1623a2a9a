#pragma once

// psutil-shaped disk results (disk_partitions, disk_usage, disk_io_counters).

#include <string>

namespace procyon {

// psutil.disk_partitions(): one mounted filesystem. (maxfile/maxpath were
// removed in psutil 6.0.0, so they are not reported.)
struct DiskPartition {
  std::string device;
  std::string mountpoint;
  std::string fstype;
  std::string opts;
};

// psutil.disk_usage(): bytes, df-like (free is what a user may use; percent
// is used / (used + free)).
struct DiskUsage {
  double total = 0;
  double used = 0;
  double free = 0;
  double percent = 0;
};

// psutil.disk_io_counters() for one device (`name`), raw kernel counters:
// bytes (sectors * 512) and milliseconds.
struct DiskIoCounters {
  std::string name;
  double readCount = 0;
  double writeCount = 0;
  double readBytes = 0;
  double writeBytes = 0;
  double readTime = 0;
  double writeTime = 0;
  double readMergedCount = 0;
  double writeMergedCount = 0;
  double busyTime = 0;
};

}  // namespace procyon
