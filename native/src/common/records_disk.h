#pragma once

#include "common/record.h"

// psutil-shaped disk results (disk_partitions, disk_usage, disk_io_counters).

#include <string>

namespace procyon {

// psutil.disk_partitions(): one mounted filesystem. (maxfile/maxpath were
// removed in psutil 6.0.0, so they are not reported.)
#define PROCYON_DISK_PARTITION_FIELDS(X) \
  X(std::string, device, {}) \
  X(std::string, mountpoint, {}) \
  X(std::string, fstype, {}) \
  X(std::string, opts, {})
PROCYON_RECORD(DiskPartition, PROCYON_DISK_PARTITION_FIELDS)
#undef PROCYON_DISK_PARTITION_FIELDS

// psutil.disk_usage(): bytes, df-like (free is what a user may use; percent
// is used / (used + free)).
#define PROCYON_DISK_USAGE_FIELDS(X) \
  X(double, total, 0) \
  X(double, used, 0) \
  X(double, free, 0) \
  X(double, percent, 0)
PROCYON_RECORD(DiskUsage, PROCYON_DISK_USAGE_FIELDS)
#undef PROCYON_DISK_USAGE_FIELDS

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
