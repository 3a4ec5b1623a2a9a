// LinuxBackend::processAction. What each action guarantees about identity:
//
// - Every action refuses (NOT_LIVE) unless the procfs root is the live /proc:
//   identity is read from that root, but a syscall takes a pid of this machine.
// - Signals are race-free: open a pidfd, THEN check that the pid still has the
//   expected create time; the fd then refers to the process we meant, and
//   pidfd_send_signal cannot reach a successor that reused the pid.
// - Setters (nice, ionice, rlimit, affinity) have no pidfd form: they act by
//   pid after the same check, and are checked after the fact. If the pidfd
//   still shows the process running after the syscall, the pid named it
//   throughout, so the change reached it. If it exited in between, the pid may
//   have been reused: the answer is NO_SUCH_PROCESS saying whether the pid is
//   now free or names another process that may have received the change.

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <thread>

#include "common/unique_fd.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "linux/parse/proc_pid_stat.h"
#include "linux/pidfd_syscalls.h"


namespace procyon {
namespace {

using namespace linux_process;

const char* actionName(ProcessAction::Kind kind) {
  switch (kind) {
    case ProcessAction::Kind::Signal: return "signal";
    case ProcessAction::Kind::Nice: return "renice";
    case ProcessAction::Kind::Ionice: return "ionice";
    case ProcessAction::Kind::Rlimit: return "rlimit";
    case ProcessAction::Kind::CpuAffinity: return "cpu affinity";
    case ProcessAction::Kind::CheckIdentity: return "identity check";
    case ProcessAction::Kind::Suspend:
    case ProcessAction::Kind::Resume: return "signal";
  }
  return "action";
}

// psutil's mapping: EPERM/EACCES → AccessDenied, EINVAL → ValueError
// (InvalidArgument). `why`, when known, is the kernel's reason in words.
[[noreturn]] void failSyscall(int err, const Roots& roots, int64_t pid, const std::optional<std::string>& name, const char* what,
                              const std::string& why = {}) {
  if (err == ESRCH) throw noSuchProcess(pid, name);
  if (err == EPERM || err == EACCES) {
    const auto brief = briefStat(roots, pid);
    Error denied = accessDenied(pid, name ? name : brief ? std::optional<std::string>(brief->comm) : std::nullopt, err);
    if (!why.empty()) denied.message += ": " + why;
    throw denied;
  }
  if (err == EINVAL) throw Error(ErrorCode::InvalidArgument, std::string(what) + ": " + (why.empty() ? "invalid argument" : why), {}, err);
  throw Error::fromErrno(err, what, pidDirectory(roots, pid));
}

// Why prlimit(2) refused a new limit, from the rules in its man page and
// kernel/sys.c (do_prlimit), so the caller learns the real reason: not every
// EPERM is about who the caller is. Empty when none of them explains it.
std::string rlimitRefusal(int err, const ProcessAction& action, const struct rlimit& wanted) {
  const auto shown = [](rlim_t v) { return v == RLIM_INFINITY ? std::string("unlimited") : std::to_string(v); };
  if (err == EINVAL && wanted.rlim_cur > wanted.rlim_max) {
    return "soft limit " + shown(wanted.rlim_cur) + " exceeds hard limit " + shown(wanted.rlim_max) + " (current limit exceeds maximum limit)";
  }
  if (err != EPERM) return {};
  if (action.resource == RLIMIT_NOFILE) {
    FileReader reader;
    try {
      const std::string text(reader.read("/proc/sys/fs", "nr_open"));
      const rlim_t nrOpen = std::stoull(text);
      if (wanted.rlim_max > nrOpen) {
        return "RLIMIT_NOFILE " + shown(wanted.rlim_max) + " is above fs.nr_open (" + std::to_string(nrOpen) +
               "), which the kernel refuses whatever the caller's privileges";
      }
    } catch (...) {
      // nr_open unreadable: fall through to the other reasons
    }
  }
  struct rlimit current {};
  if (::prlimit(static_cast<pid_t>(action.pid), static_cast<__rlimit_resource>(action.resource), nullptr, &current) == 0 &&
      wanted.rlim_max > current.rlim_max) {
    return "raising the hard limit from " + shown(current.rlim_max) + " to " + shown(wanted.rlim_max) + " needs CAP_SYS_RESOURCE";
  }
  return {};
}

// True once the process behind `pidfd` has exited (a pidfd polls readable then).
bool pidfdExited(int pidfd) {
  pollfd entry{pidfd, POLLIN, 0};
  int rc;
  do {
    rc = ::poll(&entry, 1, 0);
  } while (rc < 0 && errno == EINTR);
  return rc != 0;  // an error: assume the worst, and let the pid decide below
}

// After a setter acted by pid: did it reach the process that passed the check?
void confirmTarget(const Roots& roots, const ProcessAction& action, int pidfd, const std::string& name) {
  const int64_t pid = action.pid;
  if (pidfd >= 0 && !pidfdExited(pidfd)) return;  // alive throughout: the pid could not change hands
  const auto now = briefStat(roots, pid);
  const bool sameStart = now && sameCreateTime(roots, *now, *action.createTime);
  // Without a pidfd, the create time is all there is to go on.
  if (pidfd < 0 && sameStart) return;
  const std::string what = actionName(action.kind);
  // It exited. Still holding its pid as a zombie: nobody else can have been reached.
  if (!now || (sameStart && (now->state == 'Z' || now->state == 'X'))) {
    throw noSuchProcess(pid, name, "process exited while its " + what + " was being set; no other process holds its pid");
  }
  // A running process at that pid after ours exited is a successor, even one
  // born in the same clock tick (same create time).
  throw noSuchProcess(pid, name,
                      "process exited while its " + what + " was being set, and pid " + std::to_string(pid) + " now names another process ('" + now->comm +
                          "', create time " + std::to_string(createTimeOf(roots, now->starttime)) +
                          "): the change may have reached that process instead; check it");
}

void sendSignal(const Roots& roots, const ProcessAction& action, int pidfd, const std::optional<std::string>& name) {
  const pid_t pid = static_cast<pid_t>(action.pid);
  int rc;
  if (pidfd >= 0) {
    rc = static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, action.signal, nullptr, 0));
    if (rc != 0 && errno == ENOSYS) rc = ::kill(pid, action.signal);
  } else {
    rc = ::kill(pid, action.signal);
  }
  if (rc != 0) failSyscall(errno, roots, action.pid, name, "kill");
}

// The setter itself, by pid (there is no pidfd form of any of these).
void applySetter(const Roots& roots, const ProcessAction& action, const std::optional<std::string>& name) {
  const int64_t pid = action.pid;
  switch (action.kind) {
    case ProcessAction::Kind::Nice:
      if (::setpriority(PRIO_PROCESS, static_cast<id_t>(pid), static_cast<int>(action.value)) != 0) {
        failSyscall(errno, roots, pid, name, "setpriority");
      }
      return;
    case ProcessAction::Kind::Ionice: {
      const long prio = (static_cast<long>(action.ioclass) << 13) | action.value;
      if (::syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, static_cast<int>(pid), prio) != 0) {
        failSyscall(errno, roots, pid, name, "ioprio_set");
      }
      return;
    }
    case ProcessAction::Kind::Rlimit: {
      const auto asRlim = [](double v) { return v < 0 ? RLIM_INFINITY : static_cast<rlim_t>(v); };
      struct rlimit value {asRlim(action.soft), asRlim(action.hard)};
      if (::prlimit(static_cast<pid_t>(pid), static_cast<__rlimit_resource>(action.resource), &value, nullptr) != 0) {
        const int err = errno;
        failSyscall(err, roots, pid, name, "prlimit", rlimitRefusal(err, action, value));
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
      if (rc != 0) failSyscall(err, roots, pid, name, "sched_setaffinity");
      return;
    }
    case ProcessAction::Kind::Signal:
    case ProcessAction::Kind::CheckIdentity:
    case ProcessAction::Kind::Suspend:
    case ProcessAction::Kind::Resume:
      return;
  }
}

// The test hook (see ProcessAction::testGate): says "checked", waits up to 30 s for "go".
void waitAtTestGate(const std::string& gate) {
  UniqueFd checked(::open(joinPath(gate, "checked").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
  const std::string go = joinPath(gate, "go");
  for (int i = 0; i < 6000 && ::access(go.c_str(), F_OK) != 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

void LinuxBackend::processAction(const ProcessAction& action) const {
  // Suspend and resume are SIGSTOP and SIGCONT here, sent as any signal is.
  if (action.kind == ProcessAction::Kind::Suspend || action.kind == ProcessAction::Kind::Resume) {
    ProcessAction signal = action;
    signal.signal = action.kind == ProcessAction::Kind::Suspend ? SIGSTOP : SIGCONT;
    signal.kind = ProcessAction::Kind::Signal;
    processAction(signal);
    return;
  }
  // The binding's range also admits Windows priority classes.
  if (action.kind == ProcessAction::Kind::Nice && (action.value < -20 || action.value > 19)) {
    throw Error::invalidArgument("value must be an integer in [-20, 19]");
  }
  const int64_t pid = action.pid;
  if (pid <= 0) throw Error::invalidArgument("pid must be a positive integer");
  if (action.kind == ProcessAction::Kind::CheckIdentity) {
    if (action.createTime) checkIdentity(roots_, pid, *action.createTime);
    return;  // a read: fine on any root
  }
  if (!roots_.live) {
    throw Error(ErrorCode::NotLive,
                std::string("refusing to ") + actionName(action.kind) + " pid " + std::to_string(pid) + ": the roots (procfs " + roots_.procfs +
                    ", sysfs " + roots_.sysfs + ") are not this machine's live /proc and /sys (a captured tree?), so their pids are not this machine's processes",
                roots_.procfs);
  }
  int pidfd = -1;
  if (action.createTime) {
    pidfd = static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
    if (pidfd < 0 && errno == ESRCH) throw noSuchProcess(pid, std::nullopt);
    // ENOSYS (kernel < 5.3) or a sandbox: fall back to check-then-act by pid, then re-check.
  }
  UniqueFd guard(pidfd);
  std::optional<std::string> name;
  if (action.createTime) name = checkIdentity(roots_, pid, *action.createTime).comm;
  if (!action.testGate.empty()) waitAtTestGate(action.testGate);

  if (action.kind == ProcessAction::Kind::Signal) {
    sendSignal(roots_, action, pidfd, name);
    return;
  }
  applySetter(roots_, action, name);
  if (action.createTime) confirmTarget(roots_, action, pidfd, *name);
}

}  // namespace procyon
