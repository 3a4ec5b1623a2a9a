// WindowsBackend::watchChildExit: psutil's wait() on Windows reads any
// process's exit code through its handle (not only a child's), and nothing
// is reaped on Windows, so node's own child handling is never disturbed.
// The handle is opened and its creation time checked against the caller's,
// and held: the exit code read later is that process's, never a successor's.

#include <windows.h>

#include <cmath>
#include <memory>

#include "windows/functions.h"
#include "windows/process_host.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

class HandleExitWatch final : public ChildExitWatch {
 public:
  explicit HandleExitWatch(win::ProcessHandle handle) : handle_(std::move(handle)) {}
  ChildExit poll() override {
    if (WaitForSingleObject(handle_.get(), 0) != WAIT_OBJECT_0) return {};
    ChildExit exit;
    exit.exited = true;
    DWORD code = 0;
    if (GetExitCodeProcess(handle_.get(), &code)) exit.returncode = static_cast<int>(code);
    return exit;
  }

 private:
  win::ProcessHandle handle_;
};

const WindowsFunctions kImplements{"waitProcs"};

}  // namespace

std::unique_ptr<ChildExitWatch> WindowsBackend::watchChildExit(int64_t pid, double createTime) const {
  win::ProcessHandle handle = win::openProcess(pid, SYNCHRONIZE);
  const std::optional<double> created = win::createTimeOf(handle.get(), pid);
  if (!created || std::fabs(*created - createTime) > 1e-4) {
    throw win::noSuchProcess(pid, std::nullopt, "process no longer exists and its PID has been reused");
  }
  return std::make_unique<HandleExitWatch>(std::move(handle));
}

}  // namespace procyon
