// psutil's cpu_times / cpu_count on Windows (_pswindows.py and its C module):
// cpu_times in psutil's Windows record, WindowsCpuTimes (user, system, idle,
// interrupt, dpc).

#include <windows.h>

#include <vector>

#include "windows/functions.h"
#include "windows/processor_info.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

using win::ProcessorPerformance;

uint64_t units(const FILETIME& t) { return (static_cast<uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime; }
uint64_t units(const LARGE_INTEGER& t) { return static_cast<uint64_t>(t.QuadPart); }

WindowsCpuTimes timesOf(const ProcessorPerformance& p) {
  WindowsCpuTimes t;
  t.user = win::hundredNsToSeconds(units(p.userTime));
  t.system = win::hundredNsToSeconds(units(p.kernelTime) - units(p.idleTime));
  t.idle = win::hundredNsToSeconds(units(p.idleTime));
  t.interrupt = win::hundredNsToSeconds(units(p.interruptTime));
  t.dpc = win::hundredNsToSeconds(units(p.dpcTime));
  return t;
}

const WindowsFunctions kImplements{"cpuTimes", "cpuCount", "cpuPercent", "cpuTimesPercent"};

}  // namespace

// psutil: user, system and idle from GetSystemTimes (system = kernel - idle);
// interrupt and dpc, which it lacks, summed over the per-CPU times.
SystemCpuTimes WindowsBackend::cpuTimes() const {
  FILETIME idle{}, kernel{}, user{};
  if (!GetSystemTimes(&idle, &kernel, &user)) throw win::fromWin32(GetLastError(), "GetSystemTimes");
  WindowsCpuTimes t;
  t.user = win::hundredNsToSeconds(units(user));
  t.system = win::hundredNsToSeconds(units(kernel) - units(idle));
  t.idle = win::hundredNsToSeconds(units(idle));
  for (const ProcessorPerformance& p : win::processorPerformance()) {
    t.interrupt += win::hundredNsToSeconds(units(p.interruptTime));
    t.dpc += win::hundredNsToSeconds(units(p.dpcTime));
  }
  return t;
}

PerCpuTimes WindowsBackend::perCpuTimes() const {
  std::vector<WindowsCpuTimes> result;
  for (const ProcessorPerformance& p : win::processorPerformance()) result.push_back(timesOf(p));
  return result;
}

// psutil: None when the count cannot be determined.
std::optional<uint64_t> WindowsBackend::logicalCpuCount() const {
  const DWORD count = win::activeProcessors();
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
