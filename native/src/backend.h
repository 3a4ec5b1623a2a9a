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
#include "common/records_cpu.h"
#include "common/records_disk.h"
#include "common/records_users.h"
#include "common/records_platform.h"
// --- network ---
#include "common/records_net.h"
// --- sensors ---
#include "common/records_sensors.h"
#include "common/records_hwmon.h"
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

  // For each of kCollectorFunctions this platform implements, whether it
  // works over `roots` and why not; a name left out is "platform" (and
  // throws UNSUPPORTED when called).
  virtual std::vector<Capability> capabilities(const Roots& roots) const = 0;
  // The platform's constants (signals, rlimits, priority classes, ...).
  virtual PlatformConstants constants() const = 0;

  virtual CpuTimes cpuTimes(const Roots& roots) const = 0;
  virtual std::vector<CpuTimes> perCpuTimes(const Roots& roots) const = 0;
  // nullopt when undeterminable, like os.cpu_count().
  virtual std::optional<uint64_t> logicalCpuCount(const Roots& roots) const = 0;
  virtual std::optional<uint64_t> physicalCpuCount(const Roots& roots) const = 0;
  virtual VirtualMemory virtualMemory(const Roots& roots) const = 0;
  virtual SwapMemory swapMemory(const Roots& roots) const = 0;
  // Seconds since the epoch.
  virtual double bootTime(const Roots& roots) const = 0;

  // --- cpu (stats, freq, load) ---
  virtual CpuStats cpuStats(const Roots& roots) const = 0;
  // Per CPU, psutil's order; empty when nothing reports a frequency.
  virtual std::vector<CpuFreq> cpuFreq(const Roots& roots) const = 0;
  virtual LoadAvg loadAvg(const Roots& roots) const = 0;

  // --- disks ---
  virtual std::vector<DiskPartition> diskPartitions(const Roots& roots, bool all) const = 0;
  // `path` is a real filesystem path (not under a root).
  virtual DiskUsage diskUsage(const std::string& path) const = 0;
  // Raw counters per device in file order; perdisk=false keeps whole disks only.
  virtual std::vector<DiskIoCounters> diskIoCounters(const Roots& roots, bool perdisk) const = 0;

  // --- other system info (users, pids) ---
  // An absent utmp file means nobody is logged in.
  virtual std::vector<User> users(const std::string& utmpPath) const = 0;
  virtual PidList pids(const Roots& roots) const = 0;
  virtual PidPresence pidExists(const Roots& roots, int64_t pid) const = 0;
  // --- network ---
  // Raw per-NIC counters in /proc/net/dev order (nowrap and the sum are lib/network.ts's).
  virtual NetIoPerNic netIoCounters(const Roots& roots) const = 0;
  // `kind` is one of psutil's kinds; anything else throws INVALID_ARGUMENT.
  virtual NetConnections netConnections(const Roots& roots, const std::string& kind) const = 0;
  // Always the live system (getifaddrs), as psutil.
  virtual NicAddresses netIfAddrs() const = 0;
  virtual NicStatsMap netIfStats(const Roots& roots) const = 0;

  // --- sensors ---
  virtual Temperatures sensorsTemperatures(const Roots& roots, bool fahrenheit) const = 0;
  virtual Fans sensorsFans(const Roots& roots) const = 0;
  virtual BatteryResult sensorsBattery(const Roots& roots) const = 0;
  // Chips and supplies under their sysfs names (node_exporter's labels).
  virtual HwmonChips hwmonChips(const Roots& roots) const = 0;
  virtual PowerSupplies powerSupplies(const Roots& roots) const = 0;
  // --- processes ---
  // The sections of one process a Process method (or a oneshot) needs, in one trip.
  virtual ProcessSnapshot readProcess(const Roots& roots, const ProcessQuery& query) const = 0;
  // An identity-checked action (signal, nice, ionice, rlimit, cpu affinity).
  virtual void processAction(const Roots& roots, const ProcessAction& action) const = 0;
  // One row per process with the fields (ProcessTableField bits) asked for.
  virtual ProcessTable processTable(const Roots& roots, uint32_t fields, size_t cmdlineBudget) const = 0;
  // Forgets processTable's per-process cache (and closes the files it holds open).
  virtual void processTableCacheClear() const {}
  // A watch on `pid` when it is a child of this process (same createTime), to
  // learn its exit status without reaping it; null when it is not our child.
  // NoSuchProcess when the pid is gone or names another process.
  virtual std::unique_ptr<ChildExitWatch> watchChildExit(const Roots& roots, int64_t pid, double createTime) const = 0;
};

// The backend for the platform this addon was built for (backend_factory.cc).
std::shared_ptr<const Backend> createBackend();

}  // namespace procyon
