#include "windows/process_host.h"

#include <winternl.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <cwctype>

#include "windows/win_util.h"

namespace procyon::win {
namespace {

// SYSTEM_PROCESS_INFORMATION and SYSTEM_THREAD_INFORMATION with the fields
// winternl.h calls Reserved (x64 layout, as NT and Wine lay them out).
struct NtUnicodeString {
  USHORT length;
  USHORT maximumLength;
  PWSTR buffer;
};
struct NtThreadEntry {
  LARGE_INTEGER kernelTime, userTime, createTime;
  ULONG waitTime;
  PVOID startAddress;
  HANDLE uniqueProcess, uniqueThread;
  LONG priority, basePriority;
  ULONG contextSwitches, threadState, waitReason;
};
struct NtProcessEntry {
  ULONG nextEntryOffset;
  ULONG numberOfThreads;
  LARGE_INTEGER workingSetPrivateSize;
  ULONG hardFaultCount, numberOfThreadsHighWatermark;
  ULONGLONG cycleTime;
  LARGE_INTEGER createTime, userTime, kernelTime;
  NtUnicodeString imageName;
  LONG basePriority;
  HANDLE uniqueProcessId, inheritedFromUniqueProcessId;
  ULONG handleCount, sessionId;
  ULONG_PTR uniqueProcessKey;
  SIZE_T peakVirtualSize, virtualSize;
  ULONG pageFaultCount;
  SIZE_T peakWorkingSetSize, workingSetSize, quotaPeakPagedPoolUsage, quotaPagedPoolUsage, quotaPeakNonPagedPoolUsage,
      quotaNonPagedPoolUsage, pagefileUsage, peakPagefileUsage, privatePageCount;
  LARGE_INTEGER readOperationCount, writeOperationCount, otherOperationCount, readTransferCount, writeTransferCount,
      otherTransferCount;
  // followed by numberOfThreads NtThreadEntry
};
static_assert(sizeof(void*) == 8, "the NT layouts below are x64's");
static_assert(offsetof(NtProcessEntry, createTime) == 0x20);
static_assert(offsetof(NtProcessEntry, imageName) == 0x38);
static_assert(offsetof(NtProcessEntry, uniqueProcessId) == 0x50);
static_assert(offsetof(NtProcessEntry, workingSetSize) == 0x90);
static_assert(offsetof(NtProcessEntry, privatePageCount) == 0xC8);
static_assert(sizeof(NtProcessEntry) == 0x100);
static_assert(offsetof(NtThreadEntry, uniqueThread) == 0x30);
static_assert(offsetof(NtThreadEntry, contextSwitches) == 0x40);
static_assert(sizeof(NtThreadEntry) == 0x50);

constexpr auto kSystemProcessInformation = static_cast<SYSTEM_INFORMATION_CLASS>(5);
constexpr NTSTATUS kStatusInfoLengthMismatch = static_cast<NTSTATUS>(0xC0000004);
constexpr ULONG kThreadStateWaiting = 5;
constexpr ULONG kWaitReasonSuspended = 5;

uint64_t units(const LARGE_INTEGER& v) { return static_cast<uint64_t>(v.QuadPart); }

std::string describeProcess(int64_t pid, const std::optional<std::string>& name) {
  return "(pid=" + std::to_string(pid) + (name ? ", name='" + *name + "'" : std::string()) + ")";
}

// psutil names NT's two kernel processes by pid (_pswindows' name()).
constexpr int64_t kIdlePid = 0;
constexpr int64_t kSystemPid = 4;

// The clock a creation time is judged by, read once per list.
struct Clock {
  double boot = bootTimeEpoch();
  double now = nowEpoch();
};

// A creation time the kernel has stamped lies between boot and now. A process
// still starting may not be stamped yet: Wine's wineserver lists a process
// launched from Unix before it sets its start time, which until then holds
// wineserver's allocation filler (0x5555555555555555, the year 21086), and
// its name and parent are missing too. A day's slack either way keeps every
// real time through clock corrections.
std::optional<double> stampedCreateTime(int64_t pid, uint64_t units, const Clock& clock) {
  // NT gives the idle process no creation time: psutil means boot time for it ("translated into BOOT_TIME").
  if (pid == kIdlePid) return clock.boot;
  constexpr double kSlack = 86400;
  const double t = fileTimeToEpoch(units);
  if (units == 0 || t < clock.boot - kSlack || t > clock.now + kSlack) return std::nullopt;
  return t;
}

// The raw list: grown until NT says it fits (processes start between calls).
std::vector<unsigned char> processListBuffer() {
  ULONG size = 256 * 1024;
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<unsigned char> buffer(size);
    ULONG needed = 0;
    const NTSTATUS status = NtQuerySystemInformation(kSystemProcessInformation, buffer.data(), size, &needed);
    if (status == kStatusInfoLengthMismatch) {
      if (size >= 256u * 1024 * 1024) break;
      size = std::max(size * 2, needed + 64 * 1024);
      continue;
    }
    if (status < 0) throw fromWin32(RtlNtStatusToDosError(status), "NtQuerySystemInformation(SystemProcessInformation)");
    return buffer;
  }
  throw Error(ErrorCode::IoError, "NtQuerySystemInformation(SystemProcessInformation): the process list kept growing");
}

int64_t pidOf(const NtProcessEntry& e) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.uniqueProcessId)); }

// The entry as a process, or nothing while its creation time is not stamped (see stampedCreateTime).
std::optional<NtProcess> toProcess(const NtProcessEntry& e, bool withThreads, const Clock& clock) {
  NtProcess p;
  p.pid = pidOf(e);
  const std::optional<double> created = stampedCreateTime(p.pid, units(e.createTime), clock);
  if (!created) return std::nullopt;
  p.createTime = *created;
  p.ppid = static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.inheritedFromUniqueProcessId));
  if (p.pid == kIdlePid) {
    p.name = "System Idle Process";
  } else if (p.pid == kSystemPid) {
    p.name = "System";
  } else if (e.imageName.buffer && e.imageName.length) {
    p.name = toUtf8(std::wstring_view(e.imageName.buffer, e.imageName.length / sizeof(wchar_t)));
  }
  p.user = hundredNsToSeconds(units(e.userTime));
  p.system = hundredNsToSeconds(units(e.kernelTime));
  p.numThreads = e.numberOfThreads;
  p.handleCount = e.handleCount;
  p.pageFaults = e.pageFaultCount;
  p.peakWset = e.peakWorkingSetSize;
  p.wset = e.workingSetSize;
  p.peakPagedPool = e.quotaPeakPagedPoolUsage;
  p.pagedPool = e.quotaPagedPoolUsage;
  p.peakNonpagedPool = e.quotaPeakNonPagedPoolUsage;
  p.nonpagedPool = e.quotaNonPagedPoolUsage;
  p.pagefile = e.pagefileUsage;
  p.peakPagefile = e.peakPagefileUsage;
  p.privateBytes = e.privatePageCount;
  p.readOps = units(e.readOperationCount);
  p.writeOps = units(e.writeOperationCount);
  p.otherOps = units(e.otherOperationCount);
  p.readBytes = units(e.readTransferCount);
  p.writeBytes = units(e.writeTransferCount);
  p.otherBytes = units(e.otherTransferCount);
  if (withThreads) {
    const auto* t = reinterpret_cast<const NtThreadEntry*>(&e + 1);
    for (ULONG i = 0; i < e.numberOfThreads; ++i) {
      NtThread thread;
      thread.id = static_cast<int64_t>(reinterpret_cast<uintptr_t>(t[i].uniqueThread));
      thread.user = hundredNsToSeconds(units(t[i].userTime));
      thread.system = hundredNsToSeconds(units(t[i].kernelTime));
      thread.contextSwitches = t[i].contextSwitches;
      thread.state = t[i].threadState;
      thread.waitReason = t[i].waitReason;
      p.threads.push_back(thread);
    }
  }
  return p;
}

// Walks the list, stopping where an entry would leave the buffer.
template <typename Fn>
void forEachEntry(const std::vector<unsigned char>& buffer, Fn&& fn) {
  size_t offset = 0;
  for (;;) {
    if (offset + sizeof(NtProcessEntry) > buffer.size()) return;
    const auto& entry = *reinterpret_cast<const NtProcessEntry*>(buffer.data() + offset);
    if (offset + sizeof(NtProcessEntry) + entry.numberOfThreads * sizeof(NtThreadEntry) > buffer.size()) return;
    if (!fn(entry)) return;
    if (entry.nextEntryOffset == 0) return;
    offset += entry.nextEntryOffset;
  }
}

// --- the PEB (x64): where the process parameters keep what psutil reads ---
constexpr size_t kPebProcessParameters = 0x20;
constexpr size_t kParamsCurrentDirectory = 0x38;
constexpr size_t kParamsCommandLine = 0x70;
constexpr size_t kParamsEnvironment = 0x80;
constexpr size_t kParamsEnvironmentSize = 0x3F0;
constexpr size_t kEnvironmentCap = 16 * 1024 * 1024;

void readRemote(HANDLE process, int64_t pid, uintptr_t address, void* out, size_t size) {
  SIZE_T read = 0;
  if (!ReadProcessMemory(process, reinterpret_cast<LPCVOID>(address), out, size, &read) || read != size) {
    throw processError(pid, GetLastError(), "ReadProcessMemory");
  }
}

template <typename T>
T readRemote(HANDLE process, int64_t pid, uintptr_t address) {
  T value{};
  readRemote(process, pid, address, &value, sizeof value);
  return value;
}

uintptr_t processParameters(HANDLE process, int64_t pid) {
  BOOL wow64 = FALSE;
  if (IsWow64Process(process, &wow64) && wow64) {
    throw Error::unsupported("reading a 32-bit process's PEB " + describeProcess(pid, std::nullopt) + " is not implemented");
  }
  PROCESS_BASIC_INFORMATION info{};
  ULONG written = 0;
  const NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof info, &written);
  if (status < 0) throw processError(pid, RtlNtStatusToDosError(status), "NtQueryInformationProcess(ProcessBasicInformation)");
  if (!info.PebBaseAddress) throw accessDenied(pid, std::nullopt, ERROR_ACCESS_DENIED);
  return readRemote<uintptr_t>(process, pid, reinterpret_cast<uintptr_t>(info.PebBaseAddress) + kPebProcessParameters);
}

std::wstring readRemoteString(HANDLE process, int64_t pid, uintptr_t address) {
  const auto s = readRemote<NtUnicodeString>(process, pid, address);
  std::wstring text(s.length / sizeof(wchar_t), L'\0');
  if (!text.empty()) readRemote(process, pid, reinterpret_cast<uintptr_t>(s.buffer), text.data(), text.size() * sizeof(wchar_t));
  return text;
}

}  // namespace

bool NtProcess::suspended() const {
  if (threads.empty()) return false;
  return std::all_of(threads.begin(), threads.end(),
                     [](const NtThread& t) { return t.state == kThreadStateWaiting && t.waitReason == kWaitReasonSuspended; });
}

std::vector<NtProcess> systemProcesses(bool withThreads) {
  const std::vector<unsigned char> buffer = processListBuffer();
  const Clock clock;
  std::vector<NtProcess> list;
  forEachEntry(buffer, [&](const NtProcessEntry& e) {
    if (std::optional<NtProcess> p = toProcess(e, withThreads, clock)) list.push_back(std::move(*p));
    return true;
  });
  return list;
}

NtProcess systemProcess(int64_t pid, bool withThreads) {
  // A process still starting is stamped within milliseconds: its entry is read again until it is.
  constexpr ULONGLONG kStartingWaitMs = 1000;
  const ULONGLONG deadline = GetTickCount64() + kStartingWaitMs;
  for (;;) {
    const std::vector<unsigned char> buffer = processListBuffer();
    const Clock clock;
    bool listed = false;
    std::optional<NtProcess> found;
    forEachEntry(buffer, [&](const NtProcessEntry& e) {
      if (pidOf(e) != pid) return true;
      listed = true;
      found = toProcess(e, withThreads, clock);
      return false;
    });
    if (found) return std::move(*found);
    if (!listed) throw noSuchProcess(pid, std::nullopt);
    if (GetTickCount64() >= deadline) throw noSuchProcess(pid, std::nullopt, "process is still starting");
    Sleep(2);
  }
}

Error noSuchProcess(int64_t pid, const std::optional<std::string>& name, const std::string& why) {
  Error error(ErrorCode::NoSuchProcess, (why.empty() ? "process no longer exists " : why + " ") + describeProcess(pid, name));
  error.pid = pid;
  error.processName = name;
  return error;
}

Error accessDenied(int64_t pid, const std::optional<std::string>& name, uint32_t code) {
  Error error(ErrorCode::AccessDenied, "access denied " + describeProcess(pid, name), {}, static_cast<int>(code));
  error.pid = pid;
  error.processName = name;
  return error;
}

Error processError(int64_t pid, uint32_t code, const std::string& operation) {
  switch (code) {
    case ERROR_INVALID_PARAMETER:  // OpenProcess on a pid that names nothing
    case ERROR_INVALID_HANDLE:
      return noSuchProcess(pid, std::nullopt);
    case ERROR_ACCESS_DENIED:
    case ERROR_PRIVILEGE_NOT_HELD:
    case ERROR_PARTIAL_COPY:  // ReadProcessMemory of a process still starting or protected: psutil's AccessDenied
      return accessDenied(pid, std::nullopt, code);
    default: {
      Error error = fromWin32(code, operation + " " + describeProcess(pid, std::nullopt));
      error.pid = pid;
      return error;
    }
  }
}

Error handleCallError(int64_t pid, uint32_t code, const std::string& operation) {
  if (code == ERROR_ACCESS_DENIED || code == ERROR_PRIVILEGE_NOT_HELD || code == ERROR_PARTIAL_COPY) return accessDenied(pid, std::nullopt, code);
  Error error = fromWin32(code, operation + " " + describeProcess(pid, std::nullopt));
  error.pid = pid;
  return error;
}

Error handleCallStatus(int64_t pid, long status, const std::string& operation) {
  constexpr long kNotImplemented = static_cast<long>(0xC0000002);
  constexpr long kInvalidInfoClass = static_cast<long>(0xC0000003);
  if (status == kNotImplemented || status == kInvalidInfoClass) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(status));
    return Error::unsupported(operation + " is not implemented by this system (NTSTATUS " + hex + ")");
  }
  return handleCallError(pid, RtlNtStatusToDosError(status), operation);
}

ProcessHandle openProcess(int64_t pid, DWORD access) {
  if (pid == 0) throw accessDenied(pid, std::nullopt, ERROR_ACCESS_DENIED);
  if (pid < 0 || pid > static_cast<int64_t>(MAXDWORD)) throw noSuchProcess(pid, std::nullopt);
  ProcessHandle handle(OpenProcess(access | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid)));
  if (!handle.get()) throw processError(pid, GetLastError(), "OpenProcess");
  DWORD code = 0;
  if (GetExitCodeProcess(handle.get(), &code) && code != STILL_ACTIVE) throw noSuchProcess(pid, std::nullopt);
  return handle;
}

std::optional<double> createTimeOf(HANDLE process, int64_t pid) {
  FILETIME created{}, exited{}, kernel{}, user{};
  if (!GetProcessTimes(process, &created, &exited, &kernel, &user)) throw processError(pid, GetLastError(), "GetProcessTimes");
  return stampedCreateTime(pid, (static_cast<uint64_t>(created.dwHighDateTime) << 32) | created.dwLowDateTime, Clock());
}

std::string imagePath(HANDLE process, int64_t pid) {
  std::wstring path(MAX_PATH, L'\0');
  for (;;) {
    DWORD size = static_cast<DWORD>(path.size());
    if (QueryFullProcessImageNameW(process, 0, path.data(), &size)) {
      path.resize(size);
      return toUtf8(path);
    }
    const DWORD err = GetLastError();
    if (err != ERROR_INSUFFICIENT_BUFFER || path.size() >= 32768) throw processError(pid, err, "QueryFullProcessImageNameW");
    path.resize(path.size() * 2);
  }
}

std::vector<std::wstring> splitCommandLine(const std::wstring& line) {
  std::vector<std::wstring> args;
  size_t i = 0;
  const size_t n = line.size();
  const auto blank = [](wchar_t c) { return c == L' ' || c == L'\t'; };
  if (n == 0) return args;
  // The program: up to the closing quote, or the first blank; backslashes are path characters here.
  std::wstring program;
  if (line[0] == L'"') {
    for (i = 1; i < n && line[i] != L'"'; ++i) program += line[i];
    if (i < n) ++i;
  } else {
    for (; i < n && !blank(line[i]); ++i) program += line[i];
  }
  args.push_back(std::move(program));
  for (;;) {
    while (i < n && blank(line[i])) ++i;
    if (i >= n) return args;
    std::wstring arg;
    bool quoted = false;
    while (i < n && (quoted || !blank(line[i]))) {
      if (line[i] == L'\\') {
        size_t slashes = 0;
        while (i < n && line[i] == L'\\') ++slashes, ++i;
        if (i < n && line[i] == L'"') {
          arg.append(slashes / 2, L'\\');
          if (slashes % 2) {
            arg += L'"';
            ++i;
          }
        } else {
          arg.append(slashes, L'\\');
        }
      } else if (line[i] == L'"') {
        if (quoted && i + 1 < n && line[i + 1] == L'"') {
          arg += L'"';
          i += 2;
        } else {
          quoted = !quoted;
          ++i;
        }
      } else {
        arg += line[i++];
      }
    }
    args.push_back(std::move(arg));
  }
}

std::vector<std::string> commandLine(HANDLE process, int64_t pid) {
  const std::wstring line = readRemoteString(process, pid, processParameters(process, pid) + kParamsCommandLine);
  std::vector<std::string> args;
  for (const std::wstring& arg : splitCommandLine(line)) args.push_back(toUtf8(arg));
  return args;
}

std::string currentDirectory(HANDLE process, int64_t pid) {
  std::wstring dir = readRemoteString(process, pid, processParameters(process, pid) + kParamsCurrentDirectory);
  // psutil drops the trailing separator, except a drive's root keeps it ("C:\").
  if (dir.size() > 3 && dir.back() == L'\\') dir.pop_back();
  return toUtf8(dir);
}

std::vector<std::pair<std::string, std::string>> environment(HANDLE process, int64_t pid) {
  const uintptr_t params = processParameters(process, pid);
  const auto block = readRemote<uintptr_t>(process, pid, params + kParamsEnvironment);
  const auto size = std::min<size_t>(readRemote<SIZE_T>(process, pid, params + kParamsEnvironmentSize), kEnvironmentCap);
  std::wstring text;
  if (block && size) {
    text.resize(size / sizeof(wchar_t));
    readRemote(process, pid, block, text.data(), text.size() * sizeof(wchar_t));
  } else if (block) {
    // No size recorded: page by page until the block's terminating empty entry.
    constexpr size_t kChunk = 4096;
    while (text.size() * sizeof(wchar_t) < kEnvironmentCap && text.find(std::wstring(2, L'\0')) == std::wstring::npos) {
      std::wstring chunk(kChunk / sizeof(wchar_t), L'\0');
      SIZE_T read = 0;
      if (!ReadProcessMemory(process, reinterpret_cast<LPCVOID>(block + text.size() * sizeof(wchar_t)), chunk.data(), kChunk, &read) || read == 0) {
        if (text.empty()) throw processError(pid, GetLastError(), "ReadProcessMemory");
        break;
      }
      text.append(chunk, 0, read / sizeof(wchar_t));
    }
  }
  std::vector<std::pair<std::string, std::string>> vars;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = std::min(text.find(L'\0', pos), text.size());
    if (end == pos) break;  // the empty entry ends the block
    // "=C:=C:\dir" entries (per-drive directories) start with '=': psutil skips them.
    const size_t equal = text.find(L'=', pos);
    if (equal != std::wstring::npos && equal > pos && equal < end) {
      vars.emplace_back(toUtf8(std::wstring_view(text).substr(pos, equal - pos)),
                        toUtf8(std::wstring_view(text).substr(equal + 1, end - equal - 1)));
    }
    pos = end + 1;
  }
  return vars;
}

std::string userName(HANDLE process, int64_t pid) {
  HANDLE token = nullptr;
  if (!OpenProcessToken(process, TOKEN_QUERY, &token)) throw processError(pid, GetLastError(), "OpenProcessToken");
  ProcessHandle tokenGuard(token);
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  if (size == 0) throw processError(pid, GetLastError(), "GetTokenInformation(TokenUser)");
  std::vector<unsigned char> buffer(size);
  if (!GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) throw processError(pid, GetLastError(), "GetTokenInformation(TokenUser)");
  const PSID sid = reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
  std::wstring name(256, L'\0'), domain(256, L'\0');
  DWORD nameSize = static_cast<DWORD>(name.size()), domainSize = static_cast<DWORD>(domain.size());
  SID_NAME_USE use{};
  if (!LookupAccountSidW(nullptr, sid, name.data(), &nameSize, domain.data(), &domainSize, &use)) {
    if (GetLastError() != ERROR_INSUFFICIENT_BUFFER) throw processError(pid, GetLastError(), "LookupAccountSidW");
    name.assign(nameSize, L'\0');
    domain.assign(domainSize, L'\0');
    if (!LookupAccountSidW(nullptr, sid, name.data(), &nameSize, domain.data(), &domainSize, &use)) {
      throw processError(pid, GetLastError(), "LookupAccountSidW");
    }
  }
  name.resize(nameSize);
  domain.resize(domainSize);
  return toUtf8(domain) + "\\" + toUtf8(name);
}

}  // namespace procyon::win
