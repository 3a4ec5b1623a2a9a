#pragma once

// The one interface every platform implements. Methods are const and
// thread-safe: async calls run them concurrently on libuv's thread pool.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
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
#include "common/records_gpu.h"
#include "common/records_net_process.h"
// --- processes ---
#include "common/records_process.h"
// --- services ---
#include "common/records_services.h"
// --- control groups ---
#include "common/records_cgroups.h"
// Whole-system metrics declared with PROCYON_METRIC: read through read<Record>().
#include "backend_readers.h"
#include "common/metric.h"

namespace procyon {

class NetUsageState;  // common/net_usage.h: one network-use tracker's kept counters

// Where a backend reads from, chosen once when it is made. Empty members mean
// this machine's own sources; a member that is set names part of a captured
// tree (on Linux: its procfs and sysfs directories, and a utmp file). A
// platform without captured trees answers an empty source only.
struct BackendSource {
  std::string procfs;
  std::string sysfs;
  std::string utmp;
};

// Every collector function has a default body that fails with UNSUPPORTED
// (or answers "nothing" where psutil does), so a platform overrides what it
// implements and a new function needs no edit to backends that lack it.
class Backend {
 public:
  virtual ~Backend() = default;

  // For each collector function (binding/registry.h) this platform implements, whether it
  // works over `roots` and why not; a name left out is "platform" (and
  // throws UNSUPPORTED when called).
  virtual std::vector<Capability> capabilities() const { return {}; }
  // The platform's constants (signals, rlimits, priority classes, ...).
  virtual PlatformConstants constants() const { return {}; }

  // True when this backend reads the running machine (not a captured tree):
  // only then may it answer from system calls, and only then may it act on a
  // process. Decided once, when the backend is made.
  virtual bool isLive() const = 0;

  // The platform's own record (common/records.h): CpuTimes on Linux, WindowsCpuTimes on Windows.
  virtual SystemCpuTimes cpuTimes() const { unsupported("cpuTimes"); }
  virtual PerCpuTimes perCpuTimes() const { unsupported("cpuTimes"); }
  // nullopt when undeterminable, like os.cpu_count().
  virtual std::optional<uint64_t> logicalCpuCount() const { unsupported("cpuCount"); }
  virtual std::optional<uint64_t> physicalCpuCount() const { unsupported("cpuCount"); }
  virtual VirtualMemory virtualMemory() const { unsupported("virtualMemory"); }
  virtual SwapMemory swapMemory() const { unsupported("swapMemory"); }
  // Seconds since the epoch.
  virtual double bootTime() const { unsupported("bootTime"); }

  // --- the host's own bookkeeping (beyond psutil) ---
  // The calling thread's CPU time in seconds; nullopt where the platform has no such clock.
  virtual std::optional<double> threadCpuTime() const { return std::nullopt; }
  // Hands the C heap's free pages back to the system: whether any were;
  // nullopt where the C library has no such call.
  virtual std::optional<bool> releaseFreeMemory() const { return std::nullopt; }

  // --- cpu (stats, freq, load) ---
  virtual CpuStats cpuStats() const { unsupported("cpuStats"); }
  // Per CPU, psutil's order; empty when nothing reports a frequency.
  virtual std::vector<CpuFreq> cpuFreq() const { unsupported("cpuFreq"); }
  virtual LoadAvg loadAvg() const { unsupported("getloadavg"); }

  // --- disks ---
  virtual std::vector<DiskPartition> diskPartitions(bool /*all*/) const { unsupported("diskPartitions"); }
  // `path` is a real filesystem path (not under a root).
  virtual DiskUsage diskUsage(const std::string& /*path*/) const { unsupported("diskUsage"); }
  // Raw counters per device in file order; perdisk=false keeps whole disks only.
  virtual std::vector<DiskIoCounters> diskIoCounters(bool /*perdisk*/) const { unsupported("diskIoCounters"); }

  // --- other system info (users, pids) ---
  // An absent utmp file means nobody is logged in.
  virtual std::vector<User> users() const { unsupported("users"); }
  virtual PidList pids() const { unsupported("pids"); }
  virtual PidPresence pidExists(int64_t /*pid*/) const { unsupported("pidExists"); }
  // --- network ---
  // Raw per-NIC counters in /proc/net/dev order (nowrap and the sum are lib/network.ts's).
  virtual NetIoPerNic netIoCounters() const { unsupported("netIoCounters"); }
  // `kind` is one of psutil's kinds; anything else throws INVALID_ARGUMENT.
  virtual NetConnections netConnections(const std::string& /*kind*/) const { unsupported("netConnections"); }
  // The running machine's interfaces (getifaddrs, as psutil); a captured
  // tree holds none, so a backend that is not live answers none.
  virtual NicAddresses netIfAddrs() const { unsupported("netIfAddrs"); }
  virtual NicStatsMap netIfStats() const { unsupported("netIfStats"); }

  // --- sensors ---
  virtual Temperatures sensorsTemperatures(bool /*fahrenheit*/) const { unsupported("sensorsTemperatures"); }
  virtual Fans sensorsFans() const { unsupported("sensorsFans"); }
  virtual BatteryResult sensorsBattery() const { unsupported("sensorsBattery"); }
  // Chips and supplies under their sysfs names (node_exporter's labels).
  virtual HwmonChips hwmonChips() const { unsupported("hwmonChips"); }
  virtual PowerSupplies powerSupplies() const { unsupported("powerSupplies"); }
  // A process's DRM clients (pids: just those; null: every holder) as cumulative counters.
  virtual ProcessGpuReading processGpu(const std::vector<int64_t>* /*pids*/) const { unsupported("processGpu"); }
  // Every inet socket (TCP with its byte counters, UDP) and the process it is
  // attributed to (pids: only those processes' sockets, from one dump). Live machine only.
  virtual ProcessNetReading processNet(const std::vector<int64_t>* /*pids*/) const { unsupported("processNet"); }
  // One read of a tracker's network use (common/net_usage.h): the dump applied
  // to `state`, per-process sums handed back, and (pids) those processes'
  // sockets from the same dump with their rates. Live machine only.
  virtual NetUsageReading processNetUsage(NetUsageState& /*state*/, const std::vector<int64_t>* /*pids*/) const { unsupported("processNetUsage"); }
  // --- processes ---
  // The sections of one process a Process method (or a oneshot) needs, in one trip.
  virtual ProcessSnapshot readProcess(const ProcessQuery& /*query*/) const { unsupported("Process"); }
  // An identity-checked action (signal, nice, ionice, rlimit, cpu affinity).
  virtual void processAction(const ProcessAction& /*action*/) const { unsupported("Process"); }
  // One row per process with the fields (ProcessTableField bits) asked for.
  virtual ProcessTable processTable(uint32_t /*fields*/, size_t /*cmdlineBudget*/) const { unsupported("processTable"); }
  // Forgets processTable's per-process cache (and closes the files it holds open).
  virtual void processTableCacheClear() const {}
  // A watch on `pid` when it is a child of this process (same createTime), to
  // learn its exit status without reaping it; null when it is not our child.
  // NoSuchProcess when the pid is gone or names another process.
  virtual std::unique_ptr<ChildExitWatch> watchChildExit(int64_t /*pid*/, double /*createTime*/) const { unsupported("Process.wait"); }

  // --- services (Windows; the list is the winServiceIter metric) ---
  // One service by name: NO_SUCH_PROCESS when there is none, as psutil.
  virtual WinService winServiceGet(const std::string& /*name*/) const { unsupported("winServiceGet"); }
  // Asks the service manager to start / stop it (beyond psutil); returns once asked, not once done.
  virtual void winServiceStart(const std::string& /*name*/) const { unsupported("winServiceStart"); }
  virtual void winServiceStop(const std::string& /*name*/) const { unsupported("winServiceStop"); }

  // --- control groups (the list is the cgroups metric; lib/cgroups.ts says what each does) ---
  // `path` is a Cgroup.path; every action needs the live machine.
  virtual void cgroupFreeze(const std::string& /*path*/, bool frozen) const { unsupported(frozen ? "cgroupFreeze" : "cgroupThaw"); }
  // `fallback`: freeze and signal each member even where cgroup.kill exists.
  virtual CgroupKillOutcome cgroupKill(const std::string& /*path*/, bool /*fallback*/) const { unsupported("cgroupKill"); }
  // nullopt clears the limit.
  virtual void cgroupSetMemoryMax(const std::string& /*path*/, std::optional<uint64_t> /*bytes*/) const { unsupported("cgroupSetMemoryMax"); }

  // A whole-system metric (PROCYON_METRIC(name, Record), common/metric.h):
  // the reader this platform registered for Record (backend_readers.h), or
  // UNSUPPORTED, as a function with no override above, where it registered none.
  template <typename Record>
  Record read() const {
    std::optional<Record> value;
    if (!readMetric(metricKey<Record>(), &value)) unsupported(MetricOf<Record>::kName);
    return std::move(*value);
  }

 protected:
  [[noreturn]] static void unsupported(std::string_view function) {
    throw Error::unsupported(std::string(function) + " is not supported on this platform");
  }

  // Runs this platform's reader of `key` into `out` (PlatformReaders<Its
  // class>::read): false where it has none, which is every metric here.
  virtual bool readMetric(MetricKey /*key*/, void* /*out*/) const { return false; }
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
