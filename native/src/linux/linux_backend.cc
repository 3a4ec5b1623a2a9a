#include "linux/linux_backend.h"

#include "common/file_reader.h"

namespace procyon {

std::vector<std::string_view> LinuxBackend::capabilities() const {
  return {
      "cpuTimes", "cpuCount", "virtualMemory", "swapMemory", "bootTime",
      // --- cpu (percent, stats, freq, load) ---
      "cpuPercent", "cpuTimesPercent", "cpuStats", "cpuFreq", "getloadavg",
      // --- disks ---
      "diskPartitions", "diskUsage", "diskIoCounters",
      // --- other system info (users, pids) ---
      "users", "pids", "pidExists",
      // --- snapshot ---
      "systemSnapshot",
      // --- network ---
      "netIoCounters", "netConnections", "netIfAddrs", "netIfStats",
      // --- sensors ---
      "sensorsTemperatures", "sensorsFans", "sensorsBattery", "hwmonChips", "powerSupplies",
      // --- processes ---
      "Process", "processIter", "waitProcs", "processTable",
  };
}

FileReader& LinuxBackend::reader() {
  thread_local FileReader perThread;
  return perThread;
}

}  // namespace procyon
