// LinuxBackend::processAction: every action on a process first proves that
// the pid still names the same process (same create time). Through a pidfd:
// open it, THEN re-read the create time of that pid; if it matches, the fd
// refers to the process we meant, and pidfd_send_signal cannot hit a
// successor that reused the pid. (Setters other than signals have no pidfd
// variant; for them the check narrows the race to the syscall itself.)

#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

#include "common/unique_fd.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "parse/proc_pid_stat.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434  // same number on x86_64 and aarch64
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

namespace procyon {
namespace {

using namespace linux_process;

// Raises NoSuchProcess unless <pid> exists with `createTime`.
void checkIdentity(const Roots& roots, int64_t pid, double createTime) {
  const auto brief = briefStat(roots, pid);
  if (!brief) throw noSuchProcess(pid, std::nullopt);
  const double actual = createTimeOf(roots, brief->starttime);
  // Both sides come from the same formula over the same integers.
  if (std::fabs(actual - createTime) > 1e-6) {
    throw noSuchProcess(pid, brief->comm, "process no longer exists and its PID has been reused");
  }
}

[[noreturn]] void failSyscall(int err, const Roots& roots, int64_t pid, const char* what) {
  if (err == ESRCH) {
    const auto brief = briefStat(roots, pid);
    throw noSuchProcess(pid, brief ? std::optional<std::string>(brief->comm) : std::nullopt);
  }
  if (err == EPERM || err == EACCES) {
    const auto brief = briefStat(roots, pid);
    throw accessDenied(pid, brief ? std::optional<std::string>(brief->comm) : std::nullopt, err);
  }
  if (err == EINVAL) throw Error(ErrorCode::InvalidArgument, std::string(what) + ": invalid argument", {}, err);
  throw Error::fromErrno(err, what, pidDirectory(roots, pid));
}

}  // namespace

void LinuxBackend::processAction(const Roots& roots, const ProcessAction& action) const {
  const int64_t pid = action.pid;
  if (pid <= 0) throw Error::invalidArgument("pid must be a positive integer");
  int pidfd = -1;
  if (action.createTime) {
    pidfd = static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
    if (pidfd < 0 && errno == ESRCH) throw noSuchProcess(pid, std::nullopt);
    // ENOSYS (kernel < 5.3) or a sandbox: fall back to check-then-act by pid.
  }
  UniqueFd guard(pidfd);
  if (action.createTime) checkIdentity(roots, pid, *action.createTime);

  switch (action.kind) {
    case ProcessAction::Kind::CheckIdentity:
      return;
    case ProcessAction::Kind::Signal: {
      int rc;
      if (pidfd >= 0) {
        rc = static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, action.signal, nullptr, 0));
        if (rc != 0 && errno == ENOSYS) rc = ::kill(static_cast<pid_t>(pid), action.signal);
      } else {
        rc = ::kill(static_cast<pid_t>(pid), action.signal);
      }
      if (rc != 0) failSyscall(errno, roots, pid, "kill");
      return;
    }
    case ProcessAction::Kind::Nice:
      if (::setpriority(PRIO_PROCESS, static_cast<id_t>(pid), static_cast<int>(action.value)) != 0) {
        failSyscall(errno, roots, pid, "setpriority");
      }
      return;
    case ProcessAction::Kind::Ionice: {
      const long prio = (static_cast<long>(action.ioclass) << 13) | action.value;
      if (::syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, static_cast<int>(pid), prio) != 0) {
        failSyscall(errno, roots, pid, "ioprio_set");
      }
      return;
    }
    case ProcessAction::Kind::Rlimit: {
      const auto asRlim = [](double v) { return v < 0 ? RLIM_INFINITY : static_cast<rlim_t>(v); };
      struct rlimit value {asRlim(action.soft), asRlim(action.hard)};
      if (::prlimit(static_cast<pid_t>(pid), static_cast<__rlimit_resource>(action.resource), &value, nullptr) != 0) {
        failSyscall(errno, roots, pid, "prlimit");
      }
      return;
    }
    case ProcessAction::Kind::CpuAffinity: {
      const size_t count = 4096;
      cpu_set_t* set = CPU_ALLOC(count);
      const size_t size = CPU_ALLOC_SIZE(count);
      CPU_ZERO_S(size, set);
      for (const int64_t cpu : action.cpus) {
        if (cpu < 0 || static_cast<size_t>(cpu) >= count) {
          CPU_FREE(set);
          throw Error::invalidArgument("invalid CPU number " + std::to_string(cpu));
        }
        CPU_SET_S(static_cast<size_t>(cpu), size, set);
      }
      const int rc = ::sched_setaffinity(static_cast<pid_t>(pid), size, set);
      const int err = errno;
      CPU_FREE(set);
      if (rc != 0) failSyscall(err, roots, pid, "sched_setaffinity");
      return;
    }
  }
}

}  // namespace procyon
