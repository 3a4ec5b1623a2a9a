// psutil's boot_time on Windows: the wall clock less the time since boot.

#include <windows.h>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// 100 ns units between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
constexpr uint64_t kUnixEpochInFiletime = 116444736000000000ULL;

const WindowsFunctions kImplements{"bootTime"};

}  // namespace

// psutil (psutil_boot_time): now, from GetSystemTimeAsFileTime, less the
// uptime in whole seconds from GetTickCount64. psutil's Python layer then
// keeps the previous answer while a new one is within 1 s of it; that state
// is per caller here, as lib/ keeps state, and not done yet.
double WindowsBackend::bootTime() const {
  FILETIME now{};
  GetSystemTimeAsFileTime(&now);
  const uint64_t since1601 = (static_cast<uint64_t>(now.dwHighDateTime) << 32) | now.dwLowDateTime;
  const double unixNow = win::hundredNsToSeconds(since1601 - kUnixEpochInFiletime);
  const uint64_t uptimeSeconds = GetTickCount64() / 1000;
  return unixNow - static_cast<double>(uptimeSeconds);
}

}  // namespace procyon
