#pragma once

// Process methods read through a handle beyond process_host.h's: each lives
// in a file of its own concept (process_memory.cc, process_io_counters.cc,
// process_memory_maps.cc, process_open_files.cc, process_io_priority.cc,
// dos_path.cc); process_read.cc and process_actions.cc call them.

#include <windows.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/records_platform.h"
#include "common/records_process.h"
#include "windows/process_host.h"

namespace procyon::win {

// psutil's memory_info: GetProcessMemoryInfo (PROCESS_MEMORY_COUNTERS_EX)
// through `process`; where that is denied (null handle), the NT list's
// counters, as psutil falls back to proc_info.
WindowsProcessMemoryInfo memoryInfo(HANDLE process, const NtProcess& listed);
// psutil's io_counters: GetProcessIoCounters, else the NT list's counters.
WindowsProcessIoCounters ioCounters(HANDLE process, const NtProcess& listed);
// psutil's uss: working-set pages that are private or shared by no other process, in bytes.
double uniqueSetSize(HANDLE process, int64_t pid);

// psutil's memory_maps(grouped=False): every region with a mapped file.
std::vector<WindowsProcessMemoryMap> memoryMaps(HANDLE process, int64_t pid);

// psutil's open_files: the regular files among the process's handles.
std::vector<WindowsProcessOpenFile> openFiles(HANDLE process, int64_t pid);

// psutil's IOPRIO_VERYLOW..IOPRIO_HIGH: what ionice reads and accepts here.
const std::vector<NamedConstant>& ioPriorities();
int64_t ioPriority(HANDLE process, int64_t pid);
void setIoPriority(HANDLE process, int64_t pid, int64_t priority);

// An NT device path ("\Device\HarddiskVolume1\x", "\??\C:\x", "\Device\Mup\srv\share\x")
// as psutil's convert_dos_path writes it ("C:\x", "\\srv\share\x"); a device no drive
// letter names is returned as it is.
std::wstring dosPath(std::wstring_view path);

// An exported ntdll function that no SDK header declares; UNSUPPORTED where this ntdll lacks it.
FARPROC ntdllFunction(const char* name);

}  // namespace procyon::win
