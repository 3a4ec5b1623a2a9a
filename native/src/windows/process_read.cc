// WindowsBackend::readProcess: psutil.Process's Windows attributes. The NT
// process list answers what psutil's proc_info answers (and needs no access
// right, so it works for every process); a handle answers the rest. Each
// section carries its own value or error, so one AccessDenied (another
// user's PEB) does not lose the others. Sections Windows lacks (rlimits,
// terminal, ...) or that are not done here are UNSUPPORTED. The sections
// whose psutil record is Windows' own (memoryInfo, memoryFull, ioCounters,
// memoryMaps, openFiles) carry the Windows records of records_process.h.

#include <windows.h>
#include <psapi.h>

#include <optional>

#include "windows/functions.h"
#include "windows/net_connections.h"
#include "windows/process_host.h"
#include "windows/process_sections.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

template <typename T, typename Fn>
void fill(Section<T>& section, Fn&& fn) {
  try {
    section.emplace(std::in_place_index<0>, fn());
  } catch (const Error& e) {
    section.emplace(std::in_place_index<1>, e);
  }
}

template <typename T>
void unsupportedSection(Section<T>& section, const char* what) {
  section.emplace(std::in_place_index<1>, Error::unsupported(std::string(what) + " is not supported on this platform"));
}

// lib/'s Process and processIter run on readProcess; cpuAffinity is reported apart.
const WindowsFunctions kImplements{"Process", "processIter", "Process.cpuAffinity", "Process.ionice"};

}  // namespace

ProcessSnapshot WindowsBackend::readProcess(const ProcessQuery& query) const {
  const int64_t pid = query.pid;
  const uint32_t want = query.sections;
  ProcessSnapshot snap;
  snap.pid = pid;

  // The NT list: one read serves basic, ids, memoryInfo, ioCounters and threads.
  std::optional<win::NtProcess> listed;
  std::optional<Error> listError;
  if (want & (kSecBasic | kSecIds | kSecMemoryInfo | kSecIoCounters | kSecThreads)) {
    try {
      listed = win::systemProcess(pid, want & (kSecBasic | kSecIds | kSecThreads));
    } catch (const Error& e) {
      listError = e;
    }
  }
  const auto fromList = [&](auto&& fn) {
    if (!listed) throw *listError;
    return fn(*listed);
  };

  // A handle for the rest, opened once with what the sections need.
  DWORD access = 0;
  if (want & (kSecCmdline | kSecEnviron | kSecCwd)) access |= PROCESS_QUERY_INFORMATION | PROCESS_VM_READ;
  if (want & kSecCpuAffinity) access |= PROCESS_QUERY_INFORMATION;
  if (want & (kSecMemoryFull | kSecMemoryMaps)) access |= PROCESS_QUERY_INFORMATION | PROCESS_VM_READ;  // QueryWorkingSet, GetMappedFileNameW
  if (want & kSecOpenFiles) access |= PROCESS_DUP_HANDLE;
  const bool wantHandle = want & (kSecBasic | kSecCmdline | kSecEnviron | kSecCwd | kSecExe | kSecUsername | kSecCpuAffinity | kSecNumFds |
                                  kSecMemoryInfo | kSecIoCounters | kSecMemoryFull | kSecMemoryMaps | kSecOpenFiles | kSecIonice);
  win::ProcessHandle handle;
  std::optional<Error> handleError;
  if (wantHandle) {
    try {
      handle = win::openProcess(pid, access);
    } catch (const Error& e) {
      handleError = e;
    }
  }
  const auto withHandle = [&](auto&& fn) {
    if (!handle.get()) throw *handleError;
    return fn(handle.get());
  };

  if (want & kSecBasic) {
    fill(snap.basic, [&] {
      return fromList([&](const win::NtProcess& p) {
        ProcessBasicGroup info;
        info.name = p.name;
        info.status = p.suspended() ? "stopped" : "running";
        info.ppid = p.ppid;
        info.createTime = p.createTime;
        info.cpuTimes.user = p.user;
        info.cpuTimes.system = p.system;
        info.numThreads = p.numThreads;
        // psutil's nice on Windows: the priority class (0 where the handle is denied).
        if (handle.get()) info.nice = GetPriorityClass(handle.get());
        return info;
      });
    });
  }
  if (want & kSecIds) {
    fill(snap.ids, [&] {
      return fromList([&](const win::NtProcess& p) {
        ProcessIdsGroup ids;  // Windows has no uids or gids: null, which lib/ reports UNSUPPORTED
        ids.numThreads = p.numThreads;
        uint64_t switches = 0;
        for (const win::NtThread& t : p.threads) switches += t.contextSwitches;
        ids.voluntary = switches;  // psutil's num_ctx_switches: (sum over threads, 0)
        ids.involuntary = 0;
        return ids;
      });
    });
  }
  if (want & kSecMemoryInfo) {
    // Through the handle where it opened (psutil's proc_memory_info), else the list's counters.
    fill(snap.memoryInfo, [&] { return fromList([&](const win::NtProcess& p) { return win::memoryInfo(handle.get(), p); }); });
  }
  if (want & kSecIoCounters) {
    fill(snap.ioCounters, [&] { return fromList([&](const win::NtProcess& p) { return win::ioCounters(handle.get(), p); }); });
  }
  if (want & kSecThreads) {
    fill(snap.threads, [&] {
      return fromList([](const win::NtProcess& p) {
        std::vector<ProcessThread> threads;
        for (const win::NtThread& t : p.threads) threads.push_back({t.id, t.user, t.system});
        return threads;
      });
    });
  }
  if (want & kSecCmdline) fill(snap.cmdline, [&] { return withHandle([&](HANDLE h) { return win::commandLine(h, pid); }); });
  if (want & kSecEnviron) {
    fill(snap.environ, [&] { return withHandle([&](HANDLE h) { return win::environment(h, pid); }); });
  }
  if (want & kSecCwd) fill(snap.cwd, [&] { return withHandle([&](HANDLE h) { return win::currentDirectory(h, pid); }); });
  if (want & kSecExe) fill(snap.exe, [&] { return withHandle([&](HANDLE h) { return win::imagePath(h, pid); }); });
  if (want & kSecUsername) fill(snap.username, [&] { return withHandle([&](HANDLE h) { return win::userName(h, pid); }); });
  if (want & kSecNumFds) {
    // psutil's num_handles: the Windows counterpart of num_fds.
    fill(snap.numFds, [&] {
      return withHandle([&](HANDLE h) {
        DWORD count = 0;
        if (!GetProcessHandleCount(h, &count)) throw win::processError(pid, GetLastError(), "GetProcessHandleCount");
        return static_cast<int64_t>(count);
      });
    });
  }
  if (want & kSecCpuAffinity) {
    fill(snap.cpuAffinity, [&] {
      return withHandle([&](HANDLE h) {
        DWORD_PTR mask = 0, system = 0;
        if (!GetProcessAffinityMask(h, &mask, &system)) throw win::processError(pid, GetLastError(), "GetProcessAffinityMask");
        std::vector<int64_t> cpus;
        for (int cpu = 0; cpu < static_cast<int>(sizeof(DWORD_PTR) * 8); ++cpu) {
          if (mask & (static_cast<DWORD_PTR>(1) << cpu)) cpus.push_back(cpu);
        }
        return cpus;
      });
    });
  }
  if (want & kSecMemoryFull) {
    fill(snap.memoryFull, [&] { return withHandle([&](HANDLE h) { return WindowsProcessMemoryFullGroup{win::uniqueSetSize(h, pid)}; }); });
  }
  if (want & kSecMemoryMaps) fill(snap.memoryMaps, [&] { return withHandle([&](HANDLE h) { return win::memoryMaps(h, pid); }); });
  if (want & kSecOpenFiles) fill(snap.openFiles, [&] { return withHandle([&](HANDLE h) { return win::openFiles(h, pid); }); });
  if (want & kSecIonice) {
    // psutil's ionice on Windows is one IOPRIO_* level: it travels as the ioclass, value 0.
    fill(snap.ionice, [&] { return withHandle([&](HANDLE h) { return ProcessIonice{static_cast<int>(win::ioPriority(h, pid)), 0}; }); });
  }
  if (want & kSecRlimits) unsupportedSection(snap.rlimits, "Process.rlimit");
  // psutil: the system-wide tables, this pid's rows (no handle needed).
  if (want & kSecConnections) fill(snap.connections, [&] { return std::move(win::connections(query.connectionKind, pid).connections); });
  if (want & kSecTerminal) unsupportedSection(snap.terminal, "Process.terminal");
  return snap;
}

}  // namespace procyon
