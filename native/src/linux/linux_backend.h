#pragma once

#include "backend.h"

namespace procyon {

class FileReader;
class Procfs;
struct ProcessTableCache;  // process_table.cc
std::shared_ptr<ProcessTableCache> newProcessTableCache();

// The directories a Linux backend reads, and whether they are this machine's
// own /proc and /sys (decided once, in linux_backend.cc).
struct Roots {
  std::string procfs;
  std::string sysfs;
  bool live = false;
};

// psutil's _pslinux.py semantics over a procfs and a sysfs root. I/O lives
// here; everything that interprets file contents is in src/parse/.
class LinuxBackend final : public Backend {
 public:
  // The running machine's /proc, /sys and utmp where `source` leaves them empty.
  explicit LinuxBackend(const BackendSource& source);
  // backendSourceKey() for Linux: "" for this machine's own /proc, /sys and utmp.
  static std::string sourceKey(const BackendSource& source);

  std::vector<Capability> capabilities() const override;
  PlatformConstants constants() const override;
  bool isLive() const override { return roots_.live; }

  // cpu.cc
  SystemCpuTimes cpuTimes() const override;
  PerCpuTimes perCpuTimes() const override;
  std::optional<uint64_t> logicalCpuCount() const override;
  std::optional<uint64_t> physicalCpuCount() const override;

  // memory.cc
  VirtualMemory virtualMemory() const override;
  SwapMemory swapMemory() const override;

  // boot_time.cc
  double bootTime() const override;

  // host.cc
  std::optional<double> threadCpuTime() const override;
  std::optional<bool> releaseFreeMemory() const override;

  // --- cpu (stats, freq, load): cpu_activity.cc ---
  CpuStats cpuStats() const override;
  std::vector<CpuFreq> cpuFreq() const override;
  LoadAvg loadAvg() const override;

  // --- disks: disks.cc ---
  std::vector<DiskPartition> diskPartitions(bool all) const override;
  DiskUsage diskUsage(const std::string& path) const override;
  std::vector<DiskIoCounters> diskIoCounters(bool perdisk) const override;

  // --- other system info (users, pids): users.cc ---
  std::vector<User> users() const override;
  PidList pids() const override;
  PidPresence pidExists(int64_t pid) const override;
  // --- network --- (net_io.cc, net_connections.cc, net_if.cc)
  NetIoPerNic netIoCounters() const override;
  NetConnections netConnections(const std::string& kind) const override;
  NicAddresses netIfAddrs() const override;
  NicStatsMap netIfStats() const override;

  // --- sensors --- (sensors.cc)
  Temperatures sensorsTemperatures(bool fahrenheit) const override;
  Fans sensorsFans() const override;
  BatteryResult sensorsBattery() const override;
  // hwmon.cc
  HwmonChips hwmonChips() const override;
  PowerSupplies powerSupplies() const override;
  // drm_clients.cc
  ProcessGpuReading processGpu(const std::vector<int64_t>* pids) const override;
  ProcessNetReading processNet(const std::vector<int64_t>* pids) const override;
  NetUsageReading processNetUsage(NetUsageState& state, const std::vector<int64_t>* pids) const override;
  // --- processes ---
  // process_pids.cc
  // process_read.cc
  ProcessSnapshot readProcess(const ProcessQuery& query) const override;
  // process_actions.cc
  void processAction(const ProcessAction& action) const override;
  // process_table.cc
  ProcessTable processTable(uint32_t fields, size_t cmdlineBudget) const override;
  void processTableCacheClear() const override;
  // process_wait.cc
  std::unique_ptr<ChildExitWatch> watchChildExit(int64_t pid, double createTime) const override;

  // --- control groups: cgroup_actions.cc (the list: cgroups.cc) ---
  void cgroupFreeze(const std::string& path, bool frozen) const override;
  CgroupKillOutcome cgroupKill(const std::string& path, bool fallback) const override;
  void cgroupSetMemoryMax(const std::string& path, std::optional<uint64_t> bytes) const override;

  // The one /proc layer (procfs.h), rooted at roots_.procfs: public for the
  // metric readers (linux/metric_reader.h), which read through it.
  Procfs procfs() const;
  // The roots themselves, for readers of the sysfs (gpu.cc).
  const Roots& roots() const { return roots_; }

 private:
  // Whole-system metrics: the readers linux/<area>.cc files registered.
  bool readMetric(MetricKey key, void* out) const override { return PlatformReaders<LinuxBackend>::read(*this, key, out); }

  const Roots roots_;
  const std::string utmp_;
  // processTable's per-process state and held descriptors: this backend's, so
  // they go when it does (a captured tree evicted from the binding's cache).
  const std::shared_ptr<ProcessTableCache> table_;

  // One reader per pool thread, so its buffer is reused across calls without locking.
  static FileReader& reader();
};

}  // namespace procyon
