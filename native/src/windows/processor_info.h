#pragma once

// Per-processor NT counters that cpu_times (cpu.cc) and cpu_stats
// (cpu_stats.cc) both read, as psutil's C module does.

#include <windows.h>
#include <winternl.h>

#include <vector>

namespace procyon::win {

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

// psutil_get_num_cpus(): every active processor in every group (0 when undeterminable).
DWORD activeProcessors();

// NtQuerySystemInformation(SystemProcessorPerformanceInformation), one entry
// per active processor; IO_ERROR naming the call when it fails.
std::vector<ProcessorPerformance> processorPerformance();

}  // namespace procyon::win
