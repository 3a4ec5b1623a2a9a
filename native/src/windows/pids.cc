// psutil's pids / pid_exists on Windows.

#include <windows.h>
#include <psapi.h>

#include <algorithm>
#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// psutil_get_pids(): EnumProcesses, growing the buffer until it is not full
// (a full buffer may have been cut short).
std::vector<DWORD> enumProcesses() {
  std::vector<DWORD> pids(1024);
  for (;;) {
    DWORD bytes = 0;
    const DWORD size = static_cast<DWORD>(pids.size() * sizeof(DWORD));
    if (!EnumProcesses(pids.data(), size, &bytes)) throw win::fromWin32(GetLastError(), "EnumProcesses");
    if (bytes < size) {
      pids.resize(bytes / sizeof(DWORD));
      return pids;
    }
    if (pids.size() >= (1u << 22)) throw Error(ErrorCode::IoError, "EnumProcesses: more than 4M processes");
    pids.resize(pids.size() * 2);
  }
}

bool pidInPids(DWORD pid) {
  const std::vector<DWORD> pids = enumProcesses();
  return std::find(pids.begin(), pids.end(), pid) != pids.end();
}

const WindowsFunctions kImplements{"pids", "pidExists"};

}  // namespace

PidList WindowsBackend::pids() const {
  PidList list;
  for (DWORD pid : enumProcesses()) list.pids.push_back(pid);
  return list;
}

// psutil_pid_is_running(): 0 is the System Idle Process; an open handle
// whose exit code is STILL_ACTIVE is running; access denied means there is a
// process to deny access to; anything else defers to the pid list (a process
// that exited with code 259, STILL_ACTIVE's value, is settled there too).
PidPresence WindowsBackend::pidExists(int64_t pid) const {
  if (pid == 0) return {true};
  if (pid < 0 || pid > static_cast<int64_t>(MAXDWORD)) return {false};
  const DWORD id = static_cast<DWORD>(pid);
  HANDLE handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, id);
  if (handle) {
    DWORD code = 0;
    const bool running = GetExitCodeProcess(handle, &code) && code == STILL_ACTIVE;
    CloseHandle(handle);
    if (running) return {true};
    return {pidInPids(id)};
  }
  if (GetLastError() == ERROR_ACCESS_DENIED) return {true};
  return {pidInPids(id)};
}

}  // namespace procyon
