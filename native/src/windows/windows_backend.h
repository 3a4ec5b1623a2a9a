#pragma once

#include <memory>

#include "backend.h"

namespace procyon {

struct WindowsProcessCache;  // windows/process_table.cc

// psutil's _pswindows.py semantics through the Win32 and NT APIs. Windows
// has no captured trees: this backend reads the running machine only
// (backend_factory.cc gives a non-empty source the unsupported backend).
// Each windows/<area>.cc implements its overrides and names them in a
// WindowsFunctions registrar (windows/functions.h), which is what
// capabilities() reports, so describe() says exactly what is implemented.
class WindowsBackend final : public Backend {
 public:
  WindowsBackend();

  // backendSourceKey() for Windows: "" when `source` names nothing or only
  // the defaults lib/ sends on every platform (/proc, /sys, utmp's path),
  // which here mean this machine; anything else names a captured tree.
  static std::string sourceKey(const BackendSource& source);

  std::vector<Capability> capabilities() const override;
  PlatformConstants constants() const override;
  bool isLive() const override { return true; }

  // cpu.cc
  SystemCpuTimes cpuTimes() const override;
  PerCpuTimes perCpuTimes() const override;
  std::optional<uint64_t> logicalCpuCount() const override;
  std::optional<uint64_t> physicalCpuCount() const override;

  // cpu_stats.cc
  CpuStats cpuStats() const override;
  // loadavg.cc
  LoadAvg loadAvg() const override;

  // memory.cc
  VirtualMemory virtualMemory() const override;
  SwapMemory swapMemory() const override;

  // boot_time.cc
  double bootTime() const override;

  // pids.cc
  PidList pids() const override;
  PidPresence pidExists(int64_t pid) const override;

  // disks.cc
  std::vector<DiskPartition> diskPartitions(bool all) const override;
  DiskUsage diskUsage(const std::string& path) const override;
  // disk_io.cc
  std::vector<DiskIoCounters> diskIoCounters(bool perdisk) const override;

  // net_io.cc
  NetIoPerNic netIoCounters() const override;
  // net_connections.cc
  NetConnections netConnections(const std::string& kind) const override;
  // net_if.cc
  NicAddresses netIfAddrs() const override;
  NicStatsMap netIfStats() const override;

  // users.cc
  std::vector<User> users() const override;
  // battery.cc
  BatteryResult sensorsBattery() const override;

  // cpu_freq.cc
  std::vector<CpuFreq> cpuFreq() const override;

  // process_read.cc, process_table.cc, process_actions.cc
  ProcessSnapshot readProcess(const ProcessQuery& query) const override;
  ProcessTable processTable(uint32_t fields, size_t cmdlineBudget) const override;
  void processTableCacheClear() const override;
  void processAction(const ProcessAction& action) const override;
  // process_wait.cc
  std::unique_ptr<ChildExitWatch> watchChildExit(int64_t pid, double createTime) const override;

  // services.cc
  WinService winServiceGet(const std::string& name) const override;
  void winServiceStart(const std::string& name) const override;
  void winServiceStop(const std::string& name) const override;

  // psutil's *_PRIORITY_CLASS constants: what Process.nice reads and accepts here.
  static const std::vector<NamedConstant>& priorityClasses();

 private:
  // Whole-system metrics: the readers windows/<area>.cc files registered (none yet).
  bool readMetric(MetricKey key, void* out) const override { return PlatformReaders<WindowsBackend>::read(*this, key, out); }

  // processTable's per-(pid, create time) fields; its own mutex.
  std::shared_ptr<WindowsProcessCache> processCache_;
};

}  // namespace procyon
