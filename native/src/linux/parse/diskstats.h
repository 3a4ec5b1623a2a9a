#pragma once

// /proc/diskstats and /sys/block/*/stat, psutil's readings of both.

#include <string_view>
#include <vector>

#include "common/records_disk.h"

namespace procyon::parse {

// psutil's sector size: the kernel always counts 512-byte sectors here.
inline constexpr double kDiskSectorSize = 512;

// Every line of /proc/diskstats, in file order. Field counts: 14 (2.6+ disk),
// 15 (2.4, name in column 4), 7 (2.6 partition: reads, sectors read, writes,
// sectors written), 18+ (4.18+: discard and 5.5+: flush columns, ignored).
// Blank lines are skipped; any other count is a PARSE_ERROR, as psutil's ValueError.
std::vector<DiskIoCounters> parseDiskstats(std::string_view text);

// One /sys/block/<dev>[/<part>]/stat file (psutil's fallback when there is no
// diskstats): the first 10 numbers.
DiskIoCounters parseSysBlockStat(std::string_view name, std::string_view text);


}  // namespace procyon::parse
