// psutil's cpu_times / cpu_count on Windows (_pswindows.py and its C module).
//
// psutil's Windows fields are user, system, idle, interrupt and dpc. The
// shared CpuTimes record has no fields of those two names, so interrupt
// time travels in `irq` and DPC time in `softirq` (their nearest Linux
// meaning); every other mode is 0. See native/README.md, "Windows".

#include <windows.h>
#include <winternl.h>

#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION with the fields winternl.h calls
// Reserved: times in 100 ns units; kernel time includes idle time.
struct ProcessorPerformance {
  LARGE_INTEGER idleTime;
  LARGE_INTEGER kernelTime;
  LARGE_INTEGER userTime;
  LARGE_INTEGER dpcTime;
  LARGE_INTEGER interruptTime;
  ULONG interruptCount;
};
constexpr auto kSystemProcessorPerformanceInformation = static_cast<SYSTEM_INFORMATION_CLASS>(8);

uint64_t units(const FILETIME& t) { return (static_cast<uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime; }
uint64_t units(const LARGE_INTEGER& t) { return static_cast<uint64_t>(t.QuadPart); }

// psutil_get_num_cpus(): every active processor in every group.
DWORD activeProcessors() { return GetActiveProcessorCount(ALL_PROCESSOR_GROUPS); }

std::vector<ProcessorPerformance> perProcessor() {
  const DWORD count = activeProcessors();
  if (count == 0) throw win::fromWin32(GetLastError(), "GetActiveProcessorCount");
  std::vector<ProcessorPerformance> info(count);
  const ULONG size = static_cast<ULONG>(info.size() * sizeof(ProcessorPerformance));
  ULONG written = 0;
  const NTSTATUS status = NtQuerySystemInformation(kSystemProcessorPerformanceInformation, info.data(), size, &written);
  if (status < 0) throw win::fromWin32(RtlNtStatusToDosError(status), "NtQuerySystemInformation(SystemProcessorPerformanceInformation)");
  info.resize(written / sizeof(ProcessorPerformance));
  return info;
}

CpuTimes timesOf(const ProcessorPerformance& p) {
  CpuTimes t;
  t.user = win::hundredNsToSeconds(units(p.userTime));
  t.system = win::hundredNsToSeconds(units(p.kernelTime) - units(p.idleTime));
  t.idle = win::hundredNsToSeconds(units(p.idleTime));
  t.irq = win::hundredNsToSeconds(units(p.interruptTime));
  t.softirq = win::hundredNsToSeconds(units(p.dpcTime));
  return t;
}

const WindowsFunctions kImplements{"cpuTimes", "cpuCount", "cpuPercent", "cpuTimesPercent"};

}  // namespace

// psutil: user, system and idle from GetSystemTimes (system = kernel - idle);
// interrupt and dpc, which it lacks, summed over the per-CPU times.
CpuTimes WindowsBackend::cpuTimes() const {
  FILETIME idle{}, kernel{}, user{};
  if (!GetSystemTimes(&idle, &kernel, &user)) throw win::fromWin32(GetLastError(), "GetSystemTimes");
  CpuTimes t;
  t.user = win::hundredNsToSeconds(units(user));
  t.system = win::hundredNsToSeconds(units(kernel) - units(idle));
  t.idle = win::hundredNsToSeconds(units(idle));
  for (const ProcessorPerformance& p : perProcessor()) {
    t.irq += win::hundredNsToSeconds(units(p.interruptTime));
    t.softirq += win::hundredNsToSeconds(units(p.dpcTime));
  }
  return t;
}

std::vector<CpuTimes> WindowsBackend::perCpuTimes() const {
  std::vector<CpuTimes> result;
  for (const ProcessorPerformance& p : perProcessor()) result.push_back(timesOf(p));
  return result;
}

// psutil: None when the count cannot be determined.
std::optional<uint64_t> WindowsBackend::logicalCpuCount() const {
  const DWORD count = activeProcessors();
  if (count == 0) return std::nullopt;
  return count;
}

// psutil: one per RelationProcessorCore record of GetLogicalProcessorInformationEx.
std::optional<uint64_t> WindowsBackend::physicalCpuCount() const {
  DWORD size = 0;
  GetLogicalProcessorInformationEx(RelationProcessorCore, nullptr, &size);
  if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || size == 0) return std::nullopt;
  std::vector<char> buffer(size);
  auto* first = reinterpret_cast<SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data());
  if (!GetLogicalProcessorInformationEx(RelationProcessorCore, first, &size)) return std::nullopt;
  uint64_t cores = 0;
  for (DWORD offset = 0; offset < size;) {
    const auto* entry = reinterpret_cast<const SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data() + offset);
    if (entry->Size == 0) break;
    if (entry->Relationship == RelationProcessorCore) ++cores;
    offset += entry->Size;
  }
  if (cores == 0) return std::nullopt;
  return cores;
}

}  // namespace procyon
