// psutil's sensors_battery on Windows: GetSystemPowerStatus, read as
// _pswindows.py does. No battery is psutil's None.

#include <windows.h>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

constexpr BYTE kFlagCharging = 8;
constexpr BYTE kFlagNoBattery = 128;
constexpr BYTE kAcOnline = 1;
// BatteryLifeTime when the system cannot tell (psutil compares with -1).
constexpr DWORD kLifeTimeUnknown = static_cast<DWORD>(-1);

const WindowsFunctions kImplements{"sensorsBattery"};

}  // namespace

BatteryResult WindowsBackend::sensorsBattery() const {
  SYSTEM_POWER_STATUS status{};
  if (!GetSystemPowerStatus(&status)) throw win::fromWin32(GetLastError(), "GetSystemPowerStatus");
  if (status.BatteryFlag & kFlagNoBattery) return {};
  Battery b;
  b.powerPlugged = status.ACLineStatus == kAcOnline;
  b.percent = status.BatteryLifePercent;
  // psutil: plugged in or charging is POWER_TIME_UNLIMITED; an unknown
  // estimate POWER_TIME_UNKNOWN; otherwise the system's seconds.
  if (*b.powerPlugged || (status.BatteryFlag & kFlagCharging)) b.secsleft = kPowerTimeUnlimited;
  else if (status.BatteryLifeTime == kLifeTimeUnknown) b.secsleft = kPowerTimeUnknown;
  else b.secsleft = status.BatteryLifeTime;
  return BatteryResult{b};
}

}  // namespace procyon
