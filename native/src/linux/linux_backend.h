#pragma once

#include "backend.h"

namespace procyon {

class FileReader;

// psutil's _pslinux.py semantics over a procfs and a sysfs root. I/O lives
// here; everything that interprets file contents is in src/parse/.
class LinuxBackend final : public Backend {
 public:
  std::vector<Capability> capabilities(const Roots& roots) const override;
  PlatformConstants constants() const override;

  // cpu.cc
  CpuTimes cpuTimes(const Roots& roots) const override;
  std::vector<CpuTimes> perCpuTimes(const Roots& roots) const override;
  std::optional<uint64_t> logicalCpuCount(const Roots& roots) const override;
  std::optional<uint64_t> physicalCpuCount(const Roots& roots) const override;

  // memory.cc
  VirtualMemory virtualMemory(const Roots& roots) const override;
  SwapMemory swapMemory(const Roots& roots) const override;

  // boot_time.cc
  double bootTime(const Roots& roots) const override;

  // --- cpu (stats, freq, load): cpu_extra.cc ---
  CpuStats cpuStats(const Roots& roots) const override;
  std::vector<CpuFreq> cpuFreq(const Roots& roots) const override;
  LoadAvg loadAvg(const Roots& roots) const override;

  // --- disks: disks.cc ---
  std::vector<DiskPartition> diskPartitions(const Roots& roots, bool all) const override;
  DiskUsage diskUsage(const std::string& path) const override;
  std::vector<DiskIoCounters> diskIoCounters(const Roots& roots, bool perdisk) const override;

  // --- other system info (users, pids): users.cc ---
  std::vector<User> users(const std::string& utmpPath) const override;
  PidList pids(const Roots& roots) const override;
  PidPresence pidExists(const Roots& roots, int64_t pid) const override;
  // --- network --- (net_io.cc, net_connections.cc, net_if.cc)
  NetIoPerNic netIoCounters(const Roots& roots) const override;
  NetConnections netConnections(const Roots& roots, const std::string& kind) const override;
  NicAddresses netIfAddrs() const override;
  NicStatsMap netIfStats(const Roots& roots) const override;

  // --- sensors --- (sensors.cc)
  Temperatures sensorsTemperatures(const Roots& roots, bool fahrenheit) const override;
  Fans sensorsFans(const Roots& roots) const override;
  BatteryResult sensorsBattery(const Roots& roots) const override;
  // hwmon.cc
  HwmonChips hwmonChips(const Roots& roots) const override;
  PowerSupplies powerSupplies(const Roots& roots) const override;
  // --- processes ---
  // process_pids.cc
  // process_read.cc
  ProcessSnapshot readProcess(const Roots& roots, const ProcessQuery& query) const override;
  // process_actions.cc
  void processAction(const Roots& roots, const ProcessAction& action) const override;
  // process_table.cc
  ProcessTable processTable(const Roots& roots, uint32_t fields, size_t cmdlineBudget) const override;
  void processTableCacheClear() const override;
  // process_wait.cc
  std::unique_ptr<ChildExitWatch> watchChildExit(const Roots& roots, int64_t pid, double createTime) const override;

 private:
  // One reader per pool thread, so its buffer is reused across calls without locking.
  static FileReader& reader();
};

}  // namespace procyon
