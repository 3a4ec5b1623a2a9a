#pragma once

// The one interface every platform implements. Methods are const and
// thread-safe: async calls run them concurrently on libuv's thread pool.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/records.h"

namespace procyon {

// Where a call reads from. The JS face resolves the defaults (option, then
// PROCYON_PROCFS / PROCYON_SYSFS, then /proc and /sys) before calling in.
struct Roots {
  std::string procfs = "/proc";
  std::string sysfs = "/sys";
};

class Backend {
 public:
  virtual ~Backend() = default;

  // Names (as exported to JS) of the functions this platform implements;
  // anything else throws UNSUPPORTED when called.
  virtual std::vector<std::string_view> capabilities() const = 0;

  virtual CpuTimes cpuTimes(const Roots& roots) const = 0;
  virtual std::vector<CpuTimes> perCpuTimes(const Roots& roots) const = 0;
  // nullopt when undeterminable, like os.cpu_count().
  virtual std::optional<uint64_t> logicalCpuCount(const Roots& roots) const = 0;
  virtual std::optional<uint64_t> physicalCpuCount(const Roots& roots) const = 0;
  virtual VirtualMemory virtualMemory(const Roots& roots) const = 0;
  virtual SwapMemory swapMemory(const Roots& roots) const = 0;
  // Seconds since the epoch.
  virtual double bootTime(const Roots& roots) const = 0;
};

// The backend for the platform this addon was built for (backend_factory.cc).
std::shared_ptr<const Backend> createBackend();

}  // namespace procyon
