#pragma once

#include "backend.h"
#include "common/error.h"

namespace procyon {

// The backend of a platform nobody has written one for yet: it reports no
// capabilities and every call fails with UNSUPPORTED, so the module still
// loads and callers can ask capabilities() before calling.
class UnsupportedBackend final : public Backend {
 public:
  std::vector<std::string_view> capabilities() const override { return {}; }
  CpuTimes cpuTimes(const Roots&) const override { fail("cpuTimes"); }
  std::vector<CpuTimes> perCpuTimes(const Roots&) const override { fail("cpuTimes"); }
  std::optional<uint64_t> logicalCpuCount(const Roots&) const override { fail("cpuCount"); }
  std::optional<uint64_t> physicalCpuCount(const Roots&) const override { fail("cpuCount"); }
  VirtualMemory virtualMemory(const Roots&) const override { fail("virtualMemory"); }
  SwapMemory swapMemory(const Roots&) const override { fail("swapMemory"); }
  double bootTime(const Roots&) const override { fail("bootTime"); }

  // --- processes ---
  std::vector<int64_t> processPids(const Roots&) const override { fail("pids"); }
  bool processPidExists(const Roots&, int64_t) const override { fail("pidExists"); }
  ProcessSnapshot readProcess(const Roots&, const ProcessQuery&) const override { fail("Process"); }
  void processAction(const Roots&, const ProcessAction&) const override { fail("Process"); }
  ProcessTable processTable(const Roots&, uint32_t) const override { fail("processTable"); }

 private:
  [[noreturn]] static void fail(const char* function) {
    throw Error::unsupported(std::string(function) + " is not supported on this platform");
  }
};

}  // namespace procyon
