// psutil's cpu_freq on Windows.

#include <windows.h>
#include <powrprof.h>
#include <winternl.h>

#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// PROCESSOR_POWER_INFORMATION (documented with CallNtPowerInformation; not in mingw's headers).
struct ProcessorPower {
  ULONG number;
  ULONG maxMhz;
  ULONG currentMhz;
  ULONG mhzLimit;
  ULONG maxIdleState;
  ULONG currentIdleState;
};

const WindowsFunctions kImplements{"cpuFreq"};

}  // namespace

// psutil: CallNtPowerInformation(ProcessorInformation) for every active
// processor, but only the first one's current and maximum MHz, as a single
// entry (percpu or not), min 0.
std::vector<CpuFreq> WindowsBackend::cpuFreq() const {
  const DWORD count = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
  if (count == 0) throw win::fromWin32(GetLastError(), "GetActiveProcessorCount");
  std::vector<ProcessorPower> info(count);
  const LONG status = CallNtPowerInformation(ProcessorInformation, nullptr, 0, info.data(), static_cast<ULONG>(info.size() * sizeof(ProcessorPower)));
  if (status != 0) throw win::fromWin32(RtlNtStatusToDosError(status), "CallNtPowerInformation(ProcessorInformation)");
  CpuFreq freq;
  freq.current = info[0].currentMhz;
  freq.max = info[0].maxMhz;
  return {freq};
}

}  // namespace procyon
