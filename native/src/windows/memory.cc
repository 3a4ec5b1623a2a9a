// psutil's virtual_memory / swap_memory on Windows (_pswindows.py).

#include <windows.h>
#include <pdh.h>
#include <pdhmsg.h>

#include <cmath>

#include "common/percent.h"
#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

MEMORYSTATUSEX memoryStatus() {
  MEMORYSTATUSEX status{};
  status.dwLength = sizeof(status);
  if (!GlobalMemoryStatusEx(&status)) throw win::fromWin32(GetLastError(), "GlobalMemoryStatusEx");
  return status;
}

// psutil's cext.swap_percent(): the "\Paging File(_Total)\% Usage" counter.
double pagingFileUsagePercent() {
  PDH_HQUERY query = nullptr;
  PDH_STATUS status = PdhOpenQueryW(nullptr, 0, &query);
  if (status != ERROR_SUCCESS) throw win::fromWin32(status, "PdhOpenQuery");
  PDH_HCOUNTER counter = nullptr;
  PDH_FMT_COUNTERVALUE value{};
  status = PdhAddEnglishCounterW(query, L"\\Paging File(_Total)\\% Usage", 0, &counter);
  if (status == ERROR_SUCCESS) status = PdhCollectQueryData(query);
  if (status == ERROR_SUCCESS) status = PdhGetFormattedCounterValue(counter, PDH_FMT_DOUBLE, nullptr, &value);
  PdhCloseQuery(query);
  if (status != ERROR_SUCCESS) throw win::fromWin32(status, "PDH \\Paging File(_Total)\\% Usage");
  return value.doubleValue;
}

const WindowsFunctions kImplements{"virtualMemory", "swapMemory"};

}  // namespace

// psutil: total and available physical memory; free is the available
// memory too and used is total - available. The Linux-only fields stay 0.
VirtualMemory WindowsBackend::virtualMemory() const {
  const MEMORYSTATUSEX status = memoryStatus();
  VirtualMemory m;
  m.total = static_cast<double>(status.ullTotalPhys);
  m.available = static_cast<double>(status.ullAvailPhys);
  m.free = m.available;
  m.used = m.total - m.available;
  m.percent = usagePercent(m.used, m.total);
  return m;
}

// psutil: swap is the commit limit less physical memory; its use comes from
// the paging file counter, not from the commit charge (which counts pages
// reserved but never touched). sin/sout are always 0 on Windows.
SwapMemory WindowsBackend::swapMemory() const {
  const MEMORYSTATUSEX status = memoryStatus();
  SwapMemory s;
  s.total = status.ullTotalPageFile > status.ullTotalPhys ? static_cast<double>(status.ullTotalPageFile - status.ullTotalPhys) : 0;
  double percent = 0;
  if (s.total > 0) {
    percent = pagingFileUsagePercent();
    s.used = std::floor(0.01 * percent * s.total);
  }
  s.free = s.total - s.used;
  s.percent = std::round(percent * 10) / 10;
  return s;
}

}  // namespace procyon
