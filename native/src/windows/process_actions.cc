// WindowsBackend::processAction. Every action is race-free: the process
// handle is opened first, its creation time is checked against the
// {pid, createTime} the caller sent, and the action goes through that handle.
// An open handle pins its process: while we hold it, the pid cannot name
// another process, so the process checked is the process acted on. A pid
// whose create time differs is NoSuchProcess and nothing is touched.
//
// psutil's Windows actions: terminate and kill are TerminateProcess (exit
// code: the signal's number, as psutil), suspend and resume are
// NtSuspendProcess / NtResumeProcess, nice is the priority class, ionice one
// of the IOPRIO_* levels (ProcessIoPriority), cpu affinity a mask. POSIX
// signals, Linux's ionice classes and rlimits do not exist.

#include <windows.h>
#include <winternl.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "windows/process_host.h"
#include "windows/process_sections.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// As node's os.constants.signals numbers them on Windows.
constexpr int kSigKill = 9;
constexpr int kSigTerm = 15;

using NtProcessCall = NTSTATUS(NTAPI*)(HANDLE);

// NtSuspendProcess / NtResumeProcess: exported by ntdll, declared by no SDK header.
NtProcessCall ntdllCall(const char* name) { return reinterpret_cast<NtProcessCall>(reinterpret_cast<void*>(win::ntdllFunction(name))); }

DWORD accessFor(ProcessAction::Kind kind) {
  switch (kind) {
    case ProcessAction::Kind::Signal: return PROCESS_TERMINATE;
    case ProcessAction::Kind::Suspend:
    case ProcessAction::Kind::Resume: return PROCESS_SUSPEND_RESUME;
    case ProcessAction::Kind::Nice: return PROCESS_SET_INFORMATION;
    case ProcessAction::Kind::Ionice: return PROCESS_SET_INFORMATION | PROCESS_QUERY_INFORMATION;  // psutil's proc_io_priority_set
    case ProcessAction::Kind::CpuAffinity: return PROCESS_SET_INFORMATION | PROCESS_QUERY_INFORMATION;
    default: return 0;
  }
}

// Whether `value` is one of the constants describe() lists (WindowsBackend::constants()).
bool isOneOf(const std::vector<NamedConstant>& constants, int64_t value) {
  for (const NamedConstant& c : constants) {
    if (c.value == value) return true;
  }
  return false;
}

// The test hook (ProcessAction::testGate): says "checked", waits up to 30 s for "go".
void waitAtTestGate(const std::string& gate) {
  const std::wstring dir = win::toWide(gate);
  HANDLE checked = CreateFileW((dir + L"\\checked").c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (checked != INVALID_HANDLE_VALUE) CloseHandle(checked);
  const std::wstring go = dir + L"\\go";
  for (int i = 0; i < 6000 && GetFileAttributesW(go.c_str()) == INVALID_FILE_ATTRIBUTES; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void act(HANDLE h, const ProcessAction& action) {
  const int64_t pid = action.pid;
  switch (action.kind) {
    case ProcessAction::Kind::Signal:
      if (!TerminateProcess(h, static_cast<UINT>(action.signal))) throw win::processError(pid, GetLastError(), "TerminateProcess");
      return;
    case ProcessAction::Kind::Suspend:
    case ProcessAction::Kind::Resume: {
      const bool suspend = action.kind == ProcessAction::Kind::Suspend;
      const NTSTATUS status = ntdllCall(suspend ? "NtSuspendProcess" : "NtResumeProcess")(h);
      if (status < 0) throw win::processError(pid, RtlNtStatusToDosError(status), suspend ? "NtSuspendProcess" : "NtResumeProcess");
      return;
    }
    case ProcessAction::Kind::Nice:
      if (!SetPriorityClass(h, static_cast<DWORD>(action.value))) throw win::processError(pid, GetLastError(), "SetPriorityClass");
      return;
    case ProcessAction::Kind::Ionice:
      win::setIoPriority(h, pid, action.ioclass);
      return;
    case ProcessAction::Kind::CpuAffinity: {
      DWORD_PTR mask = 0;
      for (int64_t cpu : action.cpus) mask |= static_cast<DWORD_PTR>(1) << cpu;
      // A CPU outside the system's mask is the caller's error; SetProcessAffinityMask would say
      // ERROR_INVALID_PARAMETER, which for a process call otherwise means "no such process".
      DWORD_PTR current = 0, system = 0;
      if (!GetProcessAffinityMask(h, &current, &system)) throw win::processError(pid, GetLastError(), "GetProcessAffinityMask");
      if (mask & ~system) throw Error::invalidArgument("invalid CPU number: the system's CPUs are the mask " + std::to_string(system));
      if (!SetProcessAffinityMask(h, mask)) throw win::processError(pid, GetLastError(), "SetProcessAffinityMask");
      return;
    }
    default:
      return;
  }
}

}  // namespace

void WindowsBackend::processAction(const ProcessAction& action) const {
  const int64_t pid = action.pid;
  if (pid < 0) throw Error::invalidArgument("pid must be a positive integer");
  // What the platform lacks, refused before any handle is opened.
  switch (action.kind) {
    case ProcessAction::Kind::Rlimit: throw Error::unsupported("Process.rlimit is not supported on this platform");
    case ProcessAction::Kind::Signal:
      // psutil: SIGTERM (terminate) and kill; CTRL_C_EVENT / CTRL_BREAK_EVENT are not done here.
      if (action.signal != kSigTerm && action.signal != kSigKill) {
        throw Error::invalidArgument("only SIGTERM and SIGKILL are supported on Windows, got signal " + std::to_string(action.signal));
      }
      break;
    case ProcessAction::Kind::Nice:
      if (!isOneOf(WindowsBackend::priorityClasses(), action.value)) throw Error::invalidArgument("nice on Windows takes a *_PRIORITY_CLASS constant, got " + std::to_string(action.value));
      break;
    case ProcessAction::Kind::Ionice:
      // psutil: one IOPRIO_* level and no value ("value argument not accepted on Windows").
      if (!isOneOf(win::ioPriorities(), action.ioclass)) throw Error::invalidArgument("ionice on Windows takes an IOPRIO_* level, got " + std::to_string(action.ioclass));
      if (action.value != 0) throw Error::invalidArgument("ionice on Windows takes no value, got " + std::to_string(action.value));
      break;
    case ProcessAction::Kind::CpuAffinity:
      if (action.cpus.empty()) throw Error::invalidArgument("cpus may not be empty");
      for (int64_t cpu : action.cpus) {
        if (cpu < 0 || cpu >= static_cast<int64_t>(sizeof(DWORD_PTR) * 8)) throw Error::invalidArgument("invalid CPU number " + std::to_string(cpu));
      }
      break;
    default:
      break;
  }
  win::ProcessHandle handle = win::openProcess(pid, accessFor(action.kind));
  if (action.createTime) {
    const std::optional<double> now = win::createTimeOf(handle.get(), pid);
    // Both sides come from the same FILETIME through the same arithmetic; the tolerance only absorbs a JS round trip.
    // A process not stamped yet cannot be the one the caller saw (every time reported was stamped).
    if (!now || std::fabs(*now - *action.createTime) > 1e-4) {
      throw win::noSuchProcess(pid, std::nullopt, "process no longer exists and its PID has been reused; nothing was done to the process now holding it");
    }
  }
  if (action.kind == ProcessAction::Kind::CheckIdentity) return;
  if (!action.testGate.empty()) waitAtTestGate(action.testGate);
  act(handle.get(), action);
}

}  // namespace procyon
