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
// bytes (sectors * 512) and milliseconds. JS sees it with its name (the
// per-disk list) and without (the total, systemSnapshot's name-keyed map:
// binding/to_js_disk.h), lib/disks.ts's NamedDiskIoCounters and
// DiskIoCounters; the backend calls it DiskIoCounters.
#define PROCYON_NAMED_DISK_IO_COUNTERS_FIELDS(X)                                                      \
  X(std::string, name, {}) X(double, readCount, 0) X(double, writeCount, 0) X(double, readBytes, 0) \
  X(double, writeBytes, 0) X(double, readTime, 0) X(double, writeTime, 0) X(double, readMergedCount, 0) \
  X(double, writeMergedCount, 0) X(double, busyTime, 0)
PROCYON_RECORD(NamedDiskIoCounters, PROCYON_NAMED_DISK_IO_COUNTERS_FIELDS)
#undef PROCYON_NAMED_DISK_IO_COUNTERS_FIELDS
using DiskIoCounters = NamedDiskIoCounters;

}  // namespace procyon
