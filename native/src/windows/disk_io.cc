// psutil's disk_io_counters on Windows (psutil_disk_io_counters): the
// IOCTL_DISK_PERFORMANCE counters of \\.\PhysicalDrive0..32, named
// PhysicalDriveN. A drive that cannot be opened, or whose driver keeps no
// counters (ERROR_INVALID_FUNCTION, ERROR_NOT_SUPPORTED), is left out; with
// none left psutil answers {} per disk and None for the total (lib/disks.ts).
// Windows has no merged counts or busy time: those fields stay 0.

#include <windows.h>
#include <winioctl.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// psutil: more than the 26 drive letters; drive numbers need not be dense.
constexpr int kLastDrive = 32;
constexpr size_t kMaxBufferWords = 1 << 16;

struct Handle {
  HANDLE h;
  ~Handle() {
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  }
};

// 100 ns units to milliseconds (psutil's read_time / write_time).
double milliseconds(const LARGE_INTEGER& t) { return static_cast<double>(static_cast<uint64_t>(t.QuadPart) / 10000); }

const WindowsFunctions kImplements{"diskIoCounters"};

}  // namespace

// Every PhysicalDrive is a whole disk, so perdisk changes nothing here.
std::vector<DiskIoCounters> WindowsBackend::diskIoCounters(bool /*perdisk*/) const {
  std::vector<DiskIoCounters> result;
  for (int drive = 0; drive <= kLastDrive; ++drive) {
    const std::string name = "PhysicalDrive" + std::to_string(drive);
    const std::wstring device = L"\\\\.\\" + win::toWide(name);
    const Handle disk{CreateFileW(device.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr)};
    if (disk.h == INVALID_HANDLE_VALUE) continue;
    // psutil retries a driver that asks for more room than DISK_PERFORMANCE.
    std::vector<uint64_t> buffer((sizeof(DISK_PERFORMANCE) + 7) / 8);
    DWORD written = 0;
    bool skip = false;
    while (!DeviceIoControl(disk.h, IOCTL_DISK_PERFORMANCE, nullptr, 0, buffer.data(), static_cast<DWORD>(buffer.size() * 8), &written, nullptr)) {
      const DWORD error = GetLastError();
      if (error == ERROR_INSUFFICIENT_BUFFER && buffer.size() < kMaxBufferWords) {
        buffer.resize(buffer.size() * 2);
        continue;
      }
      if (error == ERROR_INVALID_FUNCTION || error == ERROR_NOT_SUPPORTED) {
        skip = true;
        break;
      }
      throw win::fromWin32(error, "DeviceIoControl(IOCTL_DISK_PERFORMANCE)", "\\\\.\\" + name);
    }
    if (skip) continue;
    DISK_PERFORMANCE perf;
    std::memcpy(&perf, buffer.data(), sizeof(perf));
    DiskIoCounters c;
    c.name = name;
    c.readCount = perf.ReadCount;
    c.writeCount = perf.WriteCount;
    c.readBytes = static_cast<double>(perf.BytesRead.QuadPart);
    c.writeBytes = static_cast<double>(perf.BytesWritten.QuadPart);
    c.readTime = milliseconds(perf.ReadTime);
    c.writeTime = milliseconds(perf.WriteTime);
    result.push_back(std::move(c));
  }
  return result;
}

}  // namespace procyon
