#pragma once

#include "backend.h"
#include "common/error.h"

namespace procyon {

// The backend of a platform nobody has written one for yet: it knows no
// function (describe() reports each unavailable for reason "platform"), no
// constants, and every call fails with UNSUPPORTED, so the module still loads
// and callers can ask capabilities() before calling.
class UnsupportedBackend final : public Backend {
 public:
  explicit UnsupportedBackend(bool live) : live_(live) {}
  std::vector<Capability> capabilities() const override { return {}; }
  PlatformConstants constants() const override { return {}; }
  bool isLive() const override { return live_; }
  CpuTimes cpuTimes() const override { fail("cpuTimes"); }
  std::vector<CpuTimes> perCpuTimes() const override { fail("cpuTimes"); }
  std::optional<uint64_t> logicalCpuCount() const override { fail("cpuCount"); }
  std::optional<uint64_t> physicalCpuCount() const override { fail("cpuCount"); }
  VirtualMemory virtualMemory() const override { fail("virtualMemory"); }
  SwapMemory swapMemory() const override { fail("swapMemory"); }
  double bootTime() const override { fail("bootTime"); }

  std::optional<double> threadCpuTime() const override { return std::nullopt; }
  std::optional<bool> releaseFreeMemory() const override { return std::nullopt; }

  // --- cpu (stats, freq, load) ---
  CpuStats cpuStats() const override { fail("cpuStats"); }
  std::vector<CpuFreq> cpuFreq() const override { fail("cpuFreq"); }
  LoadAvg loadAvg() const override { fail("getloadavg"); }

  // --- disks ---
  std::vector<DiskPartition> diskPartitions(bool) const override { fail("diskPartitions"); }
  DiskUsage diskUsage(const std::string&) const override { fail("diskUsage"); }
  std::vector<DiskIoCounters> diskIoCounters(bool) const override { fail("diskIoCounters"); }

  // --- other system info (users, pids) ---
  std::vector<User> users() const override { fail("users"); }
  PidList pids() const override { fail("pids"); }
  PidPresence pidExists(int64_t) const override { fail("pidExists"); }
  // --- network ---
  NetIoPerNic netIoCounters() const override { fail("netIoCounters"); }
  NetConnections netConnections(const std::string&) const override { fail("netConnections"); }
  NicAddresses netIfAddrs() const override { fail("netIfAddrs"); }
  NicStatsMap netIfStats() const override { fail("netIfStats"); }

  // --- sensors ---
  Temperatures sensorsTemperatures(bool) const override { fail("sensorsTemperatures"); }
  Fans sensorsFans() const override { fail("sensorsFans"); }
  BatteryResult sensorsBattery() const override { fail("sensorsBattery"); }
  HwmonChips hwmonChips() const override { fail("hwmonChips"); }
  PowerSupplies powerSupplies() const override { fail("powerSupplies"); }
  // --- processes ---
  ProcessSnapshot readProcess(const ProcessQuery&) const override { fail("Process"); }
  void processAction(const ProcessAction&) const override { fail("Process"); }
  ProcessTable processTable(uint32_t, size_t) const override { fail("processTable"); }
  std::unique_ptr<ChildExitWatch> watchChildExit(int64_t, double) const override { fail("Process.wait"); }

 private:
  bool live_;

  [[noreturn]] static void fail(const char* function) {
    throw Error::unsupported(std::string(function) + " is not supported on this platform");
  }
};

}  // namespace procyon
