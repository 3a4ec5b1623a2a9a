#include "common/totals.h"

namespace procyon {

std::optional<CpuFreq> averageCpuFreq(const std::vector<CpuFreq>& cpus) {
  if (cpus.empty()) return std::nullopt;
  if (cpus.size() == 1) return cpus.front();
  // Summed in order and divided once, exactly as psutil does.
  double current = 0, min = 0, max = 0;
  for (const CpuFreq& cpu : cpus) {
    current += cpu.current;
    min += cpu.min;
    max += cpu.max;
  }
  const double count = static_cast<double>(cpus.size());
  return CpuFreq{current / count, min / count, max / count};
}


DiskIoCounters sumDiskIoCounters(const std::vector<DiskIoCounters>& disks) {
  DiskIoCounters total;
  for (const DiskIoCounters& d : disks) {
    total.readCount += d.readCount;
    total.writeCount += d.writeCount;
    total.readBytes += d.readBytes;
    total.writeBytes += d.writeBytes;
    total.readTime += d.readTime;
    total.writeTime += d.writeTime;
    total.readMergedCount += d.readMergedCount;
    total.writeMergedCount += d.writeMergedCount;
    total.busyTime += d.busyTime;
  }
  return total;
}


}  // namespace procyon
