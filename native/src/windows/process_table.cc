// WindowsBackend::processTable: one NtQuerySystemInformation(SystemProcessInformation)
// call gives every row's pid, ppid, name, create time, CPU times, memory,
// threads and I/O (psutil's proc_info); a handle per process, only when
// the fields ask, gives username, cmdline (the PEB), exe and priority class.
//
// What a handle gives is cached per (pid, create time): a handle's fields are
// read only after its create time matched the list's, so a pid reused
// between the list and the open never lends its fields to the old row.
// cmdline is re-read after 10 s (a process may rewrite its PEB's copy).

#include <windows.h>

#include <chrono>
#include <iterator>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "common/json_budget.h"
#include "windows/functions.h"
#include "windows/process_host.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {

struct WindowsProcessCache {
  struct Entry {
    double createTime = 0;
    uint64_t seenInScan = 0;
    std::optional<std::string> username, exe;
    std::shared_ptr<const std::vector<std::string>> cmdline;
    int64_t cmdlineBytes = -1;
    size_t cmdlineBudget = 0;
    double cmdlineReadAt = 0;
  };
  std::mutex mutex;
  uint64_t scans = 0;
  std::unordered_map<int64_t, Entry> processes;
};

namespace {

constexpr double kCmdlineRefreshSeconds = 10.0;

double monotonicSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

const WindowsFunctions kImplements{"processTable"};

}  // namespace

WindowsBackend::WindowsBackend() : processCache_(std::make_shared<WindowsProcessCache>()) {}

void WindowsBackend::processTableCacheClear() const {
  std::lock_guard<std::mutex> lock(processCache_->mutex);
  processCache_->processes.clear();
}

ProcessTable WindowsBackend::processTable(uint32_t fields, size_t cmdlineBudget) const {
  ProcessTable table;
  table.fields = fields;
  table.timestamp = monotonicSeconds();
  const bool withThreads = fields & (kTblStatus | kTblNumCtxSwitches);
  std::vector<win::NtProcess> list = win::systemProcesses(withThreads);
  table.cpuTimesUntil = monotonicSeconds();

  std::lock_guard<std::mutex> lock(processCache_->mutex);
  WindowsProcessCache& cache = *processCache_;
  const uint64_t scan = ++cache.scans;
  const bool wantHandle = fields & (kTblUsername | kTblCmdline | kTblExe | kTblNice);
  table.rows.reserve(list.size());
  for (win::NtProcess& p : list) {
    ProcessTableRow row;
    row.pid = p.pid;
    row.ppid = p.ppid;
    row.name = std::move(p.name);
    row.createTime = p.createTime;
    row.status = p.suspended() ? "stopped" : "running";
    row.cpuTimes = p.user + p.system;
    row.rss = static_cast<double>(p.wset);
    row.vms = static_cast<double>(p.pagefile);  // psutil's vms on Windows is the pagefile commit
    row.numThreads = p.numThreads;
    row.hasIo = true;
    row.readBytes = static_cast<double>(p.readBytes);
    row.writeBytes = static_cast<double>(p.writeBytes);
    if (fields & kTblNumCtxSwitches) {
      uint64_t switches = 0;
      for (const win::NtThread& t : p.threads) switches += t.contextSwitches;
      row.voluntaryCtxSwitches = switches;  // psutil: (sum over threads, 0)
      row.involuntaryCtxSwitches = 0;
    }
    if (wantHandle && p.pid != 0) {
      auto& entry = cache.processes[p.pid];
      if (entry.createTime != p.createTime) {
        entry = WindowsProcessCache::Entry();
        entry.createTime = p.createTime;
      }
      entry.seenInScan = scan;
      const bool needCmdline = (fields & kTblCmdline) &&
                               (!entry.cmdline || entry.cmdlineBudget != cmdlineBudget || table.timestamp - entry.cmdlineReadAt >= kCmdlineRefreshSeconds);
      const bool needExe = (fields & kTblExe) && !entry.exe;
      const bool needUser = (fields & kTblUsername) && !entry.username;
      const bool needNice = fields & kTblNice;
      if (needCmdline || needExe || needUser || needNice) {
        win::ProcessHandle handle;
        try {
          handle = win::openProcess(p.pid, needCmdline ? PROCESS_VM_READ | PROCESS_QUERY_INFORMATION : 0);
        } catch (const Error&) {
          try {
            handle = win::openProcess(p.pid, 0);  // denied the PEB: the rest may still be readable
          } catch (const Error&) {
          }
        }
        // Only a handle to the very process the list described may fill its row.
        bool same = false;
        if (handle.get()) {
          try {
            same = win::createTimeOf(handle.get(), p.pid) == p.createTime;
          } catch (const Error&) {
          }
        }
        if (same) {
          const auto tryRead = [](auto&& fn) {
            try {
              fn();
            } catch (const Error&) {
              // denied or gone: the column stays empty, as psutil's ad_value
            }
          };
          if (needCmdline) {
            tryRead([&] {
              std::vector<std::string> args = win::commandLine(handle.get(), p.pid);
              int64_t bytes = 0;
              for (const std::string& a : args) bytes += static_cast<int64_t>(a.size()) + 1;
              const bool cut = cutArgs(args, cmdlineBudget, false);
              entry.cmdline = std::make_shared<const std::vector<std::string>>(std::move(args));
              entry.cmdlineBytes = cut ? bytes : -1;
              entry.cmdlineBudget = cmdlineBudget;
              entry.cmdlineReadAt = table.timestamp;
            });
          }
          if (needExe) tryRead([&] { entry.exe = win::imagePath(handle.get(), p.pid); });
          if (needUser) tryRead([&] { entry.username = win::userName(handle.get(), p.pid); });
          if (needNice) {
            const DWORD priority = GetPriorityClass(handle.get());
            if (priority) row.nice = priority;
          }
        }
      }
      row.cmdline = entry.cmdline;
      row.cmdlineBytes = entry.cmdlineBytes;
      if (entry.exe) row.exe = *entry.exe;
      if (entry.username) row.username = *entry.username;
    }
    table.rows.push_back(std::move(row));
  }
  // Forget the processes this scan did not see.
  for (auto it = cache.processes.begin(); it != cache.processes.end();) {
    it = it->second.seenInScan == scan ? std::next(it) : cache.processes.erase(it);
  }
  return table;
}

}  // namespace procyon
