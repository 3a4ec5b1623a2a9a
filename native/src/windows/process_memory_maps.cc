// psutil's proc_memory_maps on Windows: walk the address space with
// VirtualQueryEx and keep each region GetMappedFileNameW names a file for;
// rss is the region's size and perms psutil's spelling of its protection.

#include <windows.h>
#include <psapi.h>

#include <cstdio>

#include "windows/process_sections.h"
#include "windows/win_util.h"

namespace procyon::win {
namespace {

const char* protectionText(DWORD protection) {
  switch (protection & 0xff) {
    case PAGE_NOACCESS: return "";
    case PAGE_READONLY: return "r";
    case PAGE_READWRITE: return "rw";
    case PAGE_WRITECOPY: return "wc";
    case PAGE_EXECUTE: return "x";
    case PAGE_EXECUTE_READ: return "xr";
    case PAGE_EXECUTE_READWRITE: return "xrw";
    case PAGE_EXECUTE_WRITECOPY: return "xwc";
    default: return "?";
  }
}

// Python's hex(): 0x and lowercase digits, no padding.
std::string hexAddress(uintptr_t address) {
  char text[2 + 16 + 1];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(address));
  return text;
}

}  // namespace

std::vector<WindowsProcessMemoryMap> memoryMaps(HANDLE process, int64_t pid) {
  SYSTEM_INFO system{};
  GetSystemInfo(&system);
  const auto last = reinterpret_cast<uintptr_t>(system.lpMaximumApplicationAddress);
  std::vector<WindowsProcessMemoryMap> maps;
  std::wstring name(32768, L'\0');  // NTFS's longest path and its NUL, as psutil
  uintptr_t address = 0;
  MEMORY_BASIC_INFORMATION region{};
  while (address <= last && VirtualQueryEx(process, reinterpret_cast<LPCVOID>(address), &region, sizeof region)) {
    const DWORD length = GetMappedFileNameW(process, reinterpret_cast<LPVOID>(address), name.data(), static_cast<DWORD>(name.size()));
    if (length) {
      maps.push_back({hexAddress(address), protectionText(region.Protect), toUtf8(dosPath(std::wstring_view(name.data(), length))),
                      static_cast<double>(region.RegionSize)});
    }
    if (region.RegionSize == 0) break;  // never loop in place
    address = reinterpret_cast<uintptr_t>(region.BaseAddress) + region.RegionSize;
  }
  if (maps.empty() && address == 0) {
    // Not one region could be queried: the handle lacks the right or the process is gone.
    throw handleCallError(pid, GetLastError(), "VirtualQueryEx");
  }
  return maps;
}

}  // namespace procyon::win
