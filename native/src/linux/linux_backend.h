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

  // --- processes ---
  // process_pids.cc
  std::vector<int64_t> processPids(const Roots& roots) const override;
  bool processPidExists(const Roots& roots, int64_t pid) const override;
  // process_read.cc
  ProcessSnapshot readProcess(const Roots& roots, const ProcessQuery& query) const override;
  // process_actions.cc
  void processAction(const Roots& roots, const ProcessAction& action) const override;
  // process_table.cc
  ProcessTable processTable(const Roots& roots, uint32_t fields) const override;

 private:
  // One reader per pool thread, so its buffer is reused across calls without locking.
  static FileReader& reader();
};

}  // namespace procyon
