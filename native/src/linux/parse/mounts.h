#pragma once

// Mount tables (/proc/self/mounts, /etc/mtab), /proc/filesystems, and the
// files psutil's RootFsDeviceFinder consults.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/records_disk.h"

namespace procyon::parse {

// getmntent(3) semantics: blank and '#' lines skipped, fields split on
// spaces/tabs, missing fields empty, and the octal escapes \040 \011 \012
// \134 (and "\\") decoded.
std::vector<DiskPartition> parseMounts(std::string_view text);

// The escape decoding getmntent applies to each field.
std::string decodeMountField(std::string_view field);

// /proc/filesystems: the types not marked "nodev", plus "zfs" (psutil's rule
// for disk_partitions(all=False)).
std::set<std::string, std::less<>> parsePhysicalFilesystems(std::string_view text);

// /proc/partitions (header lines skipped): "/dev/<name>" of the entry with
// this major:minor, if any.
std::optional<std::string> findPartitionDevice(std::string_view text, unsigned major, unsigned minor);

// A sysfs uevent file: "/dev/<DEVNAME>", if it has a non-empty DEVNAME.
std::optional<std::string> ueventDevice(std::string_view text);

}  // namespace procyon::parse
