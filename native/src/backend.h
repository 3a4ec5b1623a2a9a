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

// Where a backend reads from, chosen once when it is made. Empty members mean
// this machine's own sources; a member that is set names part of a captured
// tree (on Linux: its procfs and sysfs directories, and a utmp file). A
// platform without captured trees answers an empty source only.
struct BackendSource {
  std::string procfs;
  std::string sysfs;
  std::string utmp;
};

class Backend {
 public:
  virtual ~Backend() = default;

  // For each of kCollectorFunctions this platform implements, whether it
  // works over `roots` and why not; a name left out is "platform" (and
  // throws UNSUPPORTED when called).
  virtual std::vector<Capability> capabilities() const = 0;
  // The platform's constants (signals, rlimits, priority classes, ...).
  virtual PlatformConstants constants() const = 0;

  // True when this backend reads the running machine (not a captured tree):
  // only then may it answer from system calls, and only then may it act on a
  // process. Decided once, when the backend is made.
  virtual bool isLive() const = 0;

  virtual CpuTimes cpuTimes() const = 0;
  virtual std::vector<CpuTimes> perCpuTimes() const = 0;
  // nullopt when undeterminable, like os.cpu_count().
  virtual std::optional<uint64_t> logicalCpuCount() const = 0;
  virtual std::optional<uint64_t> physicalCpuCount() const = 0;
  virtual VirtualMemory virtualMemory() const = 0;
  virtual SwapMemory swapMemory() const = 0;
  // Seconds since the epoch.
  virtual double bootTime() const = 0;

  // --- the host's own bookkeeping (beyond psutil) ---
  // The calling thread's CPU time in seconds; nullopt where the platform has no such clock.
  virtual std::optional<double> threadCpuTime() const = 0;
  // Hands the C heap's free pages back to the system: whether any were;
  // nullopt where the C library has no such call.
  virtual std::optional<bool> releaseFreeMemory() const = 0;

  // --- cpu (stats, freq, load) ---
  virtual CpuStats cpuStats() const = 0;
  // Per CPU, psutil's order; empty when nothing reports a frequency.
  virtual std::vector<CpuFreq> cpuFreq() const = 0;
  virtual LoadAvg loadAvg() const = 0;

  // --- disks ---
  virtual std::vector<DiskPartition> diskPartitions(bool all) const = 0;
  // `path` is a real filesystem path (not under a root).
  virtual DiskUsage diskUsage(const std::string& path) const = 0;
  // Raw counters per device in file order; perdisk=false keeps whole disks only.
  virtual std::vector<DiskIoCounters> diskIoCounters(bool perdisk) const = 0;

  // --- other system info (users, pids) ---
  // An absent utmp file means nobody is logged in.
  virtual std::vector<User> users() const = 0;
  virtual PidList pids() const = 0;
  virtual PidPresence pidExists(int64_t pid) const = 0;
  // --- network ---
  // Raw per-NIC counters in /proc/net/dev order (nowrap and the sum are lib/network.ts's).
  virtual NetIoPerNic netIoCounters() const = 0;
  // `kind` is one of psutil's kinds; anything else throws INVALID_ARGUMENT.
  virtual NetConnections netConnections(const std::string& kind) const = 0;
  // The running machine's interfaces (getifaddrs, as psutil); a captured
  // tree holds none, so a backend that is not live answers none.
  virtual NicAddresses netIfAddrs() const = 0;
  virtual NicStatsMap netIfStats() const = 0;

  // --- sensors ---
  virtual Temperatures sensorsTemperatures(bool fahrenheit) const = 0;
  virtual Fans sensorsFans() const = 0;
  virtual BatteryResult sensorsBattery() const = 0;
  // Chips and supplies under their sysfs names (node_exporter's labels).
  virtual HwmonChips hwmonChips() const = 0;
  virtual PowerSupplies powerSupplies() const = 0;
  // --- processes ---
  // The sections of one process a Process method (or a oneshot) needs, in one trip.
  virtual ProcessSnapshot readProcess(const ProcessQuery& query) const = 0;
  // An identity-checked action (signal, nice, ionice, rlimit, cpu affinity).
  virtual void processAction(const ProcessAction& action) const = 0;
  // One row per process with the fields (ProcessTableField bits) asked for.
  virtual ProcessTable processTable(uint32_t fields, size_t cmdlineBudget) const = 0;
  // Forgets processTable's per-process cache (and closes the files it holds open).
  virtual void processTableCacheClear() const {}
  // A watch on `pid` when it is a child of this process (same createTime), to
  // learn its exit status without reaping it; null when it is not our child.
  // NoSuchProcess when the pid is gone or names another process.
  virtual std::unique_ptr<ChildExitWatch> watchChildExit(int64_t pid, double createTime) const = 0;
};

// The backend for the platform this addon was built for, reading `source`
// (backend_factory.cc). An empty source is the running machine.
std::shared_ptr<const Backend> createBackend(const BackendSource& source = {});

// Which backend `source` needs: "" when it is the running machine's own
// (the platform's default paths, however spelt), else a key that also holds
// the identity of the directories named, so a path that later names another
// tree never reuses a backend made for the old one.
std::string backendSourceKey(const BackendSource& source);

}  // namespace procyon
