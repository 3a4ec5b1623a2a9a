#include "linux/parse/virtual_memory.h"

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "common/percent.h"

namespace procyon::parse {
namespace {

// Arithmetic is in double, like the JS numbers it becomes: exact for any real
// memory size (< 2^53 bytes) and free of integer overflow on hostile input.
double value(const Meminfo& meminfo, std::string_view key, double fallback = 0) {
  const auto bytes = meminfo.get(key);
  return bytes ? static_cast<double>(*bytes) : fallback;
}

double required(const Meminfo& meminfo, std::string_view key) {
  const auto bytes = meminfo.get(key);
  if (!bytes) throw Error::parse("no " + std::string(key) + " line");
  return static_cast<double>(*bytes);
}

bool hasEstimateInputs(const Meminfo& meminfo) {
  return meminfo.get("Active(file)") && meminfo.get("Inactive(file)") && meminfo.get("SReclaimable");
}

// psutil's calculate_avail_vmem(): the kernel's MemAvailable algorithm
// (commit 34e431b0ae39), reimplemented for kernels that lack the field.
double estimateAvailable(const Meminfo& meminfo, std::optional<uint64_t> lowWatermarkPages, uint64_t pageSize) {
  const double free = required(meminfo, "MemFree");
  const double fallback = free + value(meminfo, "Cached");
  if (!hasEstimateInputs(meminfo) || !lowWatermarkPages) return fallback;

  const double watermarkLow = static_cast<double>(*lowWatermarkPages) * static_cast<double>(pageSize);
  double available = free - watermarkLow;
  double pagecache = value(meminfo, "Active(file)") + value(meminfo, "Inactive(file)");
  pagecache -= std::min(pagecache / 2, watermarkLow);
  available += pagecache;
  const double slabReclaimable = value(meminfo, "SReclaimable");
  available += slabReclaimable - std::min(slabReclaimable / 2.0, watermarkLow);
  return std::trunc(available);  // Python's int()
}

}  // namespace

bool virtualMemoryNeedsZoneinfo(const Meminfo& meminfo) {
  const auto available = meminfo.get("MemAvailable");
  return (!available || *available == 0) && hasEstimateInputs(meminfo);
}

VirtualMemory computeVirtualMemory(const Meminfo& meminfo, std::optional<uint64_t> lowWatermarkPages,
                                   uint64_t pageSize) {
  VirtualMemory vm;
  vm.total = required(meminfo, "MemTotal");
  vm.free = required(meminfo, "MemFree");
  vm.buffers = value(meminfo, "Buffers");
  // "free" (procps) counts reclaimable slab as cache; so does psutil.
  vm.cached = meminfo.get("Cached") ? value(meminfo, "Cached") + value(meminfo, "SReclaimable") : 0;
  vm.shared = value(meminfo, "Shmem", value(meminfo, "MemShared"));  // MemShared: 2.4 kernels
  vm.active = value(meminfo, "Active");
  if (meminfo.get("Inactive")) {
    vm.inactive = value(meminfo, "Inactive");
  } else if (meminfo.get("Inact_dirty") && meminfo.get("Inact_clean") && meminfo.get("Inact_laundry")) {
    vm.inactive = value(meminfo, "Inact_dirty") + value(meminfo, "Inact_clean") + value(meminfo, "Inact_laundry");
  }
  vm.slab = value(meminfo, "Slab");

  // psutil 5.9 and the current documentation agree on this formula (the doc
  // leaves "used" platform-defined); a negative result means container-skewed
  // numbers, where psutil falls back to total - free.
  vm.used = vm.total - vm.free - vm.cached - vm.buffers;
  if (vm.used < 0) vm.used = vm.total - vm.free;

  const auto memAvailable = meminfo.get("MemAvailable");
  double available = memAvailable && *memAvailable != 0 ? static_cast<double>(*memAvailable)
                                                        : estimateAvailable(meminfo, lowWatermarkPages, pageSize);
  if (available < 0) available = 0;
  else if (available > vm.total) available = vm.free;  // container-skewed, as procps does
  vm.available = available;
  vm.percent = usagePercent(vm.total - vm.available, vm.total);
  return vm;
}

}  // namespace procyon::parse
