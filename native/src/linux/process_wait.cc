// LinuxBackend::watchChildExit: how a child of this process ended, for
// Process#wait() and waitProcs(), without taking it from its owner.
//
// psutil's wait() reaps its child with waitpid() and returns the status. In
// Node the children belong to libuv: its SIGCHLD handler calls
// waitpid(pid, WNOHANG) for each process it spawned, and a child reaped by
// anyone else never gets its 'exit' event. So nothing here reaps:
//
// - A pidfd is opened first, then the pid's create time and parent are
//   checked: the fd names the process meant, and it is our child.
// - poll() asks waitid(P_PIDFD, WEXITED | WNOHANG | WNOWAIT): a peek at a
//   child that has exited and not yet been reaped (a zombie), which leaves it
//   for libuv to reap.
// - If libuv reaped it first (ECHILD), the pidfd still answers
//   PIDFD_GET_INFO with PIDFD_INFO_EXIT (Linux 6.15+): the kernel keeps the
//   exit status for as long as a pidfd is held, which is why the watch holds
//   one from before the exit. On older kernels that race is lost and the
//   status is unknown (returncode unset → null).
//
// poll() is called on the JS thread, the thread libuv reaps on, so a peek and
// a reap never run at once; which comes first after an exit is the only race,
// and both orders are covered above.

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "linux/pidfd_syscalls.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

namespace procyon {
namespace {

using namespace linux_process;

// <linux/pidfd.h>'s PIDFD_GET_INFO (Linux 6.13+; exit_code with PIDFD_INFO_EXIT
// since 6.15), declared here for older headers: the first, 64-byte version,
// which every kernel that has the ioctl accepts.
struct PidfdInfo {
  uint64_t mask;
  uint64_t cgroupid;
  uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
  int32_t exitCode;
};
static_assert(sizeof(PidfdInfo) == 64, "PIDFD_INFO_SIZE_VER0");
constexpr uint64_t kPidfdInfoExit = 1ULL << 3;
constexpr unsigned long kPidfdGetInfo = _IOWR(0xFF, 11, PidfdInfo);

// A wait status (as waitpid gives) as Popen.returncode: the code, or -signal.
std::optional<int> returncodeOfStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return std::nullopt;
}

class PidfdChildWatch final : public ChildExitWatch {
 public:
  PidfdChildWatch(int pidfd, pid_t pid) : fd_(pidfd), pid_(pid) {}
  ~PidfdChildWatch() override { ::close(fd_); }
  PidfdChildWatch(const PidfdChildWatch&) = delete;
  PidfdChildWatch& operator=(const PidfdChildWatch&) = delete;

  ChildExit poll() override {
    if (done_) return *done_;
    siginfo_t info;
    std::memset(&info, 0, sizeof info);
    int rc;
    do {
      rc = ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(fd_), &info, WEXITED | WNOHANG | WNOWAIT);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0 && errno == EINVAL) {
      // Kernel < 5.4 has no P_PIDFD: the pid itself (still ours: held as a zombie until reaped).
      do {
        rc = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT);
      } while (rc != 0 && errno == EINTR);
    }
    if (rc == 0) {
      if (info.si_pid == 0) return ChildExit{};  // still running
      ChildExit exit{true, std::nullopt};
      if (info.si_code == CLD_EXITED) exit.returncode = info.si_status;
      else if (info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED) exit.returncode = -info.si_status;
      return remember(exit);
    }
    if (errno != ECHILD) throw Error::fromErrno(errno, "waitid", "/proc/" + std::to_string(pid_));
    // Reaped already (by libuv, which owns it): the status, if the kernel kept it.
    ChildExit exit{true, std::nullopt};
    PidfdInfo pinfo{};
    pinfo.mask = kPidfdInfoExit;
    if (::ioctl(fd_, kPidfdGetInfo, &pinfo) == 0 && (pinfo.mask & kPidfdInfoExit)) {
      exit.returncode = returncodeOfStatus(pinfo.exitCode);
    }
    return remember(exit);
  }

 private:
  ChildExit remember(const ChildExit& exit) {
    done_ = exit;
    return exit;
  }

  int fd_;
  pid_t pid_;
  std::optional<ChildExit> done_;
};

}  // namespace

std::unique_ptr<ChildExitWatch> LinuxBackend::watchChildExit(int64_t pid, double createTime) const {
  if (pid <= 0) throw Error::invalidArgument("pid must be a positive integer");
  // A captured tree's pids are not this machine's: nothing to wait on here.
  if (!roots_.live) return nullptr;
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
  if (pidfd < 0) {
    if (errno == ESRCH) throw noSuchProcess(pid, std::nullopt);
    return nullptr;  // ENOSYS (kernel < 5.3) or a sandbox: the caller polls, and the status is unknown
  }
  auto watch = std::make_unique<PidfdChildWatch>(pidfd, static_cast<pid_t>(pid));  // owns the fd from here
  // Checked after the fd is open, so the fd names the process that passed.
  const BriefStat brief = checkIdentity(roots_, pid, createTime);
  if (brief.ppid != static_cast<int64_t>(::getpid())) return nullptr;
  return watch;
}

}  // namespace procyon
