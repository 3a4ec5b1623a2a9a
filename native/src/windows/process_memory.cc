// Process memory on Windows (psutil's proc_memory_info, proc_memory_uss):
// through a handle where one opens, else (memory_info) from the NT process
// list, which needs no access right.

#include <windows.h>
#include <psapi.h>

#include <algorithm>
#include <vector>

#include "windows/process_sections.h"

namespace procyon::win {

WindowsProcessMemoryInfo memoryInfo(HANDLE process, const NtProcess& listed) {
  WindowsProcessMemoryInfo m;
  PROCESS_MEMORY_COUNTERS_EX c{};
  c.cb = sizeof c;
  if (process && GetProcessMemoryInfo(process, reinterpret_cast<PROCESS_MEMORY_COUNTERS*>(&c), sizeof c)) {
    m.numPageFaults = c.PageFaultCount;
    m.peakWset = static_cast<double>(c.PeakWorkingSetSize);
    m.wset = static_cast<double>(c.WorkingSetSize);
    m.peakPagedPool = static_cast<double>(c.QuotaPeakPagedPoolUsage);
    m.pagedPool = static_cast<double>(c.QuotaPagedPoolUsage);
    m.peakNonpagedPool = static_cast<double>(c.QuotaPeakNonPagedPoolUsage);
    m.nonpagedPool = static_cast<double>(c.QuotaNonPagedPoolUsage);
    m.pagefile = static_cast<double>(c.PagefileUsage);
    m.peakPagefile = static_cast<double>(c.PeakPagefileUsage);
    m.private_ = static_cast<double>(c.PrivateUsage);
  } else {
    m.numPageFaults = static_cast<double>(listed.pageFaults);
    m.peakWset = static_cast<double>(listed.peakWset);
    m.wset = static_cast<double>(listed.wset);
    m.peakPagedPool = static_cast<double>(listed.peakPagedPool);
    m.pagedPool = static_cast<double>(listed.pagedPool);
    m.peakNonpagedPool = static_cast<double>(listed.peakNonpagedPool);
    m.nonpagedPool = static_cast<double>(listed.nonpagedPool);
    m.pagefile = static_cast<double>(listed.pagefile);
    m.peakPagefile = static_cast<double>(listed.peakPagefile);
    m.private_ = static_cast<double>(listed.privateBytes);
  }
  // psutil's aliases: rss is the working set, vms the pagefile usage.
  m.rss = m.wset;
  m.vms = m.pagefile;
  return m;
}

double uniqueSetSize(HANDLE process, int64_t pid) {
  // The working set grows between the calls: retry with the size it reported, plus slack.
  size_t entries = 4096;
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<ULONG_PTR> buffer(1 + entries);
    if (QueryWorkingSet(process, buffer.data(), static_cast<DWORD>(buffer.size() * sizeof(ULONG_PTR)))) {
      const auto* info = reinterpret_cast<const PSAPI_WORKING_SET_INFORMATION*>(buffer.data());
      const size_t count = std::min<size_t>(info->NumberOfEntries, entries);
      uint64_t pages = 0;
      for (size_t i = 0; i < count; ++i) {
        const PSAPI_WORKING_SET_BLOCK& block = info->WorkingSetInfo[i];
        // psutil's rule: a shared page that only this process uses counts as its own.
        if (!block.Shared || block.ShareCount <= 1) ++pages;
      }
      SYSTEM_INFO system{};
      GetSystemInfo(&system);
      return static_cast<double>(pages) * system.dwPageSize;
    }
    const DWORD err = GetLastError();
    if (err != ERROR_BAD_LENGTH) throw handleCallError(pid, err, "QueryWorkingSet");
    const size_t reported = reinterpret_cast<const PSAPI_WORKING_SET_INFORMATION*>(buffer.data())->NumberOfEntries;
    entries = std::max(entries * 2, reported + reported / 4 + 64);
  }
  throw Error(ErrorCode::IoError, "QueryWorkingSet: the working set kept growing");
}

}  // namespace procyon::win
