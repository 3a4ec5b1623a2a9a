#pragma once

// psutil's whole-machine figures built from per-device ones, the same on
// every platform (the per-device reads are the backend's).

#include <optional>
#include <vector>

#include "common/records_cpu.h"
#include "common/records_disk.h"

namespace procyon {

// psutil.cpu_freq(percpu=False): nullopt for no CPUs, the entry itself for
// one, otherwise the per-field average.
std::optional<CpuFreq> averageCpuFreq(const std::vector<CpuFreq>& cpus);

// psutil's sum over the devices (the total for perdisk=False).
DiskIoCounters sumDiskIoCounters(const std::vector<DiskIoCounters>& disks);

}  // namespace procyon
