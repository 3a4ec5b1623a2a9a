#pragma once

#include "backend.h"

namespace procyon {

class FileReader;

// psutil's _pslinux.py semantics over a procfs and a sysfs root. I/O lives
// here; everything that interprets file contents is in src/parse/.
class LinuxBackend final : public Backend {
 public:
  std::vector<std::string_view> capabilities() const override;

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

  // --- network --- (net_io.cc, net_connections.cc, net_if.cc)
  NetIoPerNic netIoCounters(const Roots& roots) const override;
  NetConnections netConnections(const Roots& roots, const std::string& kind) const override;
  NicAddresses netIfAddrs() const override;
  NicStatsMap netIfStats(const Roots& roots) const override;

  // --- sensors --- (sensors.cc)
  Temperatures sensorsTemperatures(const Roots& roots, bool fahrenheit) const override;
  Fans sensorsFans(const Roots& roots) const override;
  BatteryResult sensorsBattery(const Roots& roots) const override;

 private:
  // One reader per pool thread, so its buffer is reused across calls without locking.
  static FileReader& reader();
};

}  // namespace procyon
