#include "linux/parse/diskstats.h"

#include <array>
#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

// Enough for the longest line we interpret in full (15 columns); longer
// lines are only counted.
constexpr size_t kMaxColumns = 32;

double number(std::string_view token, std::string_view line) {
  const auto value = toUint64(token);
  if (!value) {
    throw Error::parse("malformed value '" + std::string(token.substr(0, 64)) + "' in line '" +
                       std::string(line.substr(0, 200)) + "'");
  }
  return static_cast<double>(*value);
}

// reads, reads_merged, sectors read, read ms, writes, writes_merged,
// sectors written, write ms, (in flight), busy ms: the shared column run.
void fillStandard(DiskIoCounters& disk, const std::string_view* f, std::string_view line) {
  disk.readCount = number(f[0], line);
  disk.readMergedCount = number(f[1], line);
  disk.readBytes = number(f[2], line) * kDiskSectorSize;
  disk.readTime = number(f[3], line);
  disk.writeCount = number(f[4], line);
  disk.writeMergedCount = number(f[5], line);
  disk.writeBytes = number(f[6], line) * kDiskSectorSize;
  disk.writeTime = number(f[7], line);
  disk.busyTime = number(f[9], line);
}

}  // namespace

std::vector<DiskIoCounters> parseDiskstats(std::string_view text) {
  std::vector<DiskIoCounters> disks;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    std::array<std::string_view, kMaxColumns> fields{};
    size_t count = 0;
    std::string_view rest = line;
    for (std::string_view token = nextToken(rest); !token.empty(); token = nextToken(rest)) {
      if (count < fields.size()) fields[count] = token;
      ++count;
    }
    if (count == 0) continue;
    DiskIoCounters disk;
    if (count == 15) {
      // Linux 2.4, mapped exactly as psutil maps it.
      disk.name = std::string(fields[3]);
      disk.readCount = number(fields[2], line);
      disk.readMergedCount = number(fields[4], line);
      disk.readBytes = number(fields[5], line) * kDiskSectorSize;
      disk.readTime = number(fields[6], line);
      disk.writeCount = number(fields[7], line);
      disk.writeMergedCount = number(fields[8], line);
      disk.writeBytes = number(fields[9], line) * kDiskSectorSize;
      disk.writeTime = number(fields[10], line);
      disk.busyTime = number(fields[12], line);
    } else if (count == 14 || count >= 18) {
      disk.name = std::string(fields[2]);
      fillStandard(disk, &fields[3], line);
    } else if (count == 7) {
      disk.name = std::string(fields[2]);
      disk.readCount = number(fields[3], line);
      disk.readBytes = number(fields[4], line) * kDiskSectorSize;
      disk.writeCount = number(fields[5], line);
      disk.writeBytes = number(fields[6], line) * kDiskSectorSize;
    } else {
      throw Error::parse("not sure how to interpret line '" + std::string(line.substr(0, 200)) + "' (" +
                         std::to_string(count) + " fields)");
    }
    disks.push_back(std::move(disk));
  }
  return disks;
}

DiskIoCounters parseSysBlockStat(std::string_view name, std::string_view text) {
  std::array<std::string_view, 10> fields{};
  std::string_view rest = text;
  size_t count = 0;
  for (; count < fields.size(); ++count) {
    fields[count] = nextToken(rest);
    if (fields[count].empty()) break;
  }
  if (count < fields.size()) throw Error::parse("a block stat file with " + std::to_string(count) + " fields, expected 10+");
  DiskIoCounters disk;
  disk.name = std::string(name);
  fillStandard(disk, fields.data(), trim(text));
  return disk;
}

}  // namespace procyon::parse
