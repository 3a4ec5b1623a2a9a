#include "windows/processor_info.h"

#include "windows/win_util.h"

namespace procyon::win {
namespace {
constexpr auto kSystemProcessorPerformanceInformation = static_cast<SYSTEM_INFORMATION_CLASS>(8);
}  // namespace

DWORD activeProcessors() { return GetActiveProcessorCount(ALL_PROCESSOR_GROUPS); }

std::vector<ProcessorPerformance> processorPerformance() {
  const DWORD count = activeProcessors();
  if (count == 0) throw fromWin32(GetLastError(), "GetActiveProcessorCount");
  std::vector<ProcessorPerformance> info(count);
  const ULONG size = static_cast<ULONG>(info.size() * sizeof(ProcessorPerformance));
  ULONG written = 0;
  const NTSTATUS status = NtQuerySystemInformation(kSystemProcessorPerformanceInformation, info.data(), size, &written);
  if (status < 0) throw fromWin32(RtlNtStatusToDosError(status), "NtQuerySystemInformation(SystemProcessorPerformanceInformation)");
  info.resize(written / sizeof(ProcessorPerformance));
  return info;
}

}  // namespace procyon::win
