#pragma once

// What the Windows process readers, table and actions share: the NT process
// list (NtQuerySystemInformation(SystemProcessInformation), as psutil's
// psutil_get_proc_info), process handles opened with psutil's error rules,
// and the fields read through a handle (create time, PEB strings, token).

#include <windows.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"

namespace procyon::win {

struct NtThread {
  int64_t id = 0;
  double user = 0, system = 0;
  uint32_t contextSwitches = 0;
  uint32_t state = 0, waitReason = 0;
};

// One entry of the NT process list; memory in bytes, times in seconds.
struct NtProcess {
  int64_t pid = 0;
  int64_t ppid = 0;
  std::string name;
  double createTime = 0;  // seconds since the epoch; boot time for pids 0 and 4 (psutil)
  double user = 0, system = 0;
  uint32_t numThreads = 0;
  uint32_t handleCount = 0;
  uint64_t pageFaults = 0, peakWset = 0, wset = 0, peakPagedPool = 0, pagedPool = 0, peakNonpagedPool = 0,
           nonpagedPool = 0, pagefile = 0, peakPagefile = 0, privateBytes = 0;
  uint64_t readOps = 0, writeOps = 0, otherOps = 0, readBytes = 0, writeBytes = 0, otherBytes = 0;
  std::vector<NtThread> threads;
  // psutil's status rule: every thread waits for the Suspended reason.
  bool suspended() const;
};

// The whole list, in NT's order; threads only when asked. A process whose
// creation time is not stamped yet (one still starting) is left out until it is.
std::vector<NtProcess> systemProcesses(bool withThreads);
// One pid's entry, NoSuchProcess when the list lacks it; one still starting
// is waited for (up to 1 s) until its creation time is stamped.
NtProcess systemProcess(int64_t pid, bool withThreads);

// "(pid=1, name='x')" as psutil prints it.
Error noSuchProcess(int64_t pid, const std::optional<std::string>& name, const std::string& why = {});
Error accessDenied(int64_t pid, const std::optional<std::string>& name, uint32_t code);
// A Win32 error of `operation` on `pid` as psutil maps it: gone → NoSuchProcess, denied → AccessDenied.
Error processError(int64_t pid, uint32_t code, const std::string& operation);

// A call through a handle we hold failing: the process object exists, so no
// code means "no such process" here (psutil raises a plain OSError); denied
// codes are AccessDenied, the rest an error naming the operation.
Error handleCallError(int64_t pid, uint32_t code, const std::string& operation);
// The same for an NTSTATUS: an information class this system does not
// implement (Wine lacks several) is UNSUPPORTED.
Error handleCallStatus(int64_t pid, long status, const std::string& operation);

// A process handle, closed once.
class ProcessHandle {
 public:
  ProcessHandle() = default;
  explicit ProcessHandle(HANDLE h) : h_(h) {}
  ProcessHandle(ProcessHandle&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  ProcessHandle& operator=(ProcessHandle&& o) noexcept {
    if (this != &o) {
      reset();
      h_ = std::exchange(o.h_, nullptr);
    }
    return *this;
  }
  ProcessHandle(const ProcessHandle&) = delete;
  ProcessHandle& operator=(const ProcessHandle&) = delete;
  ~ProcessHandle() { reset(); }
  HANDLE get() const { return h_; }
  void reset() {
    if (h_) CloseHandle(h_);
    h_ = nullptr;
  }

 private:
  HANDLE h_ = nullptr;
};

// psutil_handle_from_pid: OpenProcess, NoSuchProcess when the pid names no
// process or one that has exited (a handle can outlive its process),
// AccessDenied when refused. pid 0 (System Idle Process) is AccessDenied, as psutil.
ProcessHandle openProcess(int64_t pid, DWORD access);

// GetProcessTimes' creation time by systemProcesses()' rules; nothing while it is not stamped yet.
std::optional<double> createTimeOf(HANDLE process, int64_t pid);

// QueryFullProcessImageNameW (a DOS path).
std::string imagePath(HANDLE process, int64_t pid);
// The PEB's process parameters (psutil_get_process_data): command line split
// as CommandLineToArgvW does, current directory without its trailing
// backslash (psutil), environment block.
std::vector<std::string> commandLine(HANDLE process, int64_t pid);
std::string currentDirectory(HANDLE process, int64_t pid);
std::vector<std::pair<std::string, std::string>> environment(HANDLE process, int64_t pid);
// The token's user as DOMAIN\name (psutil_proc_username).
std::string userName(HANDLE process, int64_t pid);

// CommandLineToArgvW's rules (the first word is the program: no escapes in it).
std::vector<std::wstring> splitCommandLine(const std::wstring& line);

}  // namespace procyon::win
