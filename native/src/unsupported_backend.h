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
  std::vector<Capability> capabilities(const Roots&) const override { return {}; }
  PlatformConstants constants() const override { return {}; }
  CpuTimes cpuTimes(const Roots&) const override { fail("cpuTimes"); }
  std::vector<CpuTimes> perCpuTimes(const Roots&) const override { fail("cpuTimes"); }
  std::optional<uint64_t> logicalCpuCount(const Roots&) const override { fail("cpuCount"); }
  std::optional<uint64_t> physicalCpuCount(const Roots&) const override { fail("cpuCount"); }
  VirtualMemory virtualMemory(const Roots&) const override { fail("virtualMemory"); }
  SwapMemory swapMemory(const Roots&) const override { fail("swapMemory"); }
  double bootTime(const Roots&) const override { fail("bootTime"); }

  // --- cpu (stats, freq, load) ---
  CpuStats cpuStats(const Roots&) const override { fail("cpuStats"); }
  std::vector<CpuFreq> cpuFreq(const Roots&) const override { fail("cpuFreq"); }
  LoadAvg loadAvg(const Roots&) const override { fail("getloadavg"); }

  // --- disks ---
  std::vector<DiskPartition> diskPartitions(const Roots&, bool) const override { fail("diskPartitions"); }
  DiskUsage diskUsage(const std::string&) const override { fail("diskUsage"); }
  std::vector<DiskIoCounters> diskIoCounters(const Roots&, bool) const override { fail("diskIoCounters"); }

  // --- other system info (users, pids) ---
  std::vector<User> users(const std::string&) const override { fail("users"); }
  PidList pids(const Roots&) const override { fail("pids"); }
  PidPresence pidExists(const Roots&, int64_t) const override { fail("pidExists"); }
  // --- network ---
  NetIoPerNic netIoCounters(const Roots&) const override { fail("netIoCounters"); }
  NetConnections netConnections(const Roots&, const std::string&) const override { fail("netConnections"); }
  NicAddresses netIfAddrs() const override { fail("netIfAddrs"); }
  NicStatsMap netIfStats(const Roots&) const override { fail("netIfStats"); }

  // --- sensors ---
  Temperatures sensorsTemperatures(const Roots&, bool) const override { fail("sensorsTemperatures"); }
  Fans sensorsFans(const Roots&) const override { fail("sensorsFans"); }
  BatteryResult sensorsBattery(const Roots&) const override { fail("sensorsBattery"); }
  HwmonChips hwmonChips(const Roots&) const override { fail("hwmonChips"); }
  PowerSupplies powerSupplies(const Roots&) const override { fail("powerSupplies"); }
  // --- processes ---
  ProcessSnapshot readProcess(const Roots&, const ProcessQuery&) const override { fail("Process"); }
  void processAction(const Roots&, const ProcessAction&) const override { fail("Process"); }
  ProcessTable processTable(const Roots&, uint32_t, size_t) const override { fail("processTable"); }
  std::unique_ptr<ChildExitWatch> watchChildExit(const Roots&, int64_t, double) const override { fail("Process.wait"); }

 private:
  [[noreturn]] static void fail(const char* function) {
    throw Error::unsupported(std::string(function) + " is not supported on this platform");
  }
};

}  // namespace procyon
