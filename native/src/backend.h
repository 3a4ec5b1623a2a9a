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
// --- processes ---
#include "common/records_process.h"

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

  // --- processes ---
  // psutil.pids(), sorted; psutil.pid_exists().
  virtual std::vector<int64_t> processPids(const Roots& roots) const = 0;
  virtual bool processPidExists(const Roots& roots, int64_t pid) const = 0;
  // The sections of one process a Process method (or a oneshot) needs, in one trip.
  virtual ProcessSnapshot readProcess(const Roots& roots, const ProcessQuery& query) const = 0;
  // An identity-checked action (signal, nice, ionice, rlimit, cpu affinity).
  virtual void processAction(const Roots& roots, const ProcessAction& action) const = 0;
  // One row per process with the fields (ProcessTableField bits) asked for.
  virtual ProcessTable processTable(const Roots& roots, uint32_t fields) const = 0;
};

// The backend for the platform this addon was built for (backend_factory.cc).
std::shared_ptr<const Backend> createBackend();

}  // namespace procyon
