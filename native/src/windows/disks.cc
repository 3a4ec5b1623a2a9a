// psutil's disk_partitions / disk_usage on Windows.

#include <windows.h>

#include <string>
#include <vector>

#include "common/percent.h"
#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// psutil_get_drive_type().
const char* driveTypeName(UINT type) {
  switch (type) {
    case DRIVE_FIXED: return "fixed";
    case DRIVE_CDROM: return "cdrom";
    case DRIVE_REMOVABLE: return "removable";
    case DRIVE_UNKNOWN: return "unknown";
    case DRIVE_NO_ROOT_DIR: return "unmounted";
    case DRIVE_REMOTE: return "remote";
    case DRIVE_RAMDISK: return "ramdisk";
    default: return "?";
  }
}

// The "A:\\" "B:\\" ... list GetLogicalDriveStringsW fills, split.
std::vector<std::wstring> logicalDrives() {
  std::wstring buffer(256, L'\0');
  for (;;) {
    const DWORD length = GetLogicalDriveStringsW(static_cast<DWORD>(buffer.size()), buffer.data());
    if (length == 0) throw win::fromWin32(GetLastError(), "GetLogicalDriveStrings");
    if (length < buffer.size()) {
      buffer.resize(length);
      break;
    }
    buffer.assign(length + 1, L'\0');
  }
  std::vector<std::wstring> drives;
  for (size_t start = 0; start < buffer.size();) {
    const size_t end = buffer.find(L'\0', start);
    const size_t stop = end == std::wstring::npos ? buffer.size() : end;
    if (stop > start) drives.push_back(buffer.substr(start, stop - start));
    start = stop + 1;
  }
  return drives;
}

// Stops Windows from asking the user to insert a disk while a drive is probed.
class QuietCriticalErrors {
 public:
  QuietCriticalErrors() { SetThreadErrorMode(SEM_FAILCRITICALERRORS, &previous_); }
  ~QuietCriticalErrors() { SetThreadErrorMode(previous_, nullptr); }
  QuietCriticalErrors(const QuietCriticalErrors&) = delete;
  QuietCriticalErrors& operator=(const QuietCriticalErrors&) = delete;

 private:
  DWORD previous_ = 0;
};

const WindowsFunctions kImplements{"diskPartitions", "diskUsage"};

}  // namespace

// psutil: one entry per drive letter, device and mountpoint both "C:\\".
// Without `all`, drives of unknown type, without a root, remote or RAM disks
// are left out, and so is the floppy A:. opts is "rw"/"ro" (",compressed")
// then the drive type; a drive that does not answer (an empty card reader)
// keeps only its type. Not yet: the volume mount points psutil lists for a
// volume that supports reparse points (FindFirstVolumeMountPointW).
std::vector<DiskPartition> WindowsBackend::diskPartitions(bool all) const {
  QuietCriticalErrors quiet;
  std::vector<DiskPartition> result;
  for (const std::wstring& drive : logicalDrives()) {
    const UINT type = GetDriveTypeW(drive.c_str());
    if (!all) {
      if (type == DRIVE_UNKNOWN || type == DRIVE_NO_ROOT_DIR || type == DRIVE_REMOTE || type == DRIVE_RAMDISK) continue;
      if (type == DRIVE_REMOVABLE && drive == L"A:\\") continue;
    }
    wchar_t fsType[MAX_PATH + 1] = {};
    DWORD flags = 0, maxComponent = 0;
    std::string opts;
    if (GetVolumeInformationW(drive.c_str(), nullptr, 0, nullptr, &maxComponent, &flags, fsType, MAX_PATH + 1)) {
      opts = (flags & FILE_READ_ONLY_VOLUME) ? "ro" : "rw";
      if (flags & FILE_VOLUME_IS_COMPRESSED) opts += ",compressed";
    }
    if (!opts.empty()) opts += ',';
    opts += driveTypeName(type);
    const std::string name = win::toUtf8(drive);
    result.push_back(DiskPartition{name, name, win::toUtf8(fsType), opts});
  }
  return result;
}

// psutil: total and total free bytes of the volume holding `path`;
// used = total - free, percent = used / total.
DiskUsage WindowsBackend::diskUsage(const std::string& path) const {
  const std::wstring wide = win::toWide(path);
  ULARGE_INTEGER available{}, total{}, free{};
  if (!GetDiskFreeSpaceExW(wide.c_str(), &available, &total, &free)) throw win::fromWin32(GetLastError(), "GetDiskFreeSpaceEx", path);
  DiskUsage usage;
  usage.total = static_cast<double>(total.QuadPart);
  usage.free = static_cast<double>(free.QuadPart);
  usage.used = usage.total - usage.free;
  usage.percent = usagePercent(usage.used, usage.total);
  return usage;
}

}  // namespace procyon
