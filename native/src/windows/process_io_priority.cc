// psutil's ionice on Windows: the process's I/O priority (ProcessIoPriority,
// an IO_PRIORITY_HINT) read with NtQueryInformationProcess and set with
// NtSetInformationProcess. Setting goes through the identity-checked handle
// of process_actions.cc.

#include <windows.h>
#include <winternl.h>

#include "windows/process_sections.h"

namespace procyon::win {
namespace {

constexpr auto kProcessIoPriority = static_cast<PROCESSINFOCLASS>(33);

using NtSetInformationProcessFn = NTSTATUS(NTAPI*)(HANDLE, PROCESSINFOCLASS, PVOID, ULONG);

}  // namespace

FARPROC ntdllFunction(const char* name) {
  const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  const FARPROC proc = ntdll ? GetProcAddress(ntdll, name) : nullptr;
  if (!proc) throw Error::unsupported(std::string(name) + " is not exported by this ntdll");
  return proc;
}

const std::vector<NamedConstant>& ioPriorities() {
  // IO_PRIORITY_HINT's values (IoPriorityVeryLow..IoPriorityHigh), psutil's names.
  static const std::vector<NamedConstant> levels = {
      {"IOPRIO_VERYLOW", 0}, {"IOPRIO_LOW", 1}, {"IOPRIO_NORMAL", 2}, {"IOPRIO_HIGH", 3}};
  return levels;
}

int64_t ioPriority(HANDLE process, int64_t pid) {
  ULONG priority = 0;
  const NTSTATUS status = NtQueryInformationProcess(process, kProcessIoPriority, &priority, sizeof priority, nullptr);
  if (status < 0) throw handleCallStatus(pid, status, "NtQueryInformationProcess(ProcessIoPriority)");
  return priority;
}

void setIoPriority(HANDLE process, int64_t pid, int64_t priority) {
  const auto set = reinterpret_cast<NtSetInformationProcessFn>(reinterpret_cast<void*>(ntdllFunction("NtSetInformationProcess")));
  ULONG value = static_cast<ULONG>(priority);
  const NTSTATUS status = set(process, kProcessIoPriority, &value, sizeof value);
  if (status < 0) throw handleCallStatus(pid, status, "NtSetInformationProcess(ProcessIoPriority)");
}

}  // namespace procyon::win
