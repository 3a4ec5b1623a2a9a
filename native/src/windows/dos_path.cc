// psutil's convert_dos_path: the NT device paths that GetMappedFileNameW and
// NtQueryObject give, written with the drive letter (or UNC prefix) a person
// and CreateFileW know.

#include <windows.h>

#include <string>
#include <utility>
#include <vector>

#include "windows/process_sections.h"

namespace procyon::win {
namespace {

// The first `parts` components with their leading separator ("\Device\HarddiskVolume1" for 2).
size_t prefixLength(std::wstring_view path, int parts) {
  size_t pos = 0;
  for (int i = 0; i <= parts; ++i) {
    pos = path.find(L'\\', pos + (i ? 1 : 0));
    if (pos == std::wstring_view::npos) return path.size();
  }
  return pos;
}

// Each drive letter's device ("C:" → "\Device\HarddiskVolume1"), as QueryDosDeviceW says now.
std::vector<std::pair<std::wstring, std::wstring>> driveDevices() {
  std::vector<std::pair<std::wstring, std::wstring>> devices;
  const DWORD drives = GetLogicalDrives();
  for (int i = 0; i < 26; ++i) {
    if (!(drives & (1u << i))) continue;
    const std::wstring letter{static_cast<wchar_t>(L'A' + i), L':'};
    wchar_t target[MAX_PATH + 1] = {};
    if (QueryDosDeviceW(letter.c_str(), target, MAX_PATH)) devices.emplace_back(letter, target);
  }
  return devices;
}

}  // namespace

std::wstring dosPath(std::wstring_view path) {
  if (path.substr(0, 2) == L"\\\\") return std::wstring(path);
  const size_t drive = prefixLength(path, 2);
  const std::wstring_view rawDrive = path.substr(0, drive);
  if (rawDrive == L"\\??\\UNC" || rawDrive == L"\\Device\\Mup") {
    // \Device\Mup\server\share\rest → \\server\share\rest
    const size_t share = prefixLength(path, 4);
    return L"\\" + std::wstring(path.substr(rawDrive.size(), share - rawDrive.size())) + std::wstring(path.substr(share));
  }
  if (rawDrive.substr(0, 4) == L"\\??\\") return std::wstring(path.substr(4));  // \??\C:\x → C:\x
  for (const auto& [letter, device] : driveDevices()) {
    if (device == rawDrive) return letter + std::wstring(path.substr(drive));
  }
  return std::wstring(path);
}

}  // namespace procyon::win
