// psutil's boot_time on Windows: the wall clock less the time since boot.

#include <windows.h>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

const WindowsFunctions kImplements{"bootTime"};

}  // namespace

// psutil (psutil_boot_time): now, from GetSystemTimeAsFileTime, less the
// uptime from GetTickCount64; see win::bootTimeEpoch.
double WindowsBackend::bootTime() const { return win::bootTimeEpoch(); }

}  // namespace procyon
